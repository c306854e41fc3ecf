import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button } from '@tarojs/components'
import { errorMessage } from '../services/request'
import type { PageData } from '../services/use-page-data'

/** A list the API answers a page at a time: `nextCursor` while there are more. */
export interface Paged {
  nextCursor?: string
}

/**
 * 加载更多 under a paged list: asks for the page after the one shown (`loadNext` with its cursor) and adds it to what is
 * shown (`merge`); gone once the last page is shown. A failure says so in a toast and keeps the list.
 */
export function LoadMore<T extends Paged>({ shown, setData, loadNext, merge, onLoaded, label = '加载更多' }: {
  shown: T
  setData: PageData<T>['setData']
  loadNext: (cursor: string) => Promise<T>
  merge: (shown: T, next: T) => T
  /** Told of each page that came (e.g. to show the counts it carries). */
  onLoaded?: (next: T) => void
  label?: string
}) {
  const [loading, setLoading] = useState(false)
  if (!shown.nextCursor) return null
  const more = async (cursor: string) => {
    if (loading) return
    setLoading(true)
    try {
      const next = await loadNext(cursor)
      setData((current) => ({ ...merge(current, next), nextCursor: next.nextCursor }))
      onLoaded?.(next)
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setLoading(false)
    }
  }
  return (
    <Button className='btn btn--secondary load-more' loading={loading || undefined} disabled={loading || undefined} onClick={() => void more(shown.nextCursor as string)}>
      {loading ? '正在加载…' : label}
    </Button>
  )
}
