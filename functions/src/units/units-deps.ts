import type { TownsDeps } from '../towns/deps';

/** What the alliance's use cases need: they are served by the towns Lambda. */
export type UnitsDeps = Pick<TownsDeps, 'units' | 'alliance' | 'studios' | 'users' | 'towns' | 'now' | 'newId'>;
