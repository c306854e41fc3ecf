/** One typed function per API route. Pages call these, never `Taro.request`. */
import type { PersonasResponse, RedeemInviteRequest, SessionResponse, UserView } from '@shared/schemas/auth'
import type { StandPageResponse } from '@shared/schemas/stand'
import { request } from './request'

/** GET /stands/by-scene/{scene} — public. `scene` is the decoded scene, e.g. `v=01J…`. */
export function getStandByScene(scene: string): Promise<StandPageResponse> {
  return request<StandPageResponse>(`/stands/by-scene/${encodeURIComponent(scene)}`, { auth: 'none' })
}

/** GET /auth/local/personas — public, only on the local stage (404 elsewhere). */
export function getPersonas(): Promise<PersonasResponse> {
  return request<PersonasResponse>('/auth/local/personas', { auth: 'none' })
}

/** POST /auth/local — sign in as a demo persona (local stage only). */
export function signInLocal(persona: string): Promise<SessionResponse> {
  return request<SessionResponse>('/auth/local', { method: 'POST', data: { persona }, auth: 'none' })
}

/** POST /auth/wechat — `code` from `Taro.login` (weapp). */
export function signInWechat(code: string): Promise<SessionResponse> {
  return request<SessionResponse>('/auth/wechat', { method: 'POST', data: { code }, auth: 'none' })
}

/** GET /me */
export function getMe(): Promise<UserView> {
  return request<UserView>('/me')
}

/** POST /invites/redeem — answers with a new session carrying the new role. */
export function redeemInvite(body: RedeemInviteRequest): Promise<SessionResponse> {
  return request<SessionResponse>('/invites/redeem', { method: 'POST', data: body })
}
