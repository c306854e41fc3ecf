import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { chinaDate, chinaTime, formatChinaDate } from '@shared/time'
import { getNotifications, markNotificationsRead } from '../../services/api'
import { openAnyPage } from '../../services/navigation'
import { usePageData } from '../../services/use-page-data'
import { useSessionUser } from '../../services/use-session-user'
import { PageState } from '../../components/page-state'
import { SignInCard } from '../../components/sign-in-card'
import { Page } from '../../components/ui/page'
import './index.css'

/** `11月22日 周日 09:30` in China time. */
function whenLabel(at: string): string {
  return `${formatChinaDate(chinaDate(at))} ${chinaTime(at)}`
}

/** 消息: newest first; unread ones (as they were when the page opened) in bold with a red dot. Opening marks all read. */
export default function NotificationsPage() {
  const [user] = useSessionUser()
  const { state, retry } = usePageData(getNotifications, [], {
    enabled: !!user,
    reloadOnShow: true,
    pullDownRefresh: true,
    onRefreshError: 'error',
    onData: (data) => {
      // the list keeps showing what was new on this visit; the server marks everything read
      if (data.unread > 0 || data.notifications.some((n) => !n.read)) {
        markNotificationsRead().catch(() => undefined)
      }
    },
  })

  if (!user) {
    return (
      <Page className='notifications-page'>
        <SignInCard why='登录后可以在这里看到答复、提醒等消息。' />
      </Page>
    )
  }

  return (
    <Page className='notifications-page'>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' && state.data.notifications.length === 0 ? (
        <View className='card notifications-empty'>
          <Text className='card-title'>还没有消息</Text>
          <Text className='plain-line'>意见有了答复、预约快到时间、服务点取消，都会在这里告诉您。</Text>
        </View>
      ) : null}
      {state.status === 'ready'
        ? state.data.notifications.map((item) => (
            <View
              key={item.id}
              className={`card card--link notification-item${item.read ? '' : ' notification-item--unread'}`}
              hoverClass='card--pressed'
              role='button'
              onClick={() => (item.page ? openAnyPage(item.page) : Taro.showToast({ title: '这条消息没有可以打开的页面', icon: 'none' }))}
            >
              <View className='notification-head'>
                {item.read ? null : <View className='unread-dot' role='img' aria-label='未读' />}
                <Text className='notification-title'>{item.title}</Text>
              </View>
              {item.body ? <Text className='notification-body'>{item.body}</Text> : null}
              <View className='notification-foot'>
                <Text className='notification-time'>{whenLabel(item.at)}</Text>
                {item.page ? <Text className='notification-open'>查看 ›</Text> : null}
              </View>
            </View>
          ))
        : null}
    </Page>
  )
}
