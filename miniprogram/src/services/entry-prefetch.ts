/**
 * Browser build only: the answer index.html's inline script already asked for while the app's scripts were still on
 * their way (config/stand-head-start.ts — the stand a QR code opens). The page's first call to the same address takes
 * it instead of asking again, saving a round trip on a weak signal; later calls (polling, 重试) ask the API as usual.
 */

/** What the inline script leaves on `window.__lianxinPrefetch`. */
interface EntryPrefetch {
  url: string
  /** `Date.now()` when it was asked. */
  at: number
  answer: Promise<{ statusCode: number; text: string }>
}

/** An answer older than this is not used: the page asks again (places left change). */
export const PREFETCH_MAX_AGE_MS = 30_000

declare global {
  interface Window {
    __lianxinPrefetch?: EntryPrefetch
  }
}

/**
 * The prefetched answer for `url` (a GET without a token), at most once and while fresh; `undefined` when there is none
 * (weapp, another address, already taken, too old). It rejects when the prefetch failed or has taken longer than
 * `timeoutMs` since it was asked: the caller then asks itself.
 */
export function takePrefetched(url: string, { timeoutMs, now = Date.now() }: { timeoutMs: number; now?: number }): Promise<{ statusCode: number; data: unknown }> | undefined {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return undefined
  const prefetch = window.__lianxinPrefetch
  if (!prefetch || prefetch.url !== url) return undefined
  delete window.__lianxinPrefetch
  if (now - prefetch.at > PREFETCH_MAX_AGE_MS) return undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('prefetch timed out')), Math.max(0, prefetch.at + timeoutMs - now))
  })
  const answer = prefetch.answer.then(({ statusCode, text }) => {
    let data: unknown = null
    try {
      data = JSON.parse(text)
    } catch {
      // not JSON (as Taro.request's dataType 'json' would give null)
    }
    return { statusCode, data }
  })
  return Promise.race([answer, late]).finally(() => clearTimeout(timer))
}
