import type { Config } from '../config';
import type { Deps } from '../deps';
import { AuditRepository } from '../audit/audit.repository';
import { StudioRepository } from '../studio/studio.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { CoinRepository } from './coin.repository';

export type CoinsDeps = Basics & Pick<Deps, 'audit' | 'users' | 'studios' | 'coins'>;

export function coinsDeps(cfg: Config): CoinsDeps {
  const table = tableOf(cfg);
  return { ...basicsOf(cfg), audit: new AuditRepository(table), studios: new StudioRepository(table), coins: new CoinRepository(table) };
}
