import type { LocalSignInRequest, PersonasResponse, SessionResponse } from '@shared/schemas/auth';
import { NotFoundError } from '../errors';
import type { LocalDeps } from './deps';
import { notFoundUnlessLocal, openSession, requireUser } from '../auth/sessions';

/**
 * The demo personas of the local stage, for the H5 persona picker. On any other stage this route does not
 * exist (404), whatever the table holds.
 */
export async function listPersonas(deps: LocalDeps): Promise<PersonasResponse> {
  notFoundUnlessLocal(deps);
  const personas = await deps.personas.listPersonas();
  return {
    personas: personas.map((p) => ({ key: p.key, displayName: p.displayName, role: p.role, ...(p.studioName ? { studioName: p.studioName } : {}) })),
  };
}

/** Signs in as a demo persona — local stage only. */
export async function signInAsPersona(deps: LocalDeps, request: LocalSignInRequest): Promise<SessionResponse> {
  notFoundUnlessLocal(deps);
  const persona = await deps.personas.getPersona(request.persona);
  if (!persona) throw new NotFoundError('这个演示身份不存在');
  const user = await requireUser(deps, persona.userId);
  return openSession(deps, user);
}
