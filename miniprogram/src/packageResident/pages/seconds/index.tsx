import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { formatChinaDate, chinaDate } from '@shared/time'
import { getMySeconds } from '../../../services/api'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { HOME_PAGE } from '../../../services/platform'
import { MatterHead } from '../../../components/submission-status'
import { secondsLine } from '../../../components/second-button'
import { PageState } from '../../../components/page-state'
import { LoadMore } from '../../../components/load-more'
import { SignInCard } from '../../../components/sign-in-card'
import { Page } from '../../../components/ui/page'
import './index.css'

/**
 * 我附议的事: the matters the resident said they have too (附议), as they stand now — status, how many raised them, and
 * the studio's public reply once there is one. A seconder follows the matter here like its author in 我的意见.
 */
export default function MySecondsPage() {
  const [user] = useSessionUser()
  const { state, retry, setData } = usePageData(() => getMySeconds(), [], {
    enabled: !!user,
    initial: () => ({ status: 'loading' }),
    reloadOnShow: true,
    pullDownRefresh: true,
  })

  if (!user) {
    return (
      <Page className='seconds-page'>
        <SignInCard why='登录后可以看您附议过的事办得怎么样了。' />
      </Page>
    )
  }

  return (
    <Page className='seconds-page'>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <View>
          {state.data.items.length === 0 ? (
            <View className='card seconds-empty'>
              <Text className='plain-line'>您还没有附议过。提意见时，如果别人已经反映过同一件事，可以点“附议”。</Text>
              <Button className='btn btn--secondary' onClick={() => Taro.switchTab({ url: HOME_PAGE })}>回到首页</Button>
            </View>
          ) : null}
          {state.data.items.map((item) => (
            <View key={item.id} className='card seconds-item'>
              <MatterHead category={item.category} status={item.status} date={item.date} />
              <Text className='board-text'>{item.text}</Text>
              <Text className='second-count'>{secondsLine(item.seconds)}</Text>
              <Text className='item-meta'>您在{formatChinaDate(chinaDate(item.secondedAt))}附议</Text>
              {item.reply ? (
                <View className='board-reply'>
                  <Text className='board-reply-label'>工作室答复</Text>
                  <Text className='board-reply-text'>{item.reply}</Text>
                </View>
              ) : (
                <Text className='plain-line seconds-waiting'>还没有公开答复，答复后会显示在这里。</Text>
              )}
            </View>
          ))}
          <LoadMore shown={state.data} setData={setData} loadNext={(cursor) => getMySeconds(cursor)} merge={(shown, next) => ({ ...shown, items: [...shown.items, ...next.items] })} label='更早附议的' />
        </View>
      ) : null}
    </Page>
  )
}
