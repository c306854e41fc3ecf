import Taro from '@tarojs/taro'

/** What a resident has typed for a wish, kept on the phone until it is posted (a dropped network loses nothing). */
export interface WishDraft {
  title: string
  details: string
  /** The retry key of a post whose answer was lost: sent again, the API answers with the wish it made. */
  requestId?: string
}

const KEY = 'lianxin.wishDraft'
export const EMPTY_WISH_DRAFT: WishDraft = { title: '', details: '' }

export function loadWishDraft(studioId: string): WishDraft {
  try {
    const raw: unknown = Taro.getStorageSync(KEY)
    const saved = typeof raw === 'string' && raw ? (JSON.parse(raw) as WishDraft & { studioId?: string }) : undefined
    if (saved && saved.studioId === studioId) return { title: saved.title ?? '', details: saved.details ?? '', ...(saved.requestId ? { requestId: saved.requestId } : {}) }
  } catch {
    // a broken draft is an empty one
  }
  return EMPTY_WISH_DRAFT
}

export function saveWishDraft(studioId: string, draft: WishDraft | null): void {
  try {
    if (draft) Taro.setStorageSync(KEY, JSON.stringify({ ...draft, studioId }))
    else Taro.removeStorageSync(KEY)
  } catch {
    // storage full or refused: the form still works, only without the draft
  }
}
