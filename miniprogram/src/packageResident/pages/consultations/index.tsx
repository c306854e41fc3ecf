import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ConsultationsPage } from '@shared/schemas/consultations'
import { listMyConsultationSignUps, listPublicConsultations } from '../../../services/api'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { getLastStand } from '../../../services/last-stand'
import { decodeParam, openPage } from '../../../services/navigation'
import { CONSULTATION_PAGE } from '../../../services/platform'
import { ConsultationCard } from '../../../components/consultation-card'
import { PageState } from '../../../components/page-state'
import { LoadMore } from '../../../components/load-more'
import { Page } from '../../../components/ui/page'
import { ChipGroup } from '../../../components/ui/chip-group'

type Tab = 'public' | 'mine'

/**
 * 议事协商公示 (四议两公开): the studio's consultations — those coming (报名参加), then the decisions and results with the
 * matters they answer; 我报名的 for a signed-in resident.
 */
export default function ConsultationsPage() {
  const { params } = useRouter()
  const [user] = useSessionUser()
  const studioId = decodeParam(params.studioId) || getLastStand()?.studioId || user?.studioId || ''
  const [tab, setTab] = useState<Tab>('public')
  const { state, retry, setData } = usePageData<ConsultationsPage>(() => (tab === 'mine' ? listMyConsultationSignUps() : listPublicConsultations(studioId)), [studioId, tab], {
    enabled: !!studioId,
    initial: () => (studioId ? { status: 'loading' } : { status: 'error', message: '请先在首页选择您所在的工作室' }),
    reloadOnShow: true,
    pullDownRefresh: true,
  })
  const open = (id: string, sid: string) => openPage(`${CONSULTATION_PAGE}?studioId=${encodeURIComponent(sid)}&id=${encodeURIComponent(id)}`)

  return (
    <Page className='consultations-page'>
      {user ? (
        <ChipGroup label='看哪些' kind='radio' columns={2} chipClass='consultation-tab' options={[{ value: 'public', label: '议事协商公示' }, { value: 'mine', label: '我报名的' }]} isOn={(t) => t === tab} onTap={(t) => setTab(t as Tab)} />
      ) : null}
      <PageState state={state} onRetry={studioId ? retry : undefined} />
      {state.status === 'ready' ? (
        <View>
          {tab === 'public' ? <Text className='plain-line consultations-intro'>大家反映的事，请居民、单位和代表一起商量；决定和落实结果都在这里公示。</Text> : null}
          {state.data.items.length === 0 ? (
            <View className='card consultations-none'>
              <Text className='plain-line'>{tab === 'mine' ? '您还没有报名参加议事协商。' : '还没有议事协商。'}</Text>
            </View>
          ) : null}
          {state.data.items.map((c) => <ConsultationCard key={c.id} c={c} onOpen={() => open(c.id, c.studioId)} />)}
          <LoadMore shown={state.data} setData={setData} loadNext={(cursor) => listPublicConsultations(studioId, cursor)} merge={(shown, next) => ({ ...shown, items: [...shown.items, ...next.items], nextCursor: next.nextCursor })} />
        </View>
      ) : null}
    </Page>
  )
}
