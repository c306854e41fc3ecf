import type { Config } from '../config';
import type { Deps } from '../deps';
import { StudioRepository } from '../studio/studio.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { VolunteerRepository } from './volunteer.repository';

export type VolunteersDeps = Basics & Pick<Deps, 'users' | 'studios' | 'volunteers'>;

export function volunteersDeps(cfg: Config): VolunteersDeps {
  const table = tableOf(cfg);
  return { ...basicsOf(cfg), studios: new StudioRepository(table), volunteers: new VolunteerRepository(table) };
}
