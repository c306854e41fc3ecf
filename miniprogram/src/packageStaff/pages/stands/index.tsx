import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { StudioStandsResponse } from '@shared/schemas/booking'
import { chinaDate, formatChinaDate } from '@shared/time'
import { getStudioStands } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { useSessionUser } from '../../../services/use-session-user'
import { SCREEN_PAGE, STAFF_CONSOLE_PAGE, STAFF_SUMMARY_PAGE } from '../../../services/platform'
import { isStaffUser, NoStaffAccess } from '../../staff-access'

type Stand = StudioStandsResponse['stands'][number]
type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; stands: Stand[] }

function open(url: string) {
  Taro.navigateTo({ url }).catch(() => Taro.showToast({ title: '页面打开失败，请重试', icon: 'none' }))
}

export default function StaffStandsPage() {
  const [user] = useSessionUser()
  const studioId = isStaffUser(user) ? user.studioId : null
  const [state, setState] = useState<LoadState>({ status: 'loading' })
  const loadId = useRef(0)
  const shownOnce = useRef(false)

  const load = useCallback(async () => {
    if (!studioId) return
    const id = ++loadId.current
    try {
      const { stands } = await getStudioStands(studioId)
      if (id === loadId.current) setState({ status: 'ready', stands })
    } catch (error) {
      if (id === loadId.current) setState({ status: 'error', message: errorMessage(error) })
    }
  }, [studioId])

  useEffect(() => {
    void load()
  }, [load])

  useDidShow(() => {
    if (shownOnce.current) void load()
    shownOnce.current = true
  })

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  if (!isStaffUser(user)) return <NoStaffAccess user={user} />

  return (
    <View className='page staff-page staff-stands-page'>
      <View className='staff-heading'>
        <Text className='staff-heading-title'>今天的服务点</Text>
        <Text className='staff-heading-sub'>{formatChinaDate(chinaDate(new Date()))} · {user.studioName ?? '本工作室'}</Text>
      </View>

      {state.status === 'loading' ? <Text className='loading-text'>正在加载…</Text> : null}

      {state.status === 'error' ? (
        <View className='card error-card'>
          <Text className='error-message'>{state.message}</Text>
          <Button
            className='btn btn--primary retry-button'
            onClick={() => {
              setState({ status: 'loading' })
              void load()
            }}
          >
            重试
          </Button>
        </View>
      ) : null}

      {state.status === 'ready' && state.stands.length === 0 ? (
        <View className='card'>
          <Text className='card-title'>今天没有安排服务点</Text>
          <Text className='plain-line'>服务点的日期由工作室管理员安排。</Text>
        </View>
      ) : null}

      {state.status === 'ready'
        ? state.stands.map((stand) => {
          const cancelled = stand.status === 'cancelled'
          return (
            <View key={stand.id} className={`card staff-stand${cancelled ? ' staff-stand--cancelled' : ' card--link'}`}>
              <View
                className='staff-stand-main'
                hoverClass='card--pressed'
                role='button'
                onClick={() => open(`${STAFF_CONSOLE_PAGE}?standId=${encodeURIComponent(stand.id)}`)}
              >
                <Text className='staff-stand-venue'>{stand.venueName}</Text>
                <Text className='staff-stand-time'>{stand.startTime}–{stand.endTime}</Text>
                {cancelled ? <Text className='tag tag--warn'>已取消</Text> : null}
                <Text className='card-action'>进入工作台 ›</Text>
              </View>
              <View className='button-row'>
                <Button
                  className='btn btn--secondary btn--compact stand-summary'
                  onClick={() => open(`${STAFF_SUMMARY_PAGE}?standId=${encodeURIComponent(stand.id)}`)}
                >
                  服务小结
                </Button>
                <Button
                  className='btn btn--secondary btn--compact screen-link'
                  onClick={() => open(`${SCREEN_PAGE}?standId=${encodeURIComponent(stand.id)}`)}
                >
                  叫号大屏
                </Button>
              </View>
            </View>
          )
        })
        : null}
    </View>
  )
}
