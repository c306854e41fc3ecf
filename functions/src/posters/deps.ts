import type { Config } from '../config';
import type { Deps } from '../deps';
import { StandRepository } from '../stands/stand.repository';
import { StudioRepository } from '../studio/studio.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { venueQrCodesOf } from '../wiring/adapters/venue-qr-codes';

export type PostersDeps = Basics & Pick<Deps, 'studios' | 'stands' | 'venueQrCodes'>;

export function postersDeps(cfg: Config): PostersDeps {
  const table = tableOf(cfg);
  return { ...basicsOf(cfg), studios: new StudioRepository(table), stands: new StandRepository(table), venueQrCodes: venueQrCodesOf(cfg) };
}
