import type { Config } from '../config';
import type { Deps } from '../deps';
import { RateLimitRepository } from '../data/rate-limit.repository';
import { StandRepository } from '../stands/stand.repository';
import { StudioRepository } from '../studio/studio.repository';
import { AuditRepository } from '../audit/audit.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { contentCheckOf } from '../wiring/adapters/content-check';
import { photoStoreOf } from '../wiring/adapters/photos';
import { SubmissionRepository } from './submission.repository';

export type SubmissionsDeps = Basics & Pick<Deps, 'audit' | 'users' | 'studios' | 'stands' | 'submissions' | 'contentCheck' | 'photos' | 'rateLimits'>;

export function submissionsDeps(cfg: Config): SubmissionsDeps {
  const table = tableOf(cfg);
  const basics = basicsOf(cfg);
  return {
    ...basics,
    audit: new AuditRepository(table),
    studios: new StudioRepository(table),
    stands: new StandRepository(table),
    submissions: new SubmissionRepository(table),
    contentCheck: contentCheckOf(cfg),
    photos: photoStoreOf(cfg),
    rateLimits: new RateLimitRepository(table),
  };
}
