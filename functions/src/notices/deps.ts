import type { Config } from '../config';
import type { Deps } from '../deps';
import { StudioRepository } from '../studio/studio.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { NotificationRepository } from './notification.repository';

export type NoticesDeps = Basics & Pick<Deps, 'studios' | 'notifications'>;

export function noticesDeps(cfg: Config): NoticesDeps {
  const table = tableOf(cfg);
  return { ...basicsOf(cfg), studios: new StudioRepository(table), notifications: new NotificationRepository(table) };
}
