import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { getDepartmentQueue } from '../../../services/api'
import { openPage } from '../../../services/navigation'
import { DEPT_MATTER_PAGE } from '../../../services/platform'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { useWideScreen } from '../../../services/wide-screen'
import { PageState } from '../../../components/page-state'
import { Page } from '../../../components/ui/page'
import { isLiaisonUser, NoLiaisonAccess } from '../../rep-access'
import { useDeskKeys } from '../../desk-keys'
import { DepartmentMatterDetail } from '../dept-matter/detail'
import '../../styles.css'
import { DeskPanes } from '../../desk-panes'

/**
 * 部门待办: what was handed to the liaison's department, open ones first, soonest due first. On a desk screen (H5 ≥ 1280
 * px) the matter chosen opens beside the list, and the keyboard moves through it (j / k, ↑ / ↓, Enter).
 */
export default function DepartmentQueuePage() {
  const [user] = useSessionUser()
  const allowed = isLiaisonUser(user)
  const departmentId = allowed ? user.departmentId : ''
  const wide = useWideScreen()
  const [chosen, setChosen] = useState<string | null>(null)
  const { state, retry, reload } = usePageData(() => getDepartmentQueue(departmentId), [departmentId], { enabled: allowed, reloadOnShow: true })
  useDeskKeys(wide, '.dept-queue-page', '.dept-queue-item')
  if (!allowed) return <NoLiaisonAccess user={user} />
  if (state.status !== 'ready') {
    return (
      <Page className='rep-page dept-queue-page'>
        <PageState state={state} onRetry={retry} />
      </Page>
    )
  }
  const { department, items } = state.data
  const open = (submissionId: string) => (wide ? setChosen(submissionId) : openPage(`${DEPT_MATTER_PAGE}?departmentId=${encodeURIComponent(departmentId)}&id=${encodeURIComponent(submissionId)}`))
  const list = (
    <View className='dept-queue-list'>
      <Text className='card-title dept-queue-title'>{department.memberUnit ? `${department.name}：各工作室交办给本单位的事` : `${department.name}：交办给本部门的事`}</Text>
      {items.length === 0 ? <Text className='plain-line dept-queue-empty'>{department.memberUnit ? '现在没有交办给本单位的事。' : '现在没有交办给本部门的事。'}</Text> : null}
      {items.map((item) => (
        <View
          key={item.handOnId}
          className={`card dept-queue-item${item.overdue ? ' dept-queue-item--overdue' : ''}${wide && chosen === item.submissionId ? ' desk-item--chosen' : ''}`}
          hoverClass='card--pressed'
          role='button'
          onClick={() => open(item.submissionId)}
        >
          <Text className='tag dept-queue-state'>{item.stateLabel}</Text>
          <Text className='plain-line dept-queue-summary'>{`【${item.category}】${item.summary}`}</Text>
          {department.memberUnit ? <Text className='item-meta dept-queue-studio'>{`来自${item.studioName}`}</Text> : null}
          <Text className='plain-line dept-queue-due'>{item.overdue ? `已超期（期限 ${item.dueDate}）` : `办理期限 ${item.dueDate}`}</Text>
        </View>
      ))}
    </View>
  )
  if (!wide) return <Page className='rep-page dept-queue-page'>{list}</Page>
  return (
    <DeskPanes
      className='dept-queue-page'
      listLabel='部门待办'
      detailLabel='事项详情'
      list={list}
      detail={chosen ? <DepartmentMatterDetail key={chosen} departmentId={departmentId} id={chosen} onChanged={() => void reload({ quiet: true })} /> : undefined}
      emptyHint='在左边选一件事，详情显示在这里。'
    />
  )
}
