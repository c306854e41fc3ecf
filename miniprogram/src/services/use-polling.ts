import { useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * Calls `refresh` every `ms` while the page is shown (and `enabled`), never two at a time; stops when the page is
 * hidden (another page on top, app in the background) and starts again, with a refresh at once, when it shows.
 */
export function usePolling(refresh: () => Promise<unknown>, ms: number, enabled = true): void {
  const [shown, setShown] = useState(true)
  const latest = useRef(refresh)
  latest.current = refresh
  const running = useRef(false)
  const hiddenOnce = useRef(false)
  const enabledRef = useRef(enabled)
  enabledRef.current = enabled

  useDidShow(() => {
    if (hiddenOnce.current) {
      hiddenOnce.current = false
      setShown(true)
      if (enabledRef.current) void tick()
    }
  })
  useDidHide(() => {
    hiddenOnce.current = true
    setShown(false)
  })

  async function tick() {
    if (running.current) return
    running.current = true
    try {
      await latest.current()
    } catch {
      // the page shows its own errors; polling just tries again next time
    } finally {
      running.current = false
    }
  }

  useEffect(() => {
    if (!enabled || !shown) return undefined
    const timer = setInterval(() => void tick(), ms)
    return () => clearInterval(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, shown, ms])
}
