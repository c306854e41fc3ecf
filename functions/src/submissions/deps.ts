import { config, type Config } from '../config';
import type { Deps } from '../deps';
import { RateLimitRepository } from '../data/rate-limit.repository';
import { NotificationRepository } from '../notices/notification.repository';
import { StandRepository } from '../stands/stand.repository';
import { StudioRepository } from '../studio/studio.repository';
import { AuditRepository } from '../audit/audit.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { notifierOf } from '../wiring/notifier';
import { contentCheckOf } from '../wiring/adapters/content-check';
import { photoStoreOf } from '../wiring/adapters/photos';
import { SubmissionRepository } from './submission.repository';

export type SubmissionsDeps = Basics & Pick<Deps, 'audit' | 'users' | 'studios' | 'stands' | 'submissions' | 'notifications' | 'notifier' | 'contentCheck' | 'photos' | 'rateLimits'>;

export function submissionsDeps(cfg: Config = config()): SubmissionsDeps {
  const table = tableOf(cfg);
  const basics = basicsOf(cfg);
  const notifications = new NotificationRepository(table);
  return {
    ...basics,
    audit: new AuditRepository(table),
    studios: new StudioRepository(table),
    stands: new StandRepository(table),
    submissions: new SubmissionRepository(table),
    notifications,
    notifier: notifierOf(cfg, { users: basics.users, notifications, now: basics.now, newId: basics.newId }),
    contentCheck: contentCheckOf(cfg),
    photos: photoStoreOf(cfg),
    rateLimits: new RateLimitRepository(table),
  };
}
