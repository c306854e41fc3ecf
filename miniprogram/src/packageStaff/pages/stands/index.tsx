import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { chinaDate, formatChinaDate } from '@shared/time'
import { getStudioStands } from '../../../services/api'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { SCREEN_PAGE, STAFF_CONSOLE_PAGE, STAFF_SUMMARY_PAGE, STAFF_VOLUNTEERS_PAGE } from '../../../services/platform'
import { PageState } from '../../../components/page-state'
import { isStaffUser, NoStaffAccess } from '../../staff-access'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

function open(url: string) {
  Taro.navigateTo({ url }).catch(() => Taro.showToast({ title: '页面打开失败，请重试', icon: 'none' }))
}

export default function StaffStandsPage() {
  const [user] = useSessionUser()
  const studioId = isStaffUser(user) ? user.studioId : null
  const { state, retry } = usePageData(async () => (await getStudioStands(studioId as string)).stands, [studioId], {
    enabled: !!studioId,
    reloadOnShow: true,
    pullDownRefresh: true,
    onRefreshError: 'error',
  })

  if (!isStaffUser(user)) return <NoStaffAccess user={user} />

  return (
    <Page className='staff-page staff-stands-page'>
      <View className='staff-heading'>
        <Text className='staff-heading-title'>今天的服务点</Text>
        <Text className='staff-heading-sub'>{formatChinaDate(chinaDate(new Date()))} · {user.studioName ?? '本工作室'}</Text>
      </View>

      <PageState state={state} onRetry={retry} />

      {state.status === 'ready' && state.data.length === 0 ? (
        <View className='card'>
          <Text className='card-title'>今天没有安排服务点</Text>
          <Text className='plain-line'>服务点的日期由工作室管理员安排。</Text>
        </View>
      ) : null}

      {state.status === 'ready'
        ? state.data.map((stand) => {
          const cancelled = stand.status === 'cancelled'
          return (
            <View key={stand.id} className={`card staff-stand${cancelled ? ' staff-stand--cancelled' : ' card--link'}`}>
              <View
                className='staff-stand-main'
                hoverClass='card--pressed'
                role='button'
                onClick={() => open(`${STAFF_CONSOLE_PAGE}?standId=${encodeURIComponent(stand.id)}`)}
              >
                <Text className='staff-stand-venue'>{stand.venueName}</Text>
                <Text className='staff-stand-time'>{stand.startTime}–{stand.endTime}</Text>
                {cancelled ? <Text className='tag tag--warn'>已取消</Text> : null}
                <Text className='card-action'>进入工作台 ›</Text>
              </View>
              <View className='button-row'>
                <Button
                  className='btn btn--secondary btn--compact stand-summary'
                  onClick={() => open(`${STAFF_SUMMARY_PAGE}?standId=${encodeURIComponent(stand.id)}`)}
                >
                  服务小结
                </Button>
                <Button
                  className='btn btn--secondary btn--compact screen-link'
                  onClick={() => open(`${SCREEN_PAGE}?standId=${encodeURIComponent(stand.id)}`)}
                >
                  叫号大屏
                </Button>
                {cancelled ? null : (
                  <Button
                    className='btn btn--secondary btn--compact stand-volunteers'
                    onClick={() => open(`${STAFF_VOLUNTEERS_PAGE}?standId=${encodeURIComponent(stand.id)}`)}
                  >
                    志愿者签到
                  </Button>
                )}
              </View>
            </View>
          )
        })
        : null}
    </Page>
  )
}
