import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { GenerateStandsResponse } from '@shared/schemas/admin'
import { formatChinaDate } from '@shared/time'
import type { VenueView } from '@shared/schemas/venue'
import { downloadVenuePoster, generateStands, listVenues } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { openPage } from '../../../services/navigation'
import { ADMIN_VENUE_EDIT_PAGE, isWeapp } from '../../../services/platform'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { isAdminUser, NoAdminAccess } from '../../admin-access'
import { rememberVenues } from '../../store'
import { openPdf } from '../../poster'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

export const GENERATE_WEEKS = 4

async function loadVenues(studioId: string) {
  const { venues } = await listVenues(studioId)
  rememberVenues(venues)
  return venues
}

function GenerateResult({ result }: { result: GenerateStandsResponse }) {
  const { created, existing } = result
  return (
    <View className='generate-result' role='status'>
      {created.length > 0 ? (
        <View>
          <Text className='result-title'>新生成 {created.length} 个服务点</Text>
          <View className='generate-dates'>
            {created.map((date) => <Text key={date} className='generate-date'>{formatChinaDate(date)}</Text>)}
          </View>
        </View>
      ) : (
        <Text className='result-title'>没有新生成服务点</Text>
      )}
      {existing.length > 0 ? <Text className='result-line'>另有 {existing.length} 个日期已经有服务点，保持不变。</Text> : null}
      {created.length === 0 && existing.length === 0 ? <Text className='result-line'>未来 {GENERATE_WEEKS} 周按排期没有赶集日。</Text> : null}
    </View>
  )
}

/** The studio's venues with their schedules; stands are generated and posters downloaded from here. */
export default function AdminVenuesPage() {
  const [user] = useSessionUser()
  const studioId = isAdminUser(user) ? user.studioId : null
  const { state, retry } = usePageData(() => loadVenues(studioId as string), [studioId], {
    enabled: !!studioId,
    reloadOnShow: true,
    pullDownRefresh: true,
    onRefreshError: 'keep',
  })
  const [busy, setBusy] = useState<string | null>(null)
  const [generated, setGenerated] = useState<Record<string, GenerateStandsResponse>>({})

  if (!isAdminUser(user)) return <NoAdminAccess user={user} />

  const generate = async (venue: VenueView) => {
    if (busy) return
    setBusy(`generate:${venue.id}`)
    Taro.showLoading({ title: '正在生成…', mask: true })
    try {
      const result = await generateStands(venue.id, GENERATE_WEEKS)
      Taro.hideLoading()
      setGenerated((g) => ({ ...g, [venue.id]: result }))
    } catch (error) {
      Taro.hideLoading()
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(null)
    }
  }

  const poster = async (venue: VenueView) => {
    if (busy) return
    setBusy(`poster:${venue.id}`)
    Taro.showLoading({ title: '正在下载海报…', mask: true })
    try {
      const file = await downloadVenuePoster(venue.id, venue.name)
      Taro.hideLoading()
      await openPdf(file)
      if (!isWeapp()) Taro.showToast({ title: `已下载：${file.filename}`, icon: 'none', duration: 3000 })
    } catch (error) {
      Taro.hideLoading()
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(null)
    }
  }

  return (
    <Page className='admin-page admin-venues-page'>
      <Button className='btn btn--primary add-venue' onClick={() => openPage(ADMIN_VENUE_EDIT_PAGE)}>＋ 新增地点</Button>

      <PageState state={state} onRetry={retry} />

      {state.status === 'ready' && state.data.length === 0 ? (
        <View className='card'>
          <Text className='card-title'>还没有地点</Text>
          <Text className='plain-line'>添加集市或村里的服务地点，并设好哪天去。</Text>
        </View>
      ) : null}

      {state.status === 'ready'
        ? state.data.map((venue) => (
          <View key={venue.id} className='card venue-item'>
            <View className='rule-head'>
              <Text className='entry-title venue-item-name'>{venue.name}</Text>
              <Button
                className='btn btn--secondary btn--compact edit-venue'
                disabled={!!busy || undefined}
                onClick={() => openPage(`${ADMIN_VENUE_EDIT_PAGE}?id=${encodeURIComponent(venue.id)}`)}
              >
                修改
              </Button>
            </View>
            <Text className='plain-line venue-item-address'>{venue.address}</Text>

            <Text className='venue-label'>排期</Text>
            {venue.schedule.map((line) => <Text key={line} className='venue-schedule'>{line}</Text>)}

            <Text className='venue-label'>接下来</Text>
            {venue.nextMarketDays.length > 0
              ? venue.nextMarketDays.map((day) => <Text key={day} className='venue-next-day'>{day}</Text>)
              : <Text className='venue-next-day'>近期没有赶集日</Text>}

            <Button
              className={`btn btn--primary generate-stands${busy === `generate:${venue.id}` ? ' btn--busy' : ''}`}
              disabled={!!busy || undefined}
              onClick={() => void generate(venue)}
            >
              {`生成未来 ${GENERATE_WEEKS} 周服务点`}
            </Button>
            {generated[venue.id] ? <GenerateResult result={generated[venue.id]} /> : null}
            <Button
              className={`btn btn--secondary download-poster${busy === `poster:${venue.id}` ? ' btn--busy' : ''}`}
              disabled={!!busy || undefined}
              onClick={() => void poster(venue)}
            >
              下载二维码海报
            </Button>
          </View>
        ))
        : null}
    </Page>
  )
}
