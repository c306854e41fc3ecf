import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { parseVenueScene } from '@shared/scene'
import { formatChinaDate } from '@shared/time'
import type { SlotView, StandPageResponse, StandServiceView } from '@shared/schemas/stand'
import { getStandByScene } from '../../services/api'
import { errorMessage } from '../../services/request'
import { saveLastStand } from '../../services/last-stand'
import { openLogin } from '../../services/navigation'
import { useSessionUser } from '../../services/use-session-user'
import { HOME_PAGE } from '../../services/platform'

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: StandPageResponse }

export const BAD_SCENE_MESSAGE = '二维码内容不完整，请重新扫描服务点的二维码'

function SlotRow({ slot }: { slot: SlotView }) {
  const full = slot.left <= 0
  return (
    <View className={`slot${full ? ' slot--full' : ''}`}>
      <Text className='slot-time'>{slot.startTime}–{slot.endTime}</Text>
      <Text className={`slot-left${full ? ' slot-left--full' : ''}`}>{full ? '已约满' : `余 ${slot.left} 位`}</Text>
    </View>
  )
}

function ServiceCard({ service }: { service: StandServiceView }) {
  return (
    <View className='card service-card'>
      <View className='service-head'>
        <Text className='service-name'>{service.name}</Text>
        {service.homeVisit ? <Text className='tag'>可上门</Text> : null}
      </View>
      {service.description ? <Text className='service-desc'>{service.description}</Text> : null}
      <Text className='service-minutes'>每人约 {service.minutesPerPerson} 分钟</Text>
      {service.slots.length > 0 ? (
        <View className='slots'>
          {service.slots.map((slot) => <SlotRow key={slot.id} slot={slot} />)}
        </View>
      ) : (
        <Text className='service-noslot'>不用预约，到现场排队即可</Text>
      )}
    </View>
  )
}

function StandDetails({ data, account }: { data: StandPageResponse; account: ReactNode }) {
  const { studio, venue, stand, services } = data
  return (
    <View>
      <View className='card stand-card'>
        <Text className='stand-studio-name'>{studio.name}</Text>
        <Text className='stand-venue-name'>{venue.name}</Text>
        {venue.address ? <Text className='stand-address'>地址：{venue.address}</Text> : null}
        <View className='stand-when'>
          <View className='stand-date'>
            {stand.isToday ? <Text className='badge-today'>今天</Text> : <Text className='stand-next'>下次服务：</Text>}
            <Text>{formatChinaDate(stand.date)}</Text>
          </View>
          <Text className='stand-time'>{stand.startTime}–{stand.endTime}</Text>
        </View>
      </View>

      {stand.status === 'cancelled' ? (
        <View className='notice notice--cancelled'>
          <Text className='notice-title'>本次服务已取消</Text>
          <Text className='notice-body'>请留意工作室通知的下一次服务时间。</Text>
        </View>
      ) : null}

      {account}

      <Text className='section-title'>服务项目</Text>
      {services.length > 0 ? (
        services.map((service) => <ServiceCard key={service.id} service={service} />)
      ) : (
        <View className='card'>
          <Text className='plain-line'>本次还没有公布服务项目，请到现场咨询。</Text>
        </View>
      )}
    </View>
  )
}

function Loading() {
  return (
    <View className='loading'>
      <View className='skeleton skeleton--title' />
      <View className='skeleton' />
      <View className='skeleton skeleton--short' />
      <Text className='loading-text'>正在加载…</Text>
    </View>
  )
}

export default function StandPage() {
  const { params } = useRouter()
  const rawScene = params.scene
  const scene = useMemo(() => {
    const parsed = parseVenueScene(rawScene)
    return parsed ? `v=${parsed.venueId}` : null
  }, [rawScene])
  const [state, setState] = useState<LoadState>(() =>
    scene ? { status: 'loading' } : { status: 'error', message: BAD_SCENE_MESSAGE },
  )
  const [user] = useSessionUser()
  const loadId = useRef(0)

  const load = useCallback(async () => {
    if (!scene) {
      setState({ status: 'error', message: BAD_SCENE_MESSAGE })
      return
    }
    const id = ++loadId.current
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }))
    try {
      const data = await getStandByScene(scene)
      if (id !== loadId.current) return
      setState({ status: 'ready', data })
      saveLastStand({ scene, venueName: data.venue.name, venueAddress: data.venue.address, studioName: data.studio.name })
    } catch (error) {
      if (id !== loadId.current) return
      setState({ status: 'error', message: errorMessage(error) })
    }
  }, [scene])

  useEffect(() => {
    if (scene) saveLastStand({ scene })
    void load()
  }, [scene, load])

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  const account = (
    <View className='account-bar'>
      {user ? (
        <Text className='greeting'>您好，{user.displayName}</Text>
      ) : (
        <View className='account-signin'>
          <Text className='account-hint'>登录后可以预约服务、查看答复</Text>
          <Button className='btn btn--primary login-button' onClick={openLogin}>登录</Button>
        </View>
      )}
    </View>
  )

  return (
    <View className='page stand-page'>
      {state.status === 'loading' ? <Loading /> : null}

      {state.status === 'error' ? (
        <View className='card error-card'>
          <Text className='error-message'>{state.message}</Text>
          {scene ? <Button className='btn btn--primary retry-button' onClick={() => void load()}>重试</Button> : null}
          <Button className='btn btn--secondary' onClick={() => Taro.switchTab({ url: HOME_PAGE })}>回到首页</Button>
        </View>
      ) : null}

      {state.status === 'ready' ? <StandDetails data={state.data} account={account} /> : null}
    </View>
  )
}
