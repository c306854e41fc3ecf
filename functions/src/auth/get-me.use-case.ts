import type { UserView } from '@shared/schemas/auth';
import type { Principal } from './session-tokens';
import type { AuthDeps } from './deps';
import { requireUser, userViewOf } from './sessions';

/** The signed-in person as stored now (their role may have changed since the token was issued). */
export async function getMe(deps: AuthDeps, principal: Principal): Promise<UserView> {
  return userViewOf(deps, await requireUser(deps, principal.userId));
}
