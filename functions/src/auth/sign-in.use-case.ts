import type { SessionResponse, WechatSignInRequest } from '@shared/schemas/auth';
import type { AuthDeps } from './deps';
import { limitAttempts, openSession, requireUser } from './sessions';

/**
 * Sign in with a `wx.login` code.
 * Steps: exchange the code for the openid (code2Session adapter) → find the user linked to it, or create a
 * resident on first sign-in (a transaction keeps one user per openid under races) → issue a session token.
 */
export async function signInWithWechat(deps: AuthDeps, request: WechatSignInRequest): Promise<SessionResponse> {
  const { openid } = await deps.wechatLogin.code2Session(request.code);
  await limitAttempts(deps, `signin#${openid}`, 30, 600, '登录太频繁了，请稍后再试');
  let userId = await deps.users.findUserIdByOpenid(openid);
  if (!userId) {
    const candidate = { id: deps.newId(), displayName: '微信用户', role: 'resident' as const, createdAt: deps.now().toISOString() };
    const created = await deps.users.createUserForOpenid(candidate, openid);
    userId = created ? candidate.id : await deps.users.findUserIdByOpenid(openid);
  }
  const user = await requireUser(deps, userId!);
  return openSession(deps, user);
}
