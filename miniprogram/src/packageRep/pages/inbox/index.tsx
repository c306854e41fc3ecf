import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { INBOX_GROUPS, type InboxGroup, type InboxResponse } from '@shared/schemas/submission'
import { chinaDate, formatChinaDate } from '@shared/time'
import { getInbox } from '../../../services/api'
import { openPage } from '../../../services/navigation'
import { usePageData } from '../../../services/use-page-data'
import { REP_CONSULTATIONS_PAGE, REP_STATS_PAGE, REP_SUBMISSION_PAGE, REP_TEMPLATES_PAGE, STAFF_ON_BEHALF_PAGE } from '../../../services/platform'
import { useSessionUser } from '../../../services/use-session-user'
import { useStudioCategories } from '../../../services/submission-settings'
import { SubmissionStatusBadge } from '../../../components/submission-status'
import { PageState } from '../../../components/page-state'
import { LoadMore } from '../../../components/load-more'
import { isRepUser, NoRepAccess } from '../../rep-access'
import { Page } from '../../../components/ui/page'
import { secondsLine } from '../../../components/second-button'
import { useWideScreen } from '../../../services/wide-screen'
import { useDeskKeys } from '../../desk-keys'
import { SubmissionDetail } from '../submission/detail'
import '../../styles.css'
import { DeskPanes } from '../../desk-panes'

export const GROUP_LABELS: Record<InboxGroup, string> = { new: '待受理', in_progress: '办理中', replied: '已答复', resolved: '已办结' }

export default function InboxPage() {
  const [user] = useSessionUser()
  const [group, setGroup] = useState<InboxGroup>('new')
  const [category, setCategory] = useState('')
  const [counts, setCounts] = useState<InboxResponse['counts'] | null>(null)
  const studioId = isRepUser(user) ? user.studioId : ''
  // a group or category tapped: 正在加载… and that list; back from a detail page: counts and groups have changed
  const load = (cursor?: string) => getInbox(studioId, { group, category: category || undefined, cursor })
  const { state, retry, setData, reload } = usePageData(() => load(), [studioId, group, category], {
    enabled: !!studioId,
    reloadOnShow: true,
    pullDownRefresh: true,
    onRefreshError: 'error',
    onData: (data) => setCounts(data.counts),
  })
  // the studio's own categories for the filter (the defaults if they cannot be loaded)
  const { categories } = useStudioCategories(studioId)
  // a desk screen (H5 ≥ 1280 px): the item chosen opens in the right pane, and the keyboard moves through the list
  const wide = useWideScreen()
  const [chosen, setChosen] = useState('')
  useDeskKeys(wide, '.inbox-page', '.inbox-item')
  const open = (id: string) => (wide ? setChosen(id) : openPage(`${REP_SUBMISSION_PAGE}?id=${encodeURIComponent(id)}`))

  if (!isRepUser(user)) return <NoRepAccess user={user} />

  const list = (
    <View className='inbox-list'>
      <View className='link-button stats-link' hoverClass='card--pressed' role='button' onClick={() => openPage(REP_STATS_PAGE)}>
        <Text className='link-text'>办理统计与导出 ›</Text>
      </View>
      <View className='link-button stats-link consultations-link' hoverClass='card--pressed' role='button' onClick={() => openPage(REP_CONSULTATIONS_PAGE)}>
        <Text className='link-text'>议事协商（请居民、单位一起商量） ›</Text>
      </View>
      <View className='link-button stats-link templates-link' hoverClass='card--pressed' role='button' onClick={() => openPage(REP_TEMPLATES_PAGE)}>
        <Text className='link-text'>答复模板 ›</Text>
      </View>
      <View className='link-button stats-link on-behalf-link' hoverClass='card--pressed' role='button' onClick={() => openPage(STAFF_ON_BEHALF_PAGE)}>
        <Text className='link-text'>代填意见（为没有手机的居民） ›</Text>
      </View>
      <View className='inbox-tabs' role='tablist'>
        {INBOX_GROUPS.map((g) => (
          <View
            key={g}
            className={`inbox-tab inbox-tab--${g}${group === g ? ' inbox-tab--on' : ''}`}
            role='tab'
            aria-selected={group === g}
            onClick={() => setGroup(g)}
          >
            <Text className='inbox-tab-name'>{GROUP_LABELS[g]}</Text>
            <Text className='inbox-count'>{counts ? counts[g] : '…'}</Text>
          </View>
        ))}
      </View>

      <View className='chip-row chip-row--compact category-filter'>
        {['', ...categories.map((c) => c.name)].map((c) => (
          <View
            key={c || 'all'}
            className={`chip chip--small category-filter-chip${category === c ? ' chip--on' : ''}`}
            role='radio'
            aria-checked={category === c}
            onClick={() => setCategory(c)}
          >
            <Text>{c || '全部'}</Text>
          </View>
        ))}
      </View>

      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' && state.data.items.length === 0 ? (
        <View className='card inbox-empty'>
          <Text className='plain-line'>{category ? `“${category}”类` : ''}没有{GROUP_LABELS[group]}的意见。</Text>
        </View>
      ) : null}
      {state.status === 'ready'
        ? state.data.items.map((item) => (
            <View
              key={item.id}
              className={`card card--link inbox-item${item.overdue ? ' inbox-item--overdue' : ''}${chosen === item.id ? ' inbox-item--chosen' : ''}`}
              hoverClass='card--pressed'
              role='button'
              aria-current={chosen === item.id || undefined}
              onClick={() => open(item.id)}
            >
              <View className='item-head'>
                <Text className='item-category'>{item.category}</Text>
                <View className='item-badges'>
                  {item.overdue ? <Text className='overdue-badge'>已超期</Text> : null}
                  {item.waitingForMore ? <Text className='tag tag--warn waiting-more-badge'>待居民补充</Text> : null}
                  {item.urgentBy ? <Text className='tag tag--warn urgent-badge'>紧急 · {new Date(item.urgentBy).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' })} 前</Text> : null}
                  <SubmissionStatusBadge status={item.status} />
                </View>
              </View>
              <Text className='item-text'>{item.summary}</Text>
              <Text className='item-meta'>
                {formatChinaDate(chinaDate(item.createdAt))} 收到{item.venueName ? ` · ${item.venueName}` : ''}{item.source === 'on_behalf' ? ' · 代填' : ''}
              </Text>
              {item.photoCount > 0 ? <Text className='item-meta item-photos'>附照片 {item.photoCount} 张</Text> : null}
              {item.seconds ? <Text className='item-meta item-seconds'>附议：{secondsLine(item.seconds)}</Text> : null}
              {group !== 'resolved' ? (
                <Text className={`due-line${item.overdue ? ' due-line--overdue' : ''}`}>期限：{formatChinaDate(item.dueDate)}</Text>
              ) : null}
            </View>
          ))
        : null}
      {state.status === 'ready' ? (
        <LoadMore
          shown={state.data}
          setData={setData}
          loadNext={load}
          merge={(shown, next) => ({ counts: next.counts, items: [...shown.items, ...next.items] })}
          onLoaded={(next) => setCounts(next.counts)}
        />
      ) : null}
    </View>
  )

  if (!wide) return <Page className='rep-page inbox-page'>{list}</Page>
  return (
    <DeskPanes
      className='inbox-page'
      listLabel='意见列表'
      detailLabel='意见详情'
      list={list}
      detail={chosen ? <SubmissionDetail key={chosen} studioId={studioId} id={chosen} onChanged={() => void reload({ quiet: true })} /> : undefined}
      emptyHint='在左边选一条意见，详情显示在这里。'
    />
  )
}
