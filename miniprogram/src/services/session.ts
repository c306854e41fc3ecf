import Taro from '@tarojs/taro'
import type { SessionResponse, UserView } from '@shared/schemas/auth'

/** The signed-in session, kept in Taro storage (wx storage on weapp, localStorage on H5). */
export const SESSION_KEY = 'lianxin.session'

export type Session = SessionResponse

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false
  const s = value as Partial<Session>
  return typeof s.token === 'string' && s.token.length > 0 && typeof s.expiresAt === 'string'
    && typeof s.user === 'object' && s.user !== null && typeof s.user.displayName === 'string'
}

/** The stored session, or null when there is none or it has expired (an expired one is removed). */
export function getSession(): Session | null {
  let raw: unknown
  try {
    raw = Taro.getStorageSync(SESSION_KEY)
  } catch {
    return null
  }
  if (typeof raw === 'string' && raw) {
    try {
      raw = JSON.parse(raw)
    } catch {
      raw = null
    }
  }
  if (!isSession(raw)) return null
  const expires = Date.parse(raw.expiresAt)
  if (Number.isFinite(expires) && expires <= Date.now()) {
    clearSession()
    return null
  }
  return raw
}

export function getToken(): string | null {
  return getSession()?.token ?? null
}

export function getUser(): UserView | null {
  return getSession()?.user ?? null
}

export function saveSession(session: SessionResponse): Session {
  Taro.setStorageSync(SESSION_KEY, JSON.stringify(session))
  return session
}

/** Keeps the token, replaces what we know about the user (after GET /me). */
export function updateUser(user: UserView): void {
  const session = getSession()
  if (session) saveSession({ ...session, user })
}

export function clearSession(): void {
  try {
    Taro.removeStorageSync(SESSION_KEY)
  } catch {
    // storage unavailable: nothing to clear
  }
}
