import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { formatChinaDate, chinaDate } from '@shared/time'
import { getBoard, getFollow, setFollow } from '../../services/api'
import { errorMessage } from '../../services/request'
import { usePageData } from '../../services/use-page-data'
import { useSessionUser } from '../../services/use-session-user'
import { openPage } from '../../services/navigation'
import { askFor } from '../../services/subscribe'
import { useShare } from '../../services/share'
import { BOARD_PAGE, CONSULTATIONS_PAGE, HOME_PAGE } from '../../services/platform'
import { param, submitPageUrl } from '../../services/submissions'
import { MatterHead } from '../../components/submission-status'
import { PageState } from '../../components/page-state'
import { Page } from '../../components/ui/page'
import './index.css'
import { LoadMore } from '../../components/load-more'
import { StudioTownLine } from '../../components/studio-town-line'
import { SecondButton, secondsLine } from '../../components/second-button'

/** A `YYYY-MM-DD` date or an instant, shown as `11月22日 周日`. */
function dayLabel(value: string): string {
  return formatChinaDate(/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : chinaDate(value))
}

/** 关注 / 已关注: signed-in people get a 消息 when the board has a new reply. */
function FollowToggle({ studioId }: { studioId: string }) {
  const [following, setFollowing] = useState<boolean | null>(null)
  const [busy, setBusy] = useState(false)

  // mounted once the board has loaded (after the page's onShow), so a plain effect rather than useDidShow
  useEffect(() => {
    getFollow(studioId)
      .then((res) => setFollowing(res.following))
      .catch(() => setFollowing((current) => current ?? false))
  }, [studioId])

  const toggle = async () => {
    if (busy || following === null) return
    const on = !following
    setBusy(true)
    try {
      // in the tap that follows: one WeChat message for the next new reply (the 消息 come regardless)
      const agreement = on ? await askFor('follow') : null
      const res = await setFollow(studioId, on)
      setFollowing(res.following)
      const title = !res.following ? '已取消关注' : agreement?.accepted.length ? '已关注，下次有新答复会发微信提醒，也会放在「消息」里' : '已关注，有新答复会在「消息」里提醒您'
      Taro.showToast({ title, icon: 'none', duration: 3000 })
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='follow-box'>
      <Button
        className={`btn ${following ? 'btn--secondary follow-toggle--on' : 'btn--primary'} follow-toggle${busy ? ' btn--busy' : ''}`}
        loading={busy || undefined}
        disabled={busy || following === null || undefined}
        aria-pressed={!!following}
        onClick={() => void toggle()}
      >
        {following === null ? '关注…' : following ? '✓ 已关注' : '＋ 关注'}
      </Button>
      <Text className='follow-hint'>关注后，公示墙有新答复时会在「消息」里提醒您</Text>
    </View>
  )
}

export default function BoardPage() {
  const [user] = useSessionUser()
  const { params } = useRouter()
  const studioId = param(params.studioId)
  const { state, retry, setData } = usePageData(() => getBoard(studioId), [studioId], {
    enabled: !!studioId,
    initial: () => (studioId ? { status: 'loading' } : { status: 'error', message: '没有找到这个工作室的公示墙' }),
    reloadOnShow: true,
    pullDownRefresh: true,
    onRefreshError: 'error',
    onData: (data) => {
      if (data.studioName) Taro.setNavigationBarTitle?.({ title: `${data.studioName} 公示墙` })?.catch?.(() => undefined)
    },
  })
  useShare(() =>
    state.status === 'ready' && studioId ? { title: `${state.data.studioName ?? '党代表工作室'} 公示墙：大家提的意见和答复`, page: BOARD_PAGE, query: `studioId=${encodeURIComponent(studioId)}` } : null,
  )

  return (
    <Page className='board-page'>
      <PageState
        state={state}
        onRetry={studioId ? retry : undefined}
        errorActions={<Button className='btn btn--secondary' onClick={() => Taro.switchTab({ url: HOME_PAGE })}>回到首页</Button>}
      />
      {state.status === 'ready' ? (
        <View>
          <View className='card card--hint board-intro'>
            <Text className='card-title board-studio'>{state.data.studioName}</Text>
            <StudioTownLine studioId={studioId} studioName={state.data.studioName ?? '党代表工作室'} />
            <Text className='plain-line'>大家反映的事和工作室的答复都在这里，不显示任何人的个人信息。</Text>
            {user ? <FollowToggle studioId={studioId} /> : null}
          </View>
          <View className='card card--link board-consultations' hoverClass='card--pressed' role='button' onClick={() => openPage(`${CONSULTATIONS_PAGE}?studioId=${encodeURIComponent(studioId)}`)}>
            <Text className='entry-title'>议事协商公示</Text>
            <Text className='plain-line'>大家的事一起商量：协商决定和落实结果</Text>
            <Text className='card-action'>打开 ›</Text>
          </View>
          {state.data.items.length === 0 ? (
            <View className='card board-empty'>
              <Text className='plain-line'>还没有公开答复的意见。</Text>
            </View>
          ) : null}
          {state.data.items.map((item) => (
            <View key={item.id} className='card board-item'>
              <MatterHead category={item.category} status={item.status} date={item.date} />
              <Text className='board-text'>{item.text}</Text>
              <View className='board-reply'>
                <Text className='board-reply-label'>工作室答复（{dayLabel(item.repliedAt)}）</Text>
                <Text className='board-reply-text'>{item.reply}</Text>
              </View>
              {/* 附议: signed-in residents say they have it too, while it is not yet closed; everyone sees the count */}
              {user && item.status !== 'resolved' ? (
                <SecondButton submissionId={item.id} seconds={item.seconds ?? 0} />
              ) : item.seconds ? (
                <Text className='second-count board-seconds'>{secondsLine(item.seconds)}</Text>
              ) : null}
            </View>
          ))}
          <LoadMore shown={state.data} setData={setData} loadNext={(cursor) => getBoard(studioId, cursor)} merge={(shown, next) => ({ ...shown, items: [...shown.items, ...next.items] })} label='更早的答复' />
          <Button className='btn btn--primary board-submit' onClick={() => openPage(submitPageUrl(studioId))}>我也要提意见建议</Button>
        </View>
      ) : null}
    </Page>
  )
}
