import { Button, Text, View } from '@tarojs/components'
import { listConsultations } from '../../../services/api'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { openPage } from '../../../services/navigation'
import { REP_CONSULTATION_NEW_PAGE, REP_CONSULTATION_PAGE } from '../../../services/platform'
import { ConsultationCard } from '../../../components/consultation-card'
import { PageState } from '../../../components/page-state'
import { LoadMore } from '../../../components/load-more'
import { Page } from '../../../components/ui/page'
import { isRepUser, NoRepAccess } from '../../rep-access'
import '../../styles.css'

/** 议事协商 (representatives and admins): the studio's consultations, upcoming first; 发起议事协商. */
export default function RepConsultationsPage() {
  const [user] = useSessionUser()
  const allowed = isRepUser(user)
  const studioId = allowed ? user.studioId : ''
  const { state, retry, setData } = usePageData(() => listConsultations(studioId), [studioId], { enabled: allowed, reloadOnShow: true, pullDownRefresh: true })
  if (!allowed) return <NoRepAccess user={user} />
  return (
    <Page className='rep-page rep-consultations-page'>
      <Button className='btn btn--primary consultation-new' onClick={() => openPage(REP_CONSULTATION_NEW_PAGE)}>发起议事协商</Button>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <View>
          {state.data.items.length === 0 ? <Text className='plain-line consultations-none'>还没有议事协商。选几条大家关心的意见，请居民、单位一起商量。</Text> : null}
          {state.data.items.map((c) => <ConsultationCard key={c.id} c={c} onOpen={() => openPage(`${REP_CONSULTATION_PAGE}?id=${encodeURIComponent(c.id)}`)} />)}
          <LoadMore shown={state.data} setData={setData} loadNext={(cursor) => listConsultations(studioId, cursor)} merge={(shown, next) => ({ ...shown, items: [...shown.items, ...next.items], nextCursor: next.nextCursor })} />
        </View>
      ) : null}
    </Page>
  )
}
