import { Text, View } from '@tarojs/components'
import { getDepartmentQueue } from '../../../services/api'
import { openPage } from '../../../services/navigation'
import { DEPT_MATTER_PAGE } from '../../../services/platform'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { Page } from '../../../components/ui/page'
import { isLiaisonUser, NoLiaisonAccess } from '../../rep-access'
import '../../styles.css'

/** 部门待办: what was handed to the liaison's department, open ones first, soonest due first. */
export default function DepartmentQueuePage() {
  const [user] = useSessionUser()
  const allowed = isLiaisonUser(user)
  const departmentId = allowed ? user.departmentId : ''
  const { state, retry } = usePageData(() => getDepartmentQueue(departmentId), [departmentId], { enabled: allowed, reloadOnShow: true })
  if (!allowed) return <NoLiaisonAccess user={user} />
  if (state.status !== 'ready') {
    return (
      <Page className='rep-page dept-queue-page'>
        <PageState state={state} onRetry={retry} />
      </Page>
    )
  }
  const { department, items } = state.data
  return (
    <Page className='rep-page dept-queue-page'>
      <Text className='card-title dept-queue-title'>{`${department.name}：交办给本部门的事`}</Text>
      {items.length === 0 ? <Text className='plain-line dept-queue-empty'>现在没有交办给本部门的事。</Text> : null}
      {items.map((item) => (
        <View
          key={item.handOnId}
          className={`card dept-queue-item${item.overdue ? ' dept-queue-item--overdue' : ''}`}
          hoverClass='card--pressed'
          role='button'
          onClick={() => openPage(`${DEPT_MATTER_PAGE}?departmentId=${encodeURIComponent(item.departmentId)}&id=${encodeURIComponent(item.submissionId)}`)}
        >
          <Text className='tag dept-queue-state'>{item.stateLabel}</Text>
          <Text className='plain-line dept-queue-summary'>{`【${item.category}】${item.summary}`}</Text>
          <Text className='plain-line dept-queue-due'>{item.overdue ? `已超期（期限 ${item.dueDate}）` : `办理期限 ${item.dueDate}`}</Text>
        </View>
      ))}
    </Page>
  )
}
