import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { StandSummaryResponse } from '@shared/schemas/admin'
import { formatChinaDate } from '@shared/time'
import { getStandSummary } from '../../../services/api'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { isStaffUser, NoStaffAccess } from '../../staff-access'
import { decodeParam } from '../../../services/navigation'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

type ServiceSummary = StandSummaryResponse['services'][number]


/** Check-in times (`HH:mm`, in order) counted per hour: `[{ hour: '09', count: 5 }]`. */
export function checkInsByHour(times: string[]): Array<{ hour: string; count: number }> {
  const counts = new Map<string, number>()
  for (const time of times) {
    const hour = time.slice(0, 2)
    counts.set(hour, (counts.get(hour) ?? 0) + 1)
  }
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([hour, count]) => ({ hour, count }))
}

function Stat({ label, value, className }: { label: string; value: number; className: string }) {
  return (
    <View className={`summary-stat ${className}`}>
      <Text className='summary-stat-value'>{value}</Text>
      <Text className='summary-stat-label'>{label}</Text>
    </View>
  )
}

function ServiceCard({ service }: { service: ServiceSummary }) {
  const hours = checkInsByHour(service.checkInTimes)
  const peak = Math.max(1, ...hours.map((h) => h.count))
  return (
    <View className='card summary-service'>
      <Text className='card-title'>{service.name}</Text>
      <View className='summary-stats'>
        <Stat label='预约' value={service.booked} className='summary-booked' />
        <Stat label='完成' value={service.served} className='summary-served' />
        <Stat label='现场取号' value={service.walkIns} className='summary-walkins' />
        <Stat label='未到' value={service.noShows} className='summary-noshows' />
      </View>
      {service.cancelled > 0 || service.overrides > 0 ? (
        <Text className='plain-line summary-extra'>
          {service.cancelled > 0 ? `预约后取消 ${service.cancelled} 人` : ''}
          {service.cancelled > 0 && service.overrides > 0 ? '；' : ''}
          {service.overrides > 0 ? `约满后加号 ${service.overrides} 人` : ''}
        </Text>
      ) : null}

      <Text className='summary-subtitle'>签到时间</Text>
      {hours.length === 0 ? (
        <Text className='plain-line'>没有人签到。</Text>
      ) : (
        <View className='summary-hours'>
          {hours.map((h) => (
            <View key={h.hour} className='summary-hour'>
              <Text className='summary-hour-label'>{Number(h.hour)} 点</Text>
              <View className='summary-hour-bar-box'>
                <View className='summary-hour-bar' style={{ width: `${Math.round((h.count / peak) * 100)}%` }} />
              </View>
              <Text className='summary-hour-count'>{h.count} 人</Text>
            </View>
          ))}
          <View className='summary-times'>
            {service.checkInTimes.map((time, i) => <Text key={`${time}-${i}`} className='summary-time'>{time}</Text>)}
          </View>
        </View>
      )}
    </View>
  )
}

/** What a stand did, per service: for the representative's report after the market. */
export default function StandSummaryPage() {
  const { params } = useRouter()
  const standId = decodeParam(params.standId)
  const [user] = useSessionUser()
  const allowed = isStaffUser(user)
  const { state, retry } = usePageData(() => getStandSummary(standId as string), [standId], {
    enabled: !!standId && allowed,
    initial: () => (standId ? { status: 'loading' } : { status: 'error', message: '没有指定服务点' }),
    pullDownRefresh: true,
    onRefreshError: 'error',
  })

  if (!allowed) return <NoStaffAccess user={user} />

  if (state.status !== 'ready') {
    return (
      <Page className='staff-page summary-page'>
        <PageState state={state} onRetry={standId ? retry : undefined} />
      </Page>
    )
  }

  const { stand, services, totals } = state.data
  return (
    <Page className='staff-page summary-page'>
      <View className='card stand-card'>
        <Text className='console-venue'>{stand.venueName}</Text>
        <Text className='plain-line'>{formatChinaDate(stand.date)} {stand.startTime}–{stand.endTime}</Text>
        {stand.status === 'cancelled' ? <Text className='tag tag--warn'>本次服务已取消</Text> : null}
      </View>

      <View className='card summary-totals'>
        <Text className='card-title'>合计</Text>
        <View className='summary-stats'>
          <Stat label='完成服务' value={totals.served} className='summary-served' />
          <Stat label='现场取号' value={totals.walkIns} className='summary-walkins' />
          <Stat label='预约未到' value={totals.noShows} className='summary-noshows' />
        </View>
      </View>

      {services.length === 0 ? (
        <View className='card'>
          <Text className='plain-line'>这个服务点没有服务项目。</Text>
        </View>
      ) : (
        services.map((service) => <ServiceCard key={service.serviceId} service={service} />)
      )}
    </Page>
  )
}
