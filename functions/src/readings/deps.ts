import type { Config } from '../config';
import type { Deps } from '../deps';
import { BookingRepository } from '../stands/booking.repository';
import { StandRepository } from '../stands/stand.repository';
import { AuditRepository } from '../audit/audit.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { ReadingRepository } from './reading.repository';

export type ReadingsDeps = Basics & Pick<Deps, 'audit' | 'users' | 'stands' | 'bookings' | 'readings'>;

export function readingsDeps(cfg: Config): ReadingsDeps {
  const table = tableOf(cfg);
  return { ...basicsOf(cfg), audit: new AuditRepository(table), stands: new StandRepository(table), bookings: new BookingRepository(table), readings: new ReadingRepository(table) };
}
