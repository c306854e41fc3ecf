/**
 * Browser build only: the answer index.html's inline script already asked for while the app's scripts were still on
 * their way (config/stand-head-start.ts — the stand a QR code opens). Arrived by the time the page first renders, the
 * page shows it at once (`takeArrivedPrefetch`); otherwise the page's first call to the same address waits for it
 * instead of asking again (`takePrefetched`). Either saves a round trip on a weak signal; later calls (polling, 重试)
 * ask the API as usual.
 */

interface RawAnswer {
  statusCode: number
  text: string
}

/** What the inline script leaves on `window.__lianxinPrefetch`. */
interface EntryPrefetch {
  url: string
  /** `Date.now()` when it was asked. */
  at: number
  answer: Promise<RawAnswer>
  /** The answer, once it has arrived. */
  settled?: RawAnswer
}

/** An answer older than this is not used: the page asks again (places left change). */
export const PREFETCH_MAX_AGE_MS = 30_000

declare global {
  interface Window {
    __lianxinPrefetch?: EntryPrefetch
  }
}

function parsed({ statusCode, text }: RawAnswer): { statusCode: number; data: unknown } {
  let data: unknown = null
  try {
    data = JSON.parse(text)
  } catch {
    // not JSON (as Taro.request's dataType 'json' would give null)
  }
  return { statusCode, data }
}

/** The prefetch for `url`, if there is one and it is still fresh (one too old is dropped). */
function prefetchFor(url: string, now: number): EntryPrefetch | undefined {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return undefined
  const prefetch = window.__lianxinPrefetch
  if (!prefetch || prefetch.url !== url) return undefined
  if (now - prefetch.at > PREFETCH_MAX_AGE_MS) {
    delete window.__lianxinPrefetch
    return undefined
  }
  return prefetch
}

/**
 * The prefetched answer for `url` if it has already arrived and is a success (2xx), taken at once — for a page's first
 * render. Otherwise `undefined`, and the prefetch stays for `takePrefetched` (the page's call, which handles errors).
 */
export function takeArrivedPrefetch(url: string, now = Date.now()): { statusCode: number; data: unknown } | undefined {
  const prefetch = prefetchFor(url, now)
  if (!prefetch?.settled || prefetch.settled.statusCode < 200 || prefetch.settled.statusCode >= 300) return undefined
  delete window.__lianxinPrefetch
  return parsed(prefetch.settled)
}

/**
 * The prefetched answer for `url` (a GET without a token), at most once and while fresh; `undefined` when there is none
 * (weapp, another address, already taken, too old). It rejects when the prefetch failed or has taken longer than
 * `timeoutMs` since it was asked: the caller then asks itself.
 */
export function takePrefetched(url: string, { timeoutMs, now = Date.now() }: { timeoutMs: number; now?: number }): Promise<{ statusCode: number; data: unknown }> | undefined {
  const prefetch = prefetchFor(url, now)
  if (!prefetch) return undefined
  delete window.__lianxinPrefetch
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('prefetch timed out')), Math.max(0, prefetch.at + timeoutMs - now))
  })
  return Promise.race([prefetch.answer.then(parsed), late]).finally(() => clearTimeout(timer))
}
