import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { ServiceView } from '@shared/schemas/admin'
import { listServices } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { openPage } from '../../../services/navigation'
import { ADMIN_SERVICE_EDIT_PAGE } from '../../../services/platform'
import { useSessionUser } from '../../../services/use-session-user'
import { isAdminUser, NoAdminAccess } from '../../admin-access'
import { rememberServices } from '../../store'

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; services: ServiceView[] }

export default function AdminServicesPage() {
  const [user] = useSessionUser()
  const studioId = isAdminUser(user) ? user.studioId : null
  const [state, setState] = useState<LoadState>({ status: 'loading' })
  const loadId = useRef(0)
  const shownOnce = useRef(false)

  const load = useCallback(async () => {
    if (!studioId) return
    const id = ++loadId.current
    try {
      const { services } = await listServices(studioId)
      rememberServices(services)
      if (id === loadId.current) setState({ status: 'ready', services })
    } catch (error) {
      if (id === loadId.current) setState((s) => (s.status === 'ready' ? s : { status: 'error', message: errorMessage(error) }))
    }
  }, [studioId])

  useEffect(() => {
    void load()
  }, [load])

  useDidShow(() => {
    // back from the form: show what was saved
    if (shownOnce.current) void load()
    shownOnce.current = true
  })

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  if (!isAdminUser(user)) return <NoAdminAccess user={user} />

  return (
    <View className='page admin-page admin-services-page'>
      <Button className='btn btn--primary add-service' onClick={() => openPage(ADMIN_SERVICE_EDIT_PAGE)}>＋ 新增服务项目</Button>

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

      {state.status === 'ready' && state.services.length === 0 ? (
        <View className='card'>
          <Text className='card-title'>还没有服务项目</Text>
          <Text className='plain-line'>先添加服务项目，再在“地点与排期”里安排到集市上。</Text>
        </View>
      ) : null}

      {state.status === 'ready'
        ? state.services.map((service) => (
          <View
            key={service.id}
            className='card card--link service-item'
            hoverClass='card--pressed'
            role='button'
            onClick={() => openPage(`${ADMIN_SERVICE_EDIT_PAGE}?id=${encodeURIComponent(service.id)}`)}
          >
            <Text className='entry-title'>{service.name}</Text>
            {service.description ? <Text className='plain-line'>{service.description}</Text> : null}
            <Text className='plain-line service-item-numbers'>每人约 {service.minutesPerPerson} 分钟 · 同时 {service.peoplePerSlot} 人</Text>
            {service.homeVisit || service.keepsHealthReadings ? (
              <View className='tag-row'>
                {service.homeVisit ? <Text className='tag'>上门服务</Text> : null}
                {service.keepsHealthReadings ? <Text className='tag'>记录血压</Text> : null}
              </View>
            ) : null}
            <Text className='card-action'>修改 ›</Text>
          </View>
        ))
        : null}
    </View>
  )
}
