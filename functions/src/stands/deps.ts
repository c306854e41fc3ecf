import { config, type Config } from '../config';
import type { Deps } from '../deps';
import { NotificationRepository } from '../notices/notification.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { notifierOf } from '../wiring/notifier';
import { BookingRepository } from './booking.repository';
import { StandRepository } from './stand.repository';

/** The stand page, bookings and the stand desk: stands, slots and entries, and the caller's user. */
export type StandsDeps = Basics & Pick<Deps, 'users' | 'stands' | 'bookings'>;

export function standsDeps(cfg: Config = config()): StandsDeps {
  const table = tableOf(cfg);
  return { ...basicsOf(cfg), stands: new StandRepository(table), bookings: new BookingRepository(table) };
}

/** The scheduled jobs of stands (no-shows, reminders) also send notices. */
export type StandJobsDeps = StandsDeps & Pick<Deps, 'notifier'>;

export function standJobsDeps(cfg: Config = config()): StandJobsDeps {
  const deps = standsDeps(cfg);
  return { ...deps, notifier: notifierOf(cfg, { ...deps, notifications: new NotificationRepository(tableOf(cfg)) }) };
}
