import type { SessionResponse, UserView } from '@shared/schemas/auth';
import { NotFoundError, RateLimitedError, UnauthenticatedError } from '../errors';
import { principalOf, type User } from './user.repository';
import type { Deps } from '../deps';

/** The user as the API shows them, with their studio's name when they belong to one. */
export async function userViewOf(deps: Pick<Deps, 'studios'>, user: User): Promise<UserView> {
  const studio = user.studioId ? await deps.studios.getStudio(user.studioId) : undefined;
  return {
    id: user.id,
    displayName: user.displayName,
    role: user.role,
    ...(user.studioId ? { studioId: user.studioId } : {}),
    ...(user.departmentId ? { departmentId: user.departmentId } : {}),
    ...(studio ? { studioName: studio.name } : {}),
    ...(user.gridId ? { gridId: user.gridId } : {}),
    ...(user.townId ? { townId: user.townId } : {}),
  };
}

/** Issues a session for a stored user: a short-lived token plus the user's view. */
export async function openSession(deps: Pick<Deps, 'studios' | 'tokens' | 'now'>, user: User): Promise<SessionResponse> {
  const { token, expiresAt } = await deps.tokens.issue(principalOf(user), deps.now());
  return { token, expiresAt, user: await userViewOf(deps, user) };
}

/** What a token for a user that no longer exists is told: it is not a session. */
export const SESSION_ENDED = '登录已失效，请重新登录';

/** Loads the caller's stored user; a token for a user that no longer exists is not a session. */
export async function requireUser(deps: Pick<Deps, 'users'>, userId: string): Promise<User> {
  const user = await deps.users.getUser(userId);
  if (!user) throw new UnauthenticatedError(SESSION_ENDED);
  return user;
}

/** Counts an attempt against a limit, refusing with 429 once it is used up. */
export async function limitAttempts(deps: Pick<Deps, 'rateLimits' | 'now'>, key: string, limit: number, windowSeconds: number, message: string): Promise<void> {
  const { allowed, retryAfterSeconds } = await deps.rateLimits.tryConsume(key, limit, windowSeconds, deps.now().getTime());
  if (!allowed) throw new RateLimitedError(message, retryAfterSeconds);
}

export function notFoundUnlessLocal(deps: Pick<Deps, 'isLocalStage'>): void {
  if (!deps.isLocalStage) throw new NotFoundError();
}
