import type { Config } from '../config';
import type { Deps } from '../deps';
import { BookingRepository } from '../stands/booking.repository';
import { StandRepository } from '../stands/stand.repository';
import { AuditRepository } from '../audit/audit.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { HolidayCalendarRepository } from './holiday-calendar.repository';
import { StudioRepository } from './studio.repository';
import { GridRepository } from './grid.repository';
import { UnitRepository } from '../units/unit.repository';

/** Studio set-up (a service may name a member unit of the town as its provider); cancelling a stand queues the notice to everyone booked on it (the notice consumer delivers it). */
export type StudioDeps = Basics & Pick<Deps, 'audit' | 'studios' | 'grids' | 'stands' | 'bookings' | 'holidayCalendars' | 'units'>;

export function studioDeps(cfg: Config): StudioDeps {
  const table = tableOf(cfg);
  const basics = basicsOf(cfg);
  return {
    ...basics,
    audit: new AuditRepository(table),
    studios: new StudioRepository(table),
    grids: new GridRepository(table),
    holidayCalendars: new HolidayCalendarRepository(table),
    stands: new StandRepository(table),
    bookings: new BookingRepository(table),
    units: new UnitRepository(table),
  };
}
