import { Text, View } from '@tarojs/components'
import { openPage } from '../../../services/navigation'
import { ADMIN_AUDIT_PAGE, ADMIN_COINS_PAGE, ADMIN_DEPARTMENTS_PAGE, ADMIN_ERRAND_KINDS_PAGE, ADMIN_GRIDS_PAGE, ADMIN_VOLUNTEERS_PAGE, ADMIN_MEMBERS_PAGE, ADMIN_SERVICES_PAGE, ADMIN_STANDS_PAGE, ADMIN_SUBMISSION_SETTINGS_PAGE, ADMIN_VENUES_PAGE } from '../../../services/platform'
import { useSessionUser } from '../../../services/use-session-user'
import { isAdminUser, NoAdminAccess } from '../../admin-access'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

const SECTIONS = [
  { url: ADMIN_SERVICES_PAGE, title: '服务项目', text: '量血压、磨剪刀、修鞋……每人几分钟、同时几人', className: 'admin-services-link' },
  { url: ADMIN_VENUES_PAGE, title: '地点与排期', text: '集市在哪、逢几赶集；生成服务点，下载二维码海报', className: 'admin-venues-link' },
  { url: ADMIN_STANDS_PAGE, title: '服务点安排', text: '按日期查看服务点，服务小结，遇到下雨等情况取消服务', className: 'admin-stands-link' },
  { url: ADMIN_SUBMISSION_SETTINGS_PAGE, title: '意见类别与时限', text: '居民提意见时可选的类别，受理、答复要在几个工作日内；放假和调休', className: 'submission-settings-entry' },
  { url: ADMIN_GRIDS_PAGE, title: '网格与网格员', text: '把工作室的片区分成网格、院落；居民提意见时可选网格，网格员看得到', className: 'admin-grids-link' },
  { url: ADMIN_VOLUNTEERS_PAGE, title: '志愿者', text: '审核居民的志愿者登记（在职党员双报到），建服务队、定队长', className: 'admin-volunteers-link' },
  { url: ADMIN_DEPARTMENTS_PAGE, title: '部门与联络员', text: '城管办、环卫所……交办大事时选的部门，给各部门联络员发邀请码', className: 'admin-departments-link' },
  { url: ADMIN_ERRAND_KINDS_PAGE, title: '代办服务目录', text: '代购药品、代缴水电费、上门理发……定哪些能点、谁来做、要不要确认接单', className: 'admin-errand-kinds-link' },
  { url: ADMIN_COINS_PAGE, title: '幸福币', text: '参加哪些活动得幸福币、各得几个；能换哪些奖品、要几个、还有多少', className: 'admin-coins-link' },
  { url: ADMIN_MEMBERS_PAGE, title: '成员与邀请', text: '发邀请码请党代表、工作人员、网格员加入；修改角色，移出工作室', className: 'admin-members-link' },
  { url: ADMIN_AUDIT_PAGE, title: '操作记录', text: '谁查看了完整手机号、导出了意见、改了设置或取消了服务', className: 'admin-audit-link' },
]

/** 工作室设置: the administrator's jobs. */
export default function AdminHomePage() {
  const [user] = useSessionUser()
  if (!isAdminUser(user)) return <NoAdminAccess user={user} />
  return (
    <Page className='admin-page admin-home'>
      <View className='staff-heading'>
        <Text className='staff-heading-title'>工作室设置</Text>
        <Text className='staff-heading-sub'>{user.studioName ?? '本工作室'}</Text>
      </View>
      {SECTIONS.map((section) => (
        <View
          key={section.url}
          className={`card card--link ${section.className}`}
          hoverClass='card--pressed'
          role='button'
          onClick={() => openPage(section.url)}
        >
          <Text className='entry-title'>{section.title}</Text>
          <Text className='plain-line'>{section.text}</Text>
          <Text className='card-action'>打开 ›</Text>
        </View>
      ))}
    </Page>
  )
}
