import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { chinaDate, formatChinaDate } from '@shared/time'
import { getMySubmissions } from '../../services/api'
import { openPage } from '../../services/navigation'
import { usePageData } from '../../services/use-page-data'
import { useSessionUser } from '../../services/use-session-user'
import { getLastStand } from '../../services/last-stand'
import { HOME_PAGE } from '../../services/platform'
import { submissionPageUrl, submitPageUrl } from '../../services/submissions'
import { SubmissionStatusBadge } from '../../components/submission-status'
import { PageState } from '../../components/page-state'
import { LoadMore } from '../../components/load-more'
import { SignInCard } from '../../components/sign-in-card'
import { Page } from '../../components/ui/page'

export default function MySubmissionsPage() {
  const [user] = useSessionUser()
  const { state, retry, setData } = usePageData(() => getMySubmissions(), [], { enabled: !!user, reloadOnShow: true, pullDownRefresh: true, onRefreshError: 'error' })

  if (!user) {
    return (
      <Page className='submissions-page'>
        <SignInCard why='登录后可以看到您提过的意见和答复。' />
      </Page>
    )
  }

  const lastStand = getLastStand()
  return (
    <Page className='submissions-page'>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' && state.data.submissions.length === 0 ? (
        <View className='card submissions-empty'>
          <Text className='plain-line'>您还没有提过意见建议。</Text>
          {lastStand?.studioId ? (
            <Button className='btn btn--primary' onClick={() => openPage(submitPageUrl(lastStand.studioId as string, lastStand.standId))}>提意见建议</Button>
          ) : (
            <View>
              <Text className='plain-line'>扫一扫服务点的二维码，就能给党代表工作室提意见。</Text>
              <Button className='btn btn--secondary' onClick={() => Taro.switchTab({ url: HOME_PAGE })}>去首页</Button>
            </View>
          )}
        </View>
      ) : null}
      {state.status === 'ready'
        ? state.data.submissions.map((item) => (
            <View
              key={item.id}
              className={`card card--link submission-item submission-item--${item.status}`}
              hoverClass='card--pressed'
              role='button'
              onClick={() => openPage(submissionPageUrl(item.id))}
            >
              <View className='item-head'>
                <Text className='item-category'>{item.category}</Text>
                <SubmissionStatusBadge status={item.status} className='submission-status' />
              </View>
              <Text className='item-text'>{item.text.length > 60 ? `${item.text.slice(0, 60)}…` : item.text}</Text>
              <Text className='item-meta'>{formatChinaDate(chinaDate(item.createdAt))} 提交 · {item.studioName}</Text>
              <Text className='card-action'>{item.status === 'resolved' ? '查看答复、评价 ›' : '查看进度 ›'}</Text>
            </View>
          ))
        : null}
      {state.status === 'ready' ? (
        <LoadMore shown={state.data} setData={setData} loadNext={getMySubmissions} merge={(shown, next) => ({ submissions: [...shown.submissions, ...next.submissions] })} label='更早的意见' />
      ) : null}
    </Page>
  )
}
