import { localRoutes } from '@shared/contract/local';
import { createRouter } from '../http/router';
import { localDeps } from './deps';
import { listLocalOutbox } from './outbox.use-case';
import { listPersonas, signInAsPersona } from './personas.use-case';

/** Deployed on the local stage only (serverless.yml); the use cases answer 404 on any other stage as well. */
export const handler = createRouter(
  localRoutes,
  {
    listPersonas: ({ deps }) => listPersonas(deps),
    signInAsPersona: ({ deps, body }) => signInAsPersona(deps, body),
    listLocalOutbox: ({ deps }) => listLocalOutbox(deps),
  },
  localDeps,
);
