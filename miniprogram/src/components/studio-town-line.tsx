import { useEffect, useState } from 'react'
import { Text } from '@tarojs/components'
import { getStudioTown } from '../services/api'

/**
 * The one line "所属：洛社镇 · 某某工作室" on the stand and board pages. Nothing while it loads, nothing when the studio
 * belongs to no town or the request fails: the page around it never waits for it.
 */
export function StudioTownLine({ studioId, studioName }: { studioId: string; studioName: string }) {
  const [town, setTown] = useState<string>()
  useEffect(() => {
    let live = true
    // asked after the page's own request has gone out (a child's effect runs before its page's)
    const timer = setTimeout(() => {
      getStudioTown(studioId)
        .then((res) => {
          const name = (res as { town?: { name?: unknown } } | undefined)?.town?.name
          if (live && typeof name === 'string') setTown(name)
        })
        .catch(() => undefined)
    }, 0)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [studioId])
  return town ? <Text className='plain-line studio-town-line'>所属：{town} · {studioName}</Text> : null
}
