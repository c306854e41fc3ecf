import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { BoardResponse } from '@shared/schemas/submission'
import { formatChinaDate, chinaDate } from '@shared/time'
import { getBoard } from '../../services/api'
import { errorMessage } from '../../services/request'
import { openPage } from '../../services/navigation'
import { HOME_PAGE } from '../../services/platform'
import { param, submitPageUrl } from '../../services/submissions'
import { SubmissionStatusBadge } from '../../components/submission-status'

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: BoardResponse }

/** A `YYYY-MM-DD` date or an instant, shown as `11月22日 周日`. */
function dayLabel(value: string): string {
  return formatChinaDate(/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : chinaDate(value))
}

export default function BoardPage() {
  const { params } = useRouter()
  const studioId = param(params.studioId)
  const [state, setState] = useState<State>(() => (studioId ? { status: 'loading' } : { status: 'error', message: '没有找到这个工作室的公示墙' }))

  const load = async () => {
    if (!studioId) return
    try {
      const data = await getBoard(studioId)
      setState({ status: 'ready', data })
      if (data.studioName) Taro.setNavigationBarTitle?.({ title: `${data.studioName} 公示墙` })?.catch?.(() => undefined)
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) })
    }
  }

  useDidShow(() => void load())
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className='page board-page'>
      {state.status === 'loading' ? <Text className='loading-text'>正在加载…</Text> : null}
      {state.status === 'error' ? (
        <View className='card error-card'>
          <Text className='error-message'>{state.message}</Text>
          {studioId ? <Button className='btn btn--primary retry-button' onClick={() => { setState({ status: 'loading' }); void load() }}>重试</Button> : null}
          <Button className='btn btn--secondary' onClick={() => Taro.switchTab({ url: HOME_PAGE })}>回到首页</Button>
        </View>
      ) : null}
      {state.status === 'ready' ? (
        <View>
          <View className='card card--hint board-intro'>
            <Text className='card-title board-studio'>{state.data.studioName}</Text>
            <Text className='plain-line'>大家反映的事和工作室的答复都在这里，不显示任何人的个人信息。</Text>
          </View>
          {state.data.items.length === 0 ? (
            <View className='card board-empty'>
              <Text className='plain-line'>还没有公开答复的意见。</Text>
            </View>
          ) : null}
          {state.data.items.map((item) => (
            <View key={item.id} className='card board-item'>
              <View className='item-head'>
                <Text className='item-category'>{item.category}</Text>
                <SubmissionStatusBadge status={item.status} />
              </View>
              <Text className='item-meta'>{dayLabel(item.date)} 反映</Text>
              <Text className='board-text'>{item.text}</Text>
              <View className='board-reply'>
                <Text className='board-reply-label'>工作室答复（{dayLabel(item.repliedAt)}）</Text>
                <Text className='board-reply-text'>{item.reply}</Text>
              </View>
            </View>
          ))}
          <Button className='btn btn--primary board-submit' onClick={() => openPage(submitPageUrl(studioId))}>我也要提意见建议</Button>
        </View>
      ) : null}
    </View>
  )
}
