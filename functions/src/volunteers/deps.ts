import type { Config } from '../config';
import type { Deps } from '../deps';
import { AuditRepository } from '../audit/audit.repository';
import { CoinRepository } from '../coins/coin.repository';
import { ErrandRepository } from '../errands/errand.repository';
import { StudioRepository } from '../studio/studio.repository';
import { WishRepository } from '../wishes/wish.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { StandRepository } from '../stands/stand.repository';
import { ShiftRepository } from './shift.repository';
import { VolunteerRepository } from './volunteer.repository';

/**
 * 志愿与互助: volunteers and teams, 微心愿, 点单-配送. Coins are credited inside the transaction of the step that
 * earns them (`coins.awardItems`); notices go in the same transactions (the outbox, `noticeWrites`).
 */
export type VolunteersDeps = Basics & Pick<Deps, 'users' | 'studios' | 'stands' | 'volunteers' | 'shifts' | 'wishes' | 'errands' | 'coins' | 'audit'>;

export function volunteersDeps(cfg: Config): VolunteersDeps {
  const table = tableOf(cfg);
  return {
    ...basicsOf(cfg),
    studios: new StudioRepository(table),
    stands: new StandRepository(table),
    volunteers: new VolunteerRepository(table),
    shifts: new ShiftRepository(table),
    wishes: new WishRepository(table),
    errands: new ErrandRepository(table),
    coins: new CoinRepository(table),
    audit: new AuditRepository(table),
  };
}
