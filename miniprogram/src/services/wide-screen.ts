import { useEffect, useState } from 'react'
import { isH5 } from './platform'

/** From this width on, the browser build is a desk console: list and detail side by side (packageRep/styles.css). */
export const DESK_MEDIA_QUERY = '(min-width: 1280px)'

function matches(): boolean {
  return isH5() && typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DESK_MEDIA_QUERY).matches
}

/** True on a desk screen (the H5 build at ≥ 1280 px), following the window as it is resized; never on a phone. */
export function useWideScreen(): boolean {
  const [wide, setWide] = useState(matches)
  useEffect(() => {
    if (!isH5() || typeof window === 'undefined' || typeof window.matchMedia !== 'function') return undefined
    const query = window.matchMedia(DESK_MEDIA_QUERY)
    const follow = () => setWide(query.matches)
    follow()
    query.addEventListener?.('change', follow)
    return () => query.removeEventListener?.('change', follow)
  }, [])
  return wide
}
