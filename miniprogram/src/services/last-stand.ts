import Taro from '@tarojs/taro'
import { parseVenueScene } from '@shared/scene'

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
