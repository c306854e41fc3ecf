import Taro from '@tarojs/taro'
import { parseVenueScene } from '@shared/scene'
import { standPageResponse, type StandPageResponse } from '@shared/schemas/stand'
import { chinaDate } from '@shared/time'

/** The stand a person opened last (from a QR code), shown as a shortcut on 首页. */
export const LAST_STAND_KEY = 'lianxin.lastStand'

export interface LastStand {
  /** Decoded scene, e.g. `v=01J…`. */
  scene: string
  venueName?: string
  venueAddress?: string
  studioName?: string
  /** For 提意见 and 公示墙 from 首页 / 我的. */
  studioId?: string
  standId?: string
}

export function getLastStand(): LastStand | null {
  try {
    const raw: unknown = Taro.getStorageSync(LAST_STAND_KEY)
    const value = (typeof raw === 'string' && raw ? JSON.parse(raw) : raw) as Partial<LastStand> | null
    if (!value || typeof value.scene !== 'string' || !parseVenueScene(value.scene)) return null
    return value as LastStand
  } catch {
    return null
  }
}

export function saveLastStand(stand: LastStand): void {
  try {
    const previous = getLastStand()
    const merged = previous && previous.scene === stand.scene ? { ...previous, ...stand } : stand
    Taro.setStorageSync(LAST_STAND_KEY, JSON.stringify(merged))
  } catch {
    // storage full or unavailable: the shortcut is only a convenience
  }
}

/** The whole stand page as last shown, to show at once on the next visit while it is asked for again. */
export const LAST_STAND_PAGE_KEY = 'lianxin.lastStandPage'

export interface RememberedStandPage {
  page: StandPageResponse
  /** When it was the server's answer (ISO instant): the page says how old what it shows is. */
  savedAt: string
}

/** Keeps the stand page's latest answer (one venue's: the last one opened). */
export function rememberStandPage(scene: string, page: StandPageResponse, now: Date = new Date()): void {
  try {
    Taro.setStorageSync(LAST_STAND_PAGE_KEY, JSON.stringify({ scene, savedAt: now.toISOString(), page }))
  } catch {
    // storage full or unavailable: the page then waits for the API, as on a first visit
  }
}

/**
 * The stand page last shown for this scene, as it may be shown now while the API is asked again — or null: none, for
 * another venue, unreadable (an older app version's shape), or for a stand already over. `isToday` and `endedToday` are
 * read again against today (China time): yesterday's 今天 is not today's. Places left are as they were; the page says so.
 */
export function rememberedStandPage(scene: string, now: Date = new Date()): RememberedStandPage | null {
  try {
    const raw: unknown = Taro.getStorageSync(LAST_STAND_PAGE_KEY)
    const value = (typeof raw === 'string' && raw ? JSON.parse(raw) : raw) as { scene?: unknown; savedAt?: unknown; page?: unknown } | null
    if (!value || value.scene !== scene || typeof value.savedAt !== 'string' || Number.isNaN(Date.parse(value.savedAt))) return null
    const parsed = standPageResponse.safeParse(value.page)
    if (!parsed.success) return null
    const today = chinaDate(now)
    const { stand, endedToday, ...rest } = parsed.data
    if (stand.date < today) return null
    return {
      savedAt: value.savedAt,
      page: { ...rest, stand: { ...stand, isToday: stand.date === today }, ...(endedToday && endedToday.date === today ? { endedToday } : {}) },
    }
  } catch {
    return null
  }
}

/** The stand page's URL for a decoded scene (encoded once, as a QR code would bring it). */
export function standPageUrl(scene: string): string {
  return `/pages/stand/index?scene=${encodeURIComponent(scene)}`
}

/**
 * The scene inside whatever `Taro.scanCode` returned: a mini-program code gives `path`
 * (`pages/stand/index?scene=v%3D…`); a printed link gives `result` (`https://…/#/pages/stand/index?scene=…`).
 */
export function sceneFromScan(...candidates: Array<string | undefined>): string | null {
  for (const text of candidates) {
    if (!text) continue
    const match = /[?&#]scene=([^&#]+)/.exec(text)
    const parsed = parseVenueScene(match ? match[1] : text)
    if (parsed) return `v=${parsed.venueId}`
  }
  return null
}
