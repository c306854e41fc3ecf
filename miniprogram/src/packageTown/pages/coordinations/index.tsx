import { Button, Text, View } from '@tarojs/components'
import { listCoordinations } from '../../../services/api'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { openPage } from '../../../services/navigation'
import { TOWN_COORDINATION_NEW_PAGE, TOWN_COORDINATION_PAGE } from '../../../services/platform'
import { PageState } from '../../../components/page-state'
import { LoadMore } from '../../../components/load-more'
import { AccessGate } from '../../../components/ui/access-gate'
import { Page } from '../../../components/ui/page'
import { CoordinationCard, townOf } from '../../coordination-card'
import '../../styles.css'

/**
 * 协调会 (镇街工作台 → 协调会; 我的 → 协调会 for a unit's liaison): the town's meetings of its member units, upcoming
 * first; the town admin calls a new one.
 */
export default function CoordinationsPage() {
  const [user] = useSessionUser()
  const town = townOf(user)
  const townId = town?.townId ?? ''
  const { state, retry, setData } = usePageData(() => listCoordinations(townId), [townId], { enabled: Boolean(town), reloadOnShow: true, pullDownRefresh: true })
  if (!town) return <AccessGate user={user} pageClass='coordinations-page' gateClass='no-town-access' refusal='协调会只对镇街管理员和成员单位联络员开放。' hint='成员单位联络员请用镇街管理员发放的邀请码加入。' />
  const open = (id: string) => openPage(`${TOWN_COORDINATION_PAGE}?townId=${encodeURIComponent(townId)}&id=${encodeURIComponent(id)}`)
  return (
    <Page className='coordinations-page'>
      {town.admin ? <Button className='btn btn--primary coordination-new' onClick={() => openPage(TOWN_COORDINATION_NEW_PAGE)}>召开协调会</Button> : null}
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <View>
          {state.data.items.length === 0 ? <Text className='plain-line coordinations-none'>{town.admin ? '还没有协调会。每月请各成员单位坐下来，一起商量双向服务的事。' : '本镇街还没有召开协调会。'}</Text> : null}
          {state.data.items.map((c) => <CoordinationCard key={c.id} c={c} onOpen={() => open(c.id)} />)}
          <LoadMore shown={state.data} setData={setData} loadNext={(cursor) => listCoordinations(townId, cursor)} merge={(shown, next) => ({ ...shown, items: [...shown.items, ...next.items], nextCursor: next.nextCursor })} />
        </View>
      ) : null}
    </Page>
  )
}
