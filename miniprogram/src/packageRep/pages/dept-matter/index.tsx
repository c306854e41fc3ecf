import { useRouter } from '@tarojs/taro'
import { useSessionUser } from '../../../services/use-session-user'
import { Page } from '../../../components/ui/page'
import { isLiaisonUser, NoLiaisonAccess } from '../../rep-access'
import { DepartmentMatterDetail } from './detail'
import '../../styles.css'

/** One matter handed to the liaison's department, on its own page (a phone; the desk console shows it beside the queue). */
export default function DepartmentMatterPage() {
  const [user] = useSessionUser()
  const { params } = useRouter()
  const allowed = isLiaisonUser(user)
  const departmentId = params.departmentId ?? (allowed ? user.departmentId : '')
  if (!allowed) return <NoLiaisonAccess user={user} />
  return (
    <Page className='rep-page dept-matter-page'>
      <DepartmentMatterDetail departmentId={departmentId} id={params.id ?? ''} />
    </Page>
  )
}
