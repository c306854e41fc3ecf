import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { UserView } from '@shared/schemas/auth'
import { chinaDate, formatChinaDate } from '@shared/time'
import { listGridMatters, listGrids, setGridListing } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { openPage } from '../../../services/navigation'
import { usePageData } from '../../../services/use-page-data'
import { REP_SUBMISSION_PAGE } from '../../../services/platform'
import { useSessionUser } from '../../../services/use-session-user'
import { SubmissionStatusBadge } from '../../../components/submission-status'
import { PageState } from '../../../components/page-state'
import { LoadMore } from '../../../components/load-more'
import { AccessGate } from '../../../components/ui/access-gate'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Page } from '../../../components/ui/page'
import { isRepUser } from '../../rep-access'
import '../../styles.css'

/** The grid this page shows: a grid head's own; a representative's, the one in the address. */
function gridOf(user: UserView | null, asked: string | undefined): { studioId: string; gridId: string } | null {
  if (user?.role === 'grid_head' && user.studioId && user.gridId) return { studioId: user.studioId, gridId: user.gridId }
  if (isRepUser(user) && asked) return { studioId: user.studioId, gridId: asked }
  return null
}

/** 公示: whether the grid head's name is shown to residents on the studio's grids (their choice). */
function ListingSwitch({ studioId, gridId, userId }: { studioId: string; gridId: string; userId: string }) {
  const { state, setData } = usePageData(async () => (await listGrids(studioId)).grids.find((g) => g.id === gridId)?.heads.some((h) => h.userId === userId) ?? false, [studioId, gridId])
  const [busy, setBusy] = useState(false)
  if (state.status !== 'ready') return null
  const change = async (listed: boolean) => {
    setBusy(true)
    try {
      await setGridListing(gridId, listed)
      setData(listed)
      Taro.showToast({ title: listed ? '已公示您的姓名' : '已不再公示', icon: 'none' })
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card grid-listing'>
      <Text className='plain-line'>在工作室页面公示我的姓名吗？（居民能看到谁负责这个网格）</Text>
      <ChipGroup
        label='公示我的姓名'
        kind='radio'
        chipClass='grid-listing-choice'
        options={[{ value: 'yes', label: '公示' }, { value: 'no', label: '不公示' }]}
        isOn={(v) => (v === 'yes') === state.data}
        onTap={(v) => (busy || (v === 'yes') === state.data ? undefined : void change(v === 'yes'))}
      />
    </View>
  )
}

/** 网格待办: the matters residents raised in one grid, newest first — for its grid head, and the studio's representatives. */
export default function GridMattersPage() {
  const [user] = useSessionUser()
  const asked = useRouter().params.id
  const grid = gridOf(user, asked)
  const load = (cursor?: string) => listGridMatters(grid!.studioId, grid!.gridId, cursor)
  const { state, retry, setData } = usePageData(() => load(), [grid?.studioId, grid?.gridId], { enabled: !!grid, reloadOnShow: true, pullDownRefresh: true, onRefreshError: 'error' })
  if (!grid) return <AccessGate user={user} pageClass='rep-page' gateClass='no-grid-access' refusal='网格待办只对网格员和工作室的党代表开放。' />
  // representatives and the grid head open a matter (the grid head takes the steps of a 小事 there)
  const canOpen = isRepUser(user) || user?.role === 'grid_head'
  return (
    <Page className='rep-page grid-page'>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <>
          <View className='staff-heading'>
            <Text className='staff-heading-title grid-title'>{`${state.data.grid.name}（${state.data.grid.kind}）`}</Text>
            <Text className='staff-heading-sub'>居民提意见时选了这个{state.data.grid.kind}的事，最新的在前</Text>
          </View>
          {user?.role === 'grid_head' ? <ListingSwitch studioId={grid.studioId} gridId={grid.gridId} userId={user.id} /> : null}
          {state.data.items.length === 0 ? <View className='card grid-empty'><Text className='plain-line'>这个{state.data.grid.kind}还没有居民反映的事。</Text></View> : null}
          {state.data.items.map((item) => (
            <View
              key={item.id}
              className={`card grid-item${canOpen ? ' card--link' : ''}${item.overdue ? ' inbox-item--overdue' : ''}`}
              {...(canOpen ? { hoverClass: 'card--pressed', role: 'button', onClick: () => openPage(`${REP_SUBMISSION_PAGE}?id=${encodeURIComponent(item.id)}`) } : {})}
            >
              <View className='item-head'>
                <Text className='item-category'>{item.category}</Text>
                <View className='item-badges'>
                  {item.overdue ? <Text className='overdue-badge'>已超期</Text> : null}
                  <SubmissionStatusBadge status={item.status} />
                </View>
              </View>
              <Text className='item-text'>{item.summary}</Text>
              <Text className='item-meta'>{`${formatChinaDate(chinaDate(item.createdAt))} 收到 · 期限 ${formatChinaDate(item.dueDate)}`}</Text>
            </View>
          ))}
          <LoadMore shown={state.data} setData={setData} loadNext={load} merge={(shown, next) => ({ ...next, items: [...shown.items, ...next.items] })} />
        </>
      ) : null}
    </Page>
  )
}
