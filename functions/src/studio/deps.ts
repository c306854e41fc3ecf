import { config, type Config } from '../config';
import type { Deps } from '../deps';
import { NotificationRepository } from '../notices/notification.repository';
import { BookingRepository } from '../stands/booking.repository';
import { StandRepository } from '../stands/stand.repository';
import { AuditRepository } from '../audit/audit.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { notifierOf } from '../wiring/notifier';
import { StudioRepository } from './studio.repository';

/** Studio set-up; cancelling a stand notifies everyone booked on it. */
export type StudioDeps = Basics & Pick<Deps, 'audit' | 'studios' | 'stands' | 'bookings' | 'notifier'>;

export function studioDeps(cfg: Config = config()): StudioDeps {
  const table = tableOf(cfg);
  const basics = basicsOf(cfg);
  return {
    ...basics,
    audit: new AuditRepository(table),
    studios: new StudioRepository(table),
    stands: new StandRepository(table),
    bookings: new BookingRepository(table),
    notifier: notifierOf(cfg, { users: basics.users, notifications: new NotificationRepository(table), now: basics.now, newId: basics.newId }),
  };
}
