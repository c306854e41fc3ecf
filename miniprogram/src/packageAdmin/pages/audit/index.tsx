import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Picker, Text, View } from '@tarojs/components'
import { AUDIT_KIND_LABELS, AUDIT_KINDS, type AuditEntryView, type AuditKind } from '@shared/schemas/audit'
import { ROLE_LABELS } from '@shared/roles'
import { chinaDate, chinaTime, formatChinaDate } from '@shared/time'
import { getAuditLog } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { isAdminUser, NoAdminAccess } from '../../admin-access'
import './index.css'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

const KIND_OPTIONS: (AuditKind | undefined)[] = [undefined, ...AUDIT_KINDS]
const kindLabel = (kind: AuditKind | undefined) => (kind ? AUDIT_KIND_LABELS[kind] : '全部类型')

interface Page {
  entries: AuditEntryView[]
  nextCursor?: string
}

/** 操作记录: who saw or changed what in this studio, newest first; by person and by kind. */
export default function AdminAuditPage() {
  const [user] = useSessionUser()
  const studioId = isAdminUser(user) ? user.studioId : null
  const [kind, setKind] = useState<AuditKind | undefined>(undefined)
  const [actor, setActor] = useState<{ id: string; name: string } | undefined>(undefined)
  // everyone seen so far, for the person filter (residents are never named, so never listed)
  const [people, setPeople] = useState<Record<string, string>>({})
  const [loadingMore, setLoadingMore] = useState(false)
  const remember = (entries: AuditEntryView[]) =>
    setPeople((known) => ({ ...known, ...Object.fromEntries(entries.filter((e) => e.actorId).map((e) => [e.actorId as string, e.actorName])) }))

  const { state, retry, setData } = usePageData<Page>(() => getAuditLog(studioId as string, { kind, actorId: actor?.id }), [studioId, kind, actor?.id], {
    enabled: !!studioId,
    pullDownRefresh: true,
    onRefreshError: 'error',
    onData: (page) => remember(page.entries),
  })

  if (!isAdminUser(user)) return <NoAdminAccess user={user} />

  const loadMore = async (page: Page) => {
    if (!page.nextCursor || loadingMore) return
    setLoadingMore(true)
    try {
      const next = await getAuditLog(studioId as string, { kind, actorId: actor?.id, cursor: page.nextCursor })
      remember(next.entries)
      setData((shown) => ({ entries: [...shown.entries, ...next.entries], nextCursor: next.nextCursor }))
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setLoadingMore(false)
    }
  }

  const personOptions = [{ id: '', name: '所有人' }, ...Object.entries(people).map(([id, name]) => ({ id, name }))]

  return (
    <Page className='admin-page audit-page'>
      <View className='staff-heading'>
        <Text className='staff-heading-title'>操作记录</Text>
        <Text className='staff-heading-sub'>谁查看了完整手机号、导出了数据、改了设置；只有管理员能看到</Text>
      </View>
      <View className='card audit-filters'>
        <Picker mode='selector' range={KIND_OPTIONS.map(kindLabel)} value={KIND_OPTIONS.indexOf(kind)} onChange={(e) => setKind(KIND_OPTIONS[Number(e.detail.value)])}>
          <View className='audit-filter audit-kind-filter' role='button' aria-label='按类型筛选'>
            <Text className='field-label'>类型</Text>
            <Text className='audit-filter-value'>{kindLabel(kind)} ›</Text>
          </View>
        </Picker>
        <Picker
          mode='selector'
          range={personOptions.map((p) => p.name)}
          value={Math.max(0, personOptions.findIndex((p) => p.id === (actor?.id ?? '')))}
          onChange={(e) => {
            const picked = personOptions[Number(e.detail.value)]
            setActor(picked && picked.id ? picked : undefined)
          }}
        >
          <View className='audit-filter audit-person-filter' role='button' aria-label='按人员筛选'>
            <Text className='field-label'>人员</Text>
            <Text className='audit-filter-value'>{actor?.name ?? '所有人'} ›</Text>
          </View>
        </Picker>
      </View>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready'
        ? ((page) => (
          <View>
            {page.entries.length === 0 ? (
              <View className='card empty-card'>
                <Text className='plain-line'>还没有符合条件的记录。</Text>
              </View>
            ) : (
              page.entries.map((entry) => (
                <View key={entry.id} className='card audit-entry'>
                  <View className='audit-entry-head'>
                    <Text className='tag audit-kind'>{AUDIT_KIND_LABELS[entry.kind]}</Text>
                    <Text className='audit-when'>{`${formatChinaDate(chinaDate(entry.at))} ${chinaTime(entry.at)}`}</Text>
                  </View>
                  <Text className='audit-summary'>{entry.summary}</Text>
                  <Text className='plain-line audit-actor'>{`${entry.actorName}（${ROLE_LABELS[entry.actorRole]}）`}</Text>
                </View>
              ))
            )}
            {page.nextCursor ? (
              <Button className='btn btn--secondary audit-more' loading={loadingMore || undefined} disabled={loadingMore || undefined} onClick={() => void loadMore(page)}>
                {loadingMore ? '正在加载…' : '加载更早的记录'}
              </Button>
            ) : null}
          </View>
        ))(state.data)
        : null}
    </Page>
  )
}
