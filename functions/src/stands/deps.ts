import type { Config } from '../config';
import type { Deps } from '../deps';
import { NoticeQueueRepository } from '../notices/notice-queue.repository';
import { basicsOf, jobBasicsOf, tableOf, type Basics } from '../wiring/basics';
import { ErrandRepository } from '../errands/errand.repository';
import { BookingRepository } from './booking.repository';
import { StandRepository } from './stand.repository';
import { StudioRepository } from '../studio/studio.repository';
import { TownRepository } from '../towns/town.repository';
import { UnitRepository } from '../units/unit.repository';

/**
 * The stand page, bookings and the stand desk: stands, slots and entries, and the caller's user; a home visit's errand
 * order; a unit liaison's services (本单位服务): the unit, the studios of its town.
 */
export type StandsDeps = Basics & Pick<Deps, 'users' | 'stands' | 'bookings' | 'errands' | 'studios' | 'towns' | 'units'>;

export function standsDeps(cfg: Config): StandsDeps {
  const table = tableOf(cfg);
  return {
    ...basicsOf(cfg),
    stands: new StandRepository(table),
    bookings: new BookingRepository(table),
    errands: new ErrandRepository(table),
    studios: new StudioRepository(table),
    towns: new TownRepository(table),
    units: new UnitRepository(table),
  };
}

/** The scheduled jobs of stands (no-shows, reminders) also queue notices (the notice consumer delivers them). */
export type StandJobsDeps = Omit<StandsDeps, 'tokens' | 'studios' | 'towns' | 'units'> & Pick<Deps, 'noticeQueue'>;

/** A job signs no one in: no session tokens, so its function is not given the session secret. */
export function standJobsDeps(cfg: Config): StandJobsDeps {
  const table = tableOf(cfg);
  return { ...jobBasicsOf(cfg), stands: new StandRepository(table), bookings: new BookingRepository(table), errands: new ErrandRepository(table), noticeQueue: new NoticeQueueRepository(table) };
}
