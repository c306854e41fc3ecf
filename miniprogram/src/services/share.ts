import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'

export interface ShareCard {
  title: string
  /** The page, without its query: `/pages/stand/index`. */
  page: string
  /** Its query: `scene=v%3D…`. */
  query: string
}

/**
 * 转发 to a chat and 分享到朋友圈 from a public page (a family member forwards the market's page to the village group).
 * `card()` is read when the person shares, so it carries what the page shows then; without data yet, the mini-program's
 * home page is shared. On H5 the hooks do nothing. The page's config must also enable sharing
 * (`enableShareAppMessage`, `enableShareTimeline`).
 */
export function useShare(card: () => ShareCard | null): void {
  useShareAppMessage(() => {
    const c = card()
    return c ? { title: c.title, path: `${c.page}?${c.query}` } : { title: '连心 · 党代表工作室', path: '/pages/index/index' }
  })
  useShareTimeline(() => {
    const c = card()
    return c ? { title: c.title, query: c.query } : { title: '连心 · 党代表工作室' }
  })
}
