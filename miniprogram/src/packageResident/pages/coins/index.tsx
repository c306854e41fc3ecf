import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { COIN_ENTRY_LABELS, REDEMPTION_STATUS_LABELS, type CoinEntryView, type CoinReward, type MyCoinsView, type RedemptionView } from '@shared/schemas/coins'
import { chinaDate, chinaTime, formatChinaDate } from '@shared/time'
import { cancelRedemption, getMyCoins, openCoinCard, redeemCoins } from '../../../services/api'
import { errorMessage, outcomeUnknown } from '../../../services/request'
import { newRequestId } from '../../../services/request-id'
import { getLastStand } from '../../../services/last-stand'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { SignInCard } from '../../../components/sign-in-card'
import { BusyButton } from '../../../components/ui/busy-button'
import { Page } from '../../../components/ui/page'
import './index.css'

/** `ACDE FGHJ`: read out in two groups at the stand. */
const grouped = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ')

const when = (iso: string) => `${formatChinaDate(chinaDate(iso))} ${chinaTime(iso)}`

function CardPanel({ data, onOpened }: { data: MyCoinsView; onOpened: () => void }) {
  const [busy, setBusy] = useState(false)
  const open = async () => {
    setBusy(true)
    try {
      await openCoinCard(data.studioId)
      onOpened()
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card coin-card'>
      <Text className='coin-balance-label'>我的幸福币</Text>
      <Text className='coin-balance' aria-label={`余额 ${data.balance} 个幸福币`}>{data.balance}</Text>
      {data.cardCode ? (
        <View className='coin-card-code-box'>
          <Text className='coin-card-code-label'>幸福币卡号（给工作人员看）</Text>
          <Text className='coin-card-code' aria-label={`卡号 ${data.cardCode.split('').join(' ')}`}>{grouped(data.cardCode)}</Text>
        </View>
      ) : (
        <View>
          <Text className='plain-line'>参加邻里互助、环境整治等活动后，请工作人员按卡号为您记幸福币。</Text>
          <BusyButton label='领取幸福币卡号' busyLabel='正在领取…' busy={busy} className='btn--primary open-card' onClick={() => void open()} />
        </View>
      )}
    </View>
  )
}

function RewardRow({ reward, balance, busy, onRedeem }: { reward: CoinReward; balance: number; busy: boolean; onRedeem: (reward: CoinReward) => void }) {
  const short = reward.cost - balance
  const why = reward.stock === 0 ? '已换完' : short > 0 ? `还差 ${short} 个` : null
  return (
    <View className='reward-row'>
      <View className='reward-main'>
        <Text className='reward-name'>{reward.name}</Text>
        <Text className='reward-cost'>{reward.cost} 个幸福币 · 剩 {reward.stock}</Text>
      </View>
      {why ? (
        <Text className='reward-why'>{why}</Text>
      ) : (
        <Button className='btn btn--secondary btn--compact reward-redeem' disabled={busy || undefined} onClick={() => onRedeem(reward)}>
          兑换
        </Button>
      )}
    </View>
  )
}

function RedemptionCard({ redemption, onCancel }: { redemption: RedemptionView; onCancel: (r: RedemptionView) => void }) {
  const open = redemption.status === 'reserved'
  return (
    <View className={`card redemption${open ? ' redemption--open' : ''}`}>
      <View className='redemption-head'>
        <Text className='redemption-reward'>{redemption.rewardName}</Text>
        <Text className='redemption-status'>{REDEMPTION_STATUS_LABELS[redemption.status]}</Text>
      </View>
      {open ? (
        <View>
          <Text className='redemption-code-label'>到服务点出示兑换码领取</Text>
          <Text className='redemption-code' aria-label={`兑换码 ${redemption.code.split('').join(' ')}`}>{redemption.code}</Text>
          <Button className='btn btn--secondary btn--compact redemption-cancel' onClick={() => onCancel(redemption)}>
            不要了，退回幸福币
          </Button>
        </View>
      ) : redemption.reason ? (
        <Text className='plain-line'>原因：{redemption.reason}</Text>
      ) : null}
    </View>
  )
}

function EntryRow({ entry }: { entry: CoinEntryView }) {
  return (
    <View className='coin-entry'>
      <View className='coin-entry-main'>
        <Text className='coin-entry-what'>{COIN_ENTRY_LABELS[entry.kind]}：{entry.what}</Text>
        <Text className='coin-entry-when'>{when(entry.at)} · {entry.by}</Text>
      </View>
      <Text className={`coin-entry-amount${entry.amount > 0 ? ' coin-entry-amount--in' : ''}`}>{entry.amount > 0 ? `+${entry.amount}` : entry.amount}</Text>
    </View>
  )
}

/**
 * 我的幸福币: the balance and card, how coins are earned, what they buy (兑换 deducts at once and gives a code to show at
 * the stand), rewards waiting to be collected, and every coin in and out.
 */
export default function CoinsPage() {
  const { params } = useRouter()
  const studioId = (typeof params.studioId === 'string' && params.studioId) || getLastStand()?.studioId || ''
  const [user] = useSessionUser()
  const [more, setMore] = useState<{ entries: CoinEntryView[]; cursor?: string } | null>(null)
  const [busy, setBusy] = useState(false)
  /** One retry key per reward tapped, kept until the answer comes: a retry after a dropped answer never redeems twice. */
  const pending = useRef(new Map<string, string>())
  const { state, retry, reload } = usePageData(() => getMyCoins(studioId), [studioId], {
    enabled: !!user && !!studioId,
    initial: () => (studioId ? { status: 'loading' } : { status: 'error', message: '先扫一扫服务点的二维码，才知道是哪个工作室的幸福币' }),
    reloadOnShow: true,
    pullDownRefresh: true,
    onData: () => setMore(null),
  })

  if (!user) {
    return (
      <Page className='coins-page'>
        <SignInCard why='登录后可以看幸福币余额、明细，兑换奖品。' />
      </Page>
    )
  }

  const redeem = async (reward: CoinReward) => {
    const { confirm } = await Taro.showModal({ title: `兑换“${reward.name}”？`, content: `用 ${reward.cost} 个幸福币，马上扣除。到服务点出示兑换码领取；不要了可以退回。`, confirmText: '兑换', cancelText: '再想想' })
    if (!confirm) return
    const requestId = pending.current.get(reward.id) ?? newRequestId()
    pending.current.set(reward.id, requestId)
    setBusy(true)
    try {
      const made = await redeemCoins(studioId, { requestId, rewardId: reward.id })
      pending.current.delete(reward.id)
      Taro.showToast({ title: `已兑换，兑换码 ${made.code}`, icon: 'none', duration: 3000 })
      await reload()
    } catch (error) {
      // a dropped answer keeps the key: tapping 兑换 again asks the API what the first tap did
      if (!outcomeUnknown(error)) pending.current.delete(reward.id)
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  const cancel = async (redemption: RedemptionView) => {
    const { confirm } = await Taro.showModal({ title: '不要这个奖品了？', content: `${redemption.cost} 个幸福币会退回给您。`, confirmText: '退回', cancelText: '保留' })
    if (!confirm) return
    try {
      await cancelRedemption(studioId, redemption.code)
      Taro.showToast({ title: `已退回 ${redemption.cost} 个幸福币`, icon: 'none' })
      await reload()
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    }
  }

  const loadMore = async (cursor: string) => {
    try {
      const page = await getMyCoins(studioId, cursor)
      setMore((known) => ({ entries: [...(known?.entries ?? []), ...page.entries], cursor: page.nextCursor }))
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    }
  }

  if (state.status !== 'ready') {
    return (
      <Page className='coins-page'>
        <PageState state={state} onRetry={studioId ? retry : undefined} />
      </Page>
    )
  }

  const data = state.data
  const entries = [...data.entries, ...(more?.entries ?? [])]
  const cursor = more ? more.cursor : data.nextCursor
  const waiting = data.redemptions.filter((r) => r.status === 'reserved')
  return (
    <Page className='coins-page'>
      <CardPanel data={data} onOpened={() => void reload()} />

      {waiting.length ? <Text className='section-title'>待领取</Text> : null}
      {waiting.map((r) => <RedemptionCard key={r.code} redemption={r} onCancel={(x) => void cancel(x)} />)}

      <Text className='section-title'>能换什么</Text>
      <View className='card rewards'>
        {data.rewards.length ? data.rewards.map((r) => <RewardRow key={r.id} reward={r} balance={data.balance} busy={busy} onRedeem={(x) => void redeem(x)} />) : <Text className='plain-line'>工作室还没有设置奖品。</Text>}
      </View>

      <Text className='section-title'>怎么挣幸福币</Text>
      <View className='card rules'>
        {data.rules.map((r) => (
          <View className='rule-row' key={r.id}>
            <Text className='rule-activity'>{r.activity}</Text>
            <Text className='rule-coins'>+{r.coins}</Text>
          </View>
        ))}
        <Text className='field-hint'>活动结束后，请工作人员按您的卡号记上。</Text>
      </View>

      <Text className='section-title'>明细</Text>
      <View className='card coin-entries'>
        {entries.length ? entries.map((e) => <EntryRow key={e.id} entry={e} />) : <Text className='plain-line coin-entries-empty'>还没有幸福币的进出。</Text>}
      </View>
      {cursor ? (
        <Button className='btn btn--secondary load-more' onClick={() => void loadMore(cursor)}>
          加载更多
        </Button>
      ) : null}

      {data.redemptions.some((r) => r.status !== 'reserved') ? <Text className='section-title'>兑换记录</Text> : null}
      {data.redemptions.filter((r) => r.status !== 'reserved').map((r) => <RedemptionCard key={r.code} redemption={r} onCancel={() => undefined} />)}
    </Page>
  )
}
