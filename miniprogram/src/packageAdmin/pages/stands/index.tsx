import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { cancelStandRequest, type CancelStandResponse } from '@shared/schemas/admin'
import type { StudioStandsResponse } from '@shared/schemas/booking'
import { addDays, chinaDate, formatChinaDate } from '@shared/time'
import { parseWith } from '@shared/validation'
import { cancelStand, getStudioStands } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { openPage } from '../../../services/navigation'
import { STAFF_SUMMARY_PAGE } from '../../../services/platform'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { isAdminUser, NoAdminAccess } from '../../admin-access'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

type Stand = StudioStandsResponse['stands'][number]

export const QUICK_REASONS = ['天气不好', '集市暂停', '人员临时有事']

interface CancelDraft {
  standId: string
  reason: string
  error?: string
}

/** The studio's stands on a chosen day: summary, and cancelling one (bad weather …) with a reason. */
export default function AdminStandsPage() {
  const [user] = useSessionUser()
  const studioId = isAdminUser(user) ? user.studioId : null
  const [date, setDate] = useState(() => chinaDate(new Date()))
  const { state, reload, retry, setData } = usePageData(async () => (await getStudioStands(studioId as string, date)).stands, [studioId, date], {
    enabled: !!studioId,
    reloadOnShow: true,
    pullDownRefresh: true,
    onRefreshError: 'error',
  })
  const [cancelling, setCancelling] = useState<CancelDraft | null>(null)
  const [busy, setBusy] = useState(false)
  const [results, setResults] = useState<Record<string, CancelStandResponse>>({})

  useEffect(() => {
    // another day: its stands, none being cancelled
    setCancelling(null)
  }, [studioId, date])

  if (!isAdminUser(user)) return <NoAdminAccess user={user} />

  const today = chinaDate(new Date())

  const confirmCancel = async (stand: Stand) => {
    if (!cancelling || busy) return
    const parsed = parseWith(cancelStandRequest, { reason: cancelling.reason })
    if (!parsed.ok) {
      setCancelling({ ...cancelling, error: parsed.fields.reason ?? Object.values(parsed.fields)[0] })
      return
    }
    const { confirm } = await Taro.showModal({
      title: '取消本次服务？',
      content: `${formatChinaDate(stand.date)} ${stand.venueName}：这一天的预约全部作废，已预约的居民会收到通知。取消后不能恢复。`,
      confirmText: '确定取消',
      confirmColor: '#C8161D',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusy(true)
    Taro.showLoading({ title: '正在取消…', mask: true })
    try {
      const result = await cancelStand(stand.id, parsed.value.reason)
      Taro.hideLoading()
      setResults((r) => ({ ...r, [stand.id]: result }))
      setCancelling(null)
      setData((stands) => stands.map((x) => (x.id === stand.id ? { ...x, status: 'cancelled' } : x)))
    } catch (error) {
      Taro.hideLoading()
      if (isApiError(error) && error.fields.reason) setCancelling({ ...cancelling, error: error.fields.reason })
      else Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
      if (isApiError(error) && error.status === 409) void reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page className='admin-page admin-stands-page'>
      <View className='card date-card'>
        <Text className='field-label'>日期</Text>
        <View className='date-row'>
          <Button className='btn btn--secondary btn--compact date-prev' onClick={() => setDate(addDays(date, -1))}>前一天</Button>
          <View className='date-picker-box'>
            <Picker mode='date' value={date} onChange={(e) => setDate(String(e.detail.value))}>
              <View className='picker-field stands-date'>
                <Text className='picker-value'>{formatChinaDate(date)}</Text>
              </View>
            </Picker>
          </View>
          <Button className='btn btn--secondary btn--compact date-next' onClick={() => setDate(addDays(date, 1))}>后一天</Button>
        </View>
        {date !== today ? (
          <View className='link-button date-today' role='button' onClick={() => setDate(today)}>
            <Text className='link-text'>回到今天</Text>
          </View>
        ) : null}
      </View>

      <PageState state={state} onRetry={retry} />

      {state.status === 'ready' && state.data.length === 0 ? (
        <View className='card'>
          <Text className='card-title'>这一天没有服务点</Text>
          <Text className='plain-line'>在“地点与排期”里可以生成未来几周的服务点。</Text>
        </View>
      ) : null}

      {state.status === 'ready'
        ? state.data.map((stand) => {
          const cancelled = stand.status === 'cancelled'
          const open = cancelling?.standId === stand.id
          const result = results[stand.id]
          return (
            <View key={stand.id} className={`card admin-stand${cancelled ? ' staff-stand--cancelled' : ''}`}>
              <Text className='staff-stand-venue'>{stand.venueName}</Text>
              <Text className='staff-stand-time'>{formatChinaDate(stand.date)} {stand.startTime}–{stand.endTime}</Text>
              {cancelled ? <Text className='tag tag--warn'>已取消</Text> : null}
              {result ? (
                <View className='cancel-result' role='status'>
                  <Text className='result-title'>已取消本次服务</Text>
                  <Text className='result-line'>作废预约 {result.cancelledBookings} 个，已通知 {result.notified} 人。</Text>
                </View>
              ) : null}

              {open && cancelling ? (
                <View className='cancel-panel'>
                  <Text className='field-label'>取消原因（居民会看到）</Text>
                  <View className='preset-row'>
                    {QUICK_REASONS.map((reason) => (
                      <View
                        key={reason}
                        className={`preset quick-reason${cancelling.reason === reason ? ' preset--on' : ''}`}
                        role='button'
                        onClick={() => setCancelling({ ...cancelling, reason, error: undefined })}
                      >
                        <Text className='preset-text'>{reason}</Text>
                      </View>
                    ))}
                  </View>
                  <Input
                    className={`text-input text-input--plain cancel-reason${cancelling.error ? ' text-input--error' : ''}`}
                    value={cancelling.reason}
                    maxlength={20}
                    placeholder='例如：下大雨，改期再来'
                    placeholderClass='input-placeholder'
                    onInput={(e) => setCancelling({ ...cancelling, reason: e.detail.value, error: undefined })}
                  />
                  {cancelling.error ? <Text className='field-error cancel-reason-error'>{cancelling.error}</Text> : null}
                  <View className='button-row'>
                    <Button className='btn btn--secondary cancel-abort' disabled={busy || undefined} onClick={() => setCancelling(null)}>不取消</Button>
                    <Button
                      className={`btn btn--primary cancel-confirm${busy ? ' btn--busy' : ''}`}
                      disabled={busy || undefined}
                      onClick={() => void confirmCancel(stand)}
                    >
                      确认取消
                    </Button>
                  </View>
                </View>
              ) : (
                <View className='button-row'>
                  <Button
                    className='btn btn--secondary btn--compact stand-summary'
                    onClick={() => openPage(`${STAFF_SUMMARY_PAGE}?standId=${encodeURIComponent(stand.id)}`)}
                  >
                    服务小结
                  </Button>
                  {!cancelled && stand.date >= today ? (
                    <Button
                      className='btn btn--secondary btn--compact cancel-stand'
                      onClick={() => setCancelling({ standId: stand.id, reason: '' })}
                    >
                      取消本次服务
                    </Button>
                  ) : null}
                </View>
              )}
            </View>
          )
        })
        : null}
    </Page>
  )
}
