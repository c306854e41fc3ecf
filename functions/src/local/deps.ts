import type { Config } from '../config';
import type { Deps } from '../deps';
import { StudioRepository } from '../studio/studio.repository';
import { StandRepository } from '../stands/stand.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { OutboxRepository } from './outbox.repository';
import { PersonaRepository } from './persona.repository';

export type LocalDeps = Basics & Pick<Deps, 'users' | 'studios' | 'stands' | 'personas' | 'outbox'>;

export function localDeps(cfg: Config): LocalDeps {
  const table = tableOf(cfg);
  return {
    ...basicsOf(cfg),
    studios: new StudioRepository(table),
    stands: new StandRepository(table),
    personas: new PersonaRepository(table),
    outbox: new OutboxRepository(table),
  };
}
