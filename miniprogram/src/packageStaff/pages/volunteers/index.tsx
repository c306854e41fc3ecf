import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatChinaDate } from '@shared/time'
import type { ShiftView, StandVolunteersView } from '@shared/schemas/volunteers'
import { checkInVolunteer, checkOutVolunteer, listStandVolunteers } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { LoadMore } from '../../../components/load-more'
import { BusyButton } from '../../../components/ui/busy-button'
import { Page } from '../../../components/ui/page'
import { isStaffUser, NoStaffAccess } from '../../staff-access'
import '../../styles.css'
import './index.css'

const duration = (minutes: number) => `${Math.floor(minutes / 60)} 小时${minutes % 60 ? ` ${minutes % 60} 分` : ''}`
const clock = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' })

/**
 * 志愿者签到 at one stand: staff check approved volunteers in when they arrive and out when they leave; the time within
 * the stand's hours is theirs, and each whole hour earns the studio's 幸福币 for volunteering. A tap repeated after a
 * dropped answer changes nothing (the server finds the same shift).
 */
export default function StandVolunteersPage() {
  const [user] = useSessionUser()
  const standId = useRouter().params.standId ?? ''
  const [busyId, setBusyId] = useState<string | null>(null)
  const { state, retry, setData } = usePageData(() => listStandVolunteers(standId), [standId], {
    enabled: isStaffUser(user) && !!standId,
    initial: () => (standId ? { status: 'loading' } : { status: 'error', message: '缺少服务点，请从“今天的服务点”进入' }),
    reloadOnShow: true,
    pullDownRefresh: true,
  })

  if (!isStaffUser(user)) return <NoStaffAccess user={user} />

  const withShift = (shift: ShiftView) =>
    setData((shown) => ({ ...shown, shifts: [...shown.shifts.filter((s) => s.userId !== shift.userId), shift].sort((a, b) => a.checkedInAt.localeCompare(b.checkedInAt)) }))

  const act = async (userId: string, action: () => Promise<ShiftView>, done: (s: ShiftView) => string) => {
    if (busyId) return
    setBusyId(userId)
    try {
      const shift = await action()
      withShift(shift)
      Taro.showToast({ title: done(shift), icon: 'none', duration: 2500 })
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusyId(null)
    }
  }

  const checkIn = (userId: string) => void act(userId, () => checkInVolunteer(standId, userId), (s) => `${s.displayName} 已签到`)
  const checkOut = (userId: string, name: string) => {
    Taro.showModal({ title: '签退', content: `${name}现在离开服务点吗？签退后按时长记幸福币。`, confirmText: '签退', cancelText: '还没走' })
      .then(({ confirm }) => {
        if (confirm) void act(userId, () => checkOutVolunteer(standId, userId), (s) => `${s.displayName} 已签退，服务 ${duration(s.minutes ?? 0)}${s.coins ? `，记 ${s.coins} 个幸福币` : ''}`)
      })
      .catch(() => undefined)
  }

  const view: StandVolunteersView | null = state.status === 'ready' ? state.data : null
  const onDuty = view?.shifts.filter((s) => s.status === 'in') ?? []
  const left = view?.shifts.filter((s) => s.status === 'out') ?? []
  const waiting = view?.volunteers.filter((v) => !view.shifts.some((s) => s.userId === v.userId)) ?? []
  const closed = view ? view.stand.status === 'cancelled' : false

  return (
    <Page className='staff-page volunteer-shifts-page'>
      <PageState state={state} onRetry={retry} />
      {view ? (
        <>
          <View className='staff-heading'>
            <Text className='staff-heading-title'>志愿者签到</Text>
            <Text className='staff-heading-sub'>{view.stand.venueName} · {formatChinaDate(view.stand.date)} {view.stand.startTime}–{view.stand.endTime}</Text>
          </View>

          <View className='card'>
            <Text className='card-title'>在岗（{onDuty.length}）</Text>
            {onDuty.length === 0 ? <Text className='plain-line'>还没有志愿者签到。</Text> : null}
            {onDuty.map((s) => (
              <View key={s.userId} className='shift-row shift-row--in'>
                <View className='shift-who'>
                  <Text className='shift-name'>{s.displayName}</Text>
                  <Text className='shift-meta'>{clock(s.checkedInAt)} 签到</Text>
                </View>
                <BusyButton label='签退' busyLabel='正在签退…' busy={busyId === s.userId} className='btn--secondary btn--compact shift-check-out' onClick={() => checkOut(s.userId, s.displayName)} />
              </View>
            ))}
          </View>

          {!closed ? (
            <View className='card'>
              <Text className='card-title'>可签到的志愿者</Text>
              <Text className='plain-line'>已审核通过的志愿者。到了服务点，点“签到”。</Text>
              {waiting.length === 0 ? <Text className='plain-line shift-none'>没有待签到的志愿者。</Text> : null}
              {waiting.map((v) => (
                <View key={v.userId} className='shift-row'>
                  <View className='shift-who'>
                    <Text className='shift-name'>{v.displayName}</Text>
                    <Text className='shift-meta'>{v.skills.join('、')}</Text>
                  </View>
                  <BusyButton label='签到' busyLabel='正在签到…' busy={busyId === v.userId} className='btn--primary btn--compact shift-check-in' onClick={() => checkIn(v.userId)} />
                </View>
              ))}
              <LoadMore shown={view} setData={setData} loadNext={(cursor) => listStandVolunteers(standId, cursor)} merge={(shown, next) => ({ ...next, volunteers: [...shown.volunteers, ...next.volunteers] })} />
            </View>
          ) : (
            <View className='notice notice--warn' role='status'>
              <Text className='notice-body'>这次服务点已取消，不能签到。</Text>
            </View>
          )}

          {left.length > 0 ? (
            <View className='card'>
              <Text className='card-title'>已签退（{left.length}）</Text>
              {left.map((s) => (
                <View key={s.userId} className='shift-row shift-row--out'>
                  <View className='shift-who'>
                    <Text className='shift-name'>{s.displayName}</Text>
                    <Text className='shift-meta'>
                      {clock(s.checkedInAt)}–{s.checkedOutAt ? clock(s.checkedOutAt) : ''} · 服务 {duration(s.minutes ?? 0)}{s.coins ? ` · +${s.coins} 幸福币` : ''}
                    </Text>
                  </View>
                </View>
              ))}
            </View>
          ) : null}
        </>
      ) : null}
    </Page>
  )
}
