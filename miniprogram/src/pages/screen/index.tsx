import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatChinaDate } from '@shared/time'
import type { QueueScreenResponse } from '@shared/schemas/booking'
import { getQueueScreen } from '../../services/api'
import { errorMessage } from '../../services/request'
import { usePolling } from '../../services/use-polling'
import { decodeParam } from '../../services/navigation'
import './index.css'

/** The big display at the stand: queue numbers only, never names. Refreshes itself. */
export const SCREEN_REFRESH_MS = 5_000
const NEXT_SHOWN = 4

/**
 * How the services share one screen: a TV cannot scroll, so every service gets a cell of a grid that fills the
 * screen, and the type scales with the number of rows. Landscape: 1–3 side by side, 4 as 2×2, 5–6 as 3×2, 7–8 as
 * 4×2, then 4 a row; portrait: one column up to 3, then two.
 */
export function screenLayout(count: number, landscape: boolean): { columns: number; rows: number; scale: number } {
  const n = Math.max(count, 1)
  const columns = landscape ? (n <= 3 ? n : n === 4 ? 2 : n <= 6 ? 3 : 4) : n <= 3 ? 1 : 2
  const rows = Math.ceil(n / columns)
  // the numbers stay readable across the room: cells shrink with the rows, and a little with many columns
  const scale = Math.min(1, 1 / rows, landscape ? 3 / Math.max(columns, 3) : 1)
  return { columns, rows, scale }
}

function isLandscape(): boolean {
  try {
    const { windowWidth, windowHeight } = Taro.getSystemInfoSync()
    return windowWidth >= windowHeight
  } catch {
    return true
  }
}

function gridStyle({ columns, rows, scale }: ReturnType<typeof screenLayout>) {
  return { gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`, '--screen-scale': String(scale) } as Record<string, string>
}

export default function QueueScreenPage() {
  const { params } = useRouter()
  const standId = decodeParam(params.standId)
  const [data, setData] = useState<QueueScreenResponse | null>(null)
  const [problem, setProblem] = useState<string | null>(standId ? null : '缺少服务点编号（standId）')
  const loadId = useRef(0)

  const load = useCallback(async () => {
    if (!standId) return
    const id = ++loadId.current
    try {
      const fresh = await getQueueScreen(standId)
      if (id !== loadId.current) return
      setData(fresh)
      setProblem(null)
    } catch (error) {
      if (id !== loadId.current) return
      setProblem(errorMessage(error))
    }
  }, [standId])

  useEffect(() => {
    void load()
  }, [load])

  usePolling(load, SCREEN_REFRESH_MS, !!standId)

  return (
    <View className='screen-page'>
      {data ? (
        <View className='screen-head'>
          <Text className='screen-title'>{data.stand.venueName}</Text>
          <Text className='screen-sub'>{data.stand.studioName} · {formatChinaDate(data.stand.date)}</Text>
        </View>
      ) : null}

      {problem ? (
        <View className={`screen-problem${data ? ' screen-problem--stale' : ''}`}>
          <Text>{data ? `连接中断，正在重试（${problem}）` : problem}</Text>
        </View>
      ) : null}

      {!data && !problem ? <Text className='screen-loading'>正在加载…</Text> : null}

      {data ? (
        <View className='screen-grid' style={gridStyle(screenLayout(data.services.length, isLandscape()))}>
          {data.services.map((s) => (
            <View key={s.serviceId} className='screen-service'>
              <Text className='screen-service-name'>{s.name}</Text>
              <Text className='screen-label'>正在服务</Text>
              <Text className={`screen-now${s.nowServing === undefined ? ' screen-now--none' : ''}`}>
                {s.nowServing !== undefined ? `${s.nowServing} 号` : '暂无'}
              </Text>
              <Text className='screen-label'>下一位</Text>
              <Text className='screen-next'>
                {s.next.length > 0 ? s.next.slice(0, NEXT_SHOWN).map((n) => `${n}号`).join('  ') : '暂无'}
              </Text>
            </View>
          ))}
          {data.services.length === 0 ? <Text className='screen-loading'>今天没有排队的服务</Text> : null}
        </View>
      ) : null}
    </View>
  )
}
