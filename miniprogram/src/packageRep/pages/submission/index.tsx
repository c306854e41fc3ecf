import { useRouter } from '@tarojs/taro'
import { param } from '../../../services/submissions'
import { useSessionUser } from '../../../services/use-session-user'
import { isRepUser, NoRepAccess } from '../../rep-access'
import { Page } from '../../../components/ui/page'
import { SubmissionDetail } from './detail'
import '../../styles.css'

export default function RepSubmissionPage() {
  const { params } = useRouter()
  const id = param(params.id)
  const [user] = useSessionUser()
  // a grid head opens the matters of their grid from 网格待办 (the server answers only those)
  const gridHead = user?.role === 'grid_head' && !!user.studioId && !!user.gridId
  if (!isRepUser(user) && !gridHead) return <NoRepAccess user={user} />
  return (
    <Page className='rep-page rep-submission-page'>
      <SubmissionDetail studioId={user!.studioId!} id={id} gridHead={gridHead} />
    </Page>
  )
}
