import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { fulfilWishRequest, type WishFiguresView, type WishStep, type WishView, type WishesPage } from '@shared/schemas/wishes'
import { parseWith } from '@shared/validation'
import { cancelWishClaim, claimWish, confirmWish, fulfilWish, getWish, getWishFigures, listMyWishClaims, listMyWishes, listWishWall, withdrawWish } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { getLastStand } from '../../../services/last-stand'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { SignInCard } from '../../../components/sign-in-card'
import { WishCard } from '../../../components/wish-card'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { Sheet } from '../../../components/ui/sheet'
import { WishForm } from './wish-form'
import './index.css'

type Tab = 'wall' | 'mine' | 'claims'
const TABS: { value: Tab; label: string }[] = [
  { value: 'wall', label: '心愿墙' },
  { value: 'mine', label: '我的心愿' },
  { value: 'claims', label: '我认领的' },
]

/** What a tap asks before it acts (the fulfil note has its own sheet). */
const ASK: Partial<Record<WishStep, { button: string; title: string; content: string; done: string }>> = {
  claim: { button: '我来认领', title: '认领这个心愿？', content: '认领后请尽快联系工作室，帮心愿人圆梦。', done: '已认领，心愿人会收到通知' },
  cancel_claim: { button: '放弃认领', title: '放弃认领？', content: '心愿会回到心愿墙，等别的志愿者认领。', done: '已放弃，心愿回到心愿墙' },
  confirm: { button: '确认圆梦', title: '心愿已经实现了吗？', content: '确认后，认领的志愿者会得到幸福币。', done: '已确认，谢谢您的反馈' },
  withdraw: { button: '撤回心愿', title: '撤回这个心愿？', content: '撤回后不再显示在心愿墙上。', done: '已撤回' },
}
const ACTS: Partial<Record<WishStep, (studioId: string, wishId: string) => Promise<WishView>>> = { claim: claimWish, cancel_claim: cancelWishClaim, confirm: confirmWish, withdraw: withdrawWish }

interface Shown {
  page: WishesPage
  figures?: WishFiguresView
  focus?: WishView
}

function Figures({ figures }: { figures: WishFiguresView }) {
  return (
    <View className='card wish-figures' aria-label='本月微心愿'>
      <Text className='plain-line wish-figures-line'>本月：发布 {figures.posted} 个 · 认领 {figures.claimed} 个 · 圆梦 {figures.confirmed} 个</Text>
      {figures.helpers.length ? <Text className='plain-line wish-helpers'>助人榜：{figures.helpers.map((h) => `${h.name} ${h.confirmed} 个`).join('，')}</Text> : null}
    </View>
  )
}

/**
 * 微心愿: the 心愿墙 (anyone, no names), 我的心愿 with 许个心愿 and 确认圆梦, 我认领的 for volunteers; each card shows only
 * the buttons the API says the caller may use (认领, 放弃认领, 标记完成, 确认圆梦, 撤回). A notice's tap opens the wish first.
 */
export default function WishesPage() {
  const { params } = useRouter()
  const studioId = (typeof params.studioId === 'string' && params.studioId) || getLastStand()?.studioId || ''
  const focusId = typeof params.wish === 'string' ? params.wish : ''
  const [user] = useSessionUser()
  const [tab, setTab] = useState<Tab>('wall')
  const [more, setMore] = useState<{ wishes: WishView[]; cursor?: string } | null>(null)
  const [fulfilling, setFulfilling] = useState<WishView | null>(null)
  const [note, setNote] = useState('')
  const [noteError, setNoteError] = useState<string>()
  const { state, retry, reload } = usePageData<Shown>(
    async () => {
      const focus = focusId && user ? await getWish(studioId, focusId).catch(() => undefined) : undefined
      if (tab === 'wall') {
        const [page, figures] = await Promise.all([listWishWall(studioId), getWishFigures(studioId)])
        return { page, figures, focus }
      }
      return { page: tab === 'mine' ? await listMyWishes(studioId) : await listMyWishClaims(studioId), focus }
    },
    [studioId, tab, user?.id],
    {
      enabled: !!studioId && (tab === 'wall' || !!user),
      initial: () => (studioId ? { status: 'loading' } : { status: 'error', message: '先扫一扫服务点的二维码，才知道是哪个工作室的心愿墙' }),
      reloadOnShow: true,
      pullDownRefresh: true,
      onData: () => setMore(null),
    },
  )

  const act = async (wish: WishView, step: WishStep) => {
    if (step === 'fulfil') {
      setNote('')
      setNoteError(undefined)
      setFulfilling(wish)
      return
    }
    const ask = ASK[step]
    const run = ACTS[step]
    if (!ask || !run) return
    const { confirm } = await Taro.showModal({ title: ask.title, content: ask.content, confirmText: '确定', cancelText: '再想想' })
    if (!confirm) return
    try {
      await run(studioId, wish.id)
      Taro.showToast({ title: ask.done, icon: 'none', duration: 3000 })
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    }
    await reload()
  }

  const sendFulfil = async () => {
    const wish = fulfilling
    if (!wish) return
    const parsed = parseWith(fulfilWishRequest, { note })
    if (!parsed.ok) {
      setNoteError(parsed.fields.note)
      return
    }
    try {
      await fulfilWish(studioId, wish.id, parsed.value.note)
      setFulfilling(null)
      Taro.showToast({ title: '已标记完成，等心愿人确认', icon: 'none', duration: 3000 })
      await reload()
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    }
  }

  const loadMore = async (cursor: string) => {
    try {
      const page = tab === 'wall' ? await listWishWall(studioId, cursor) : tab === 'mine' ? await listMyWishes(studioId, cursor) : await listMyWishClaims(studioId, cursor)
      setMore((known) => ({ wishes: [...(known?.wishes ?? []), ...page.wishes], cursor: page.nextCursor }))
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    }
  }

  const card = (wish: WishView) => (
    <WishCard key={wish.id} wish={wish}>
      {wish.can.filter((step) => step !== 'approve' && step !== 'refuse').map((step) => (
        <Button key={step} className={`btn ${step === 'claim' || step === 'confirm' || step === 'fulfil' ? 'btn--primary' : 'btn--secondary'} wish-act wish-act--${step}`} onClick={() => void act(wish, step)}>
          {step === 'fulfil' ? '标记完成' : ASK[step]?.button}
        </Button>
      ))}
    </WishCard>
  )

  const data = state.status === 'ready' ? state.data : undefined
  const wishes = data ? [...data.page.wishes, ...(more?.wishes ?? [])] : []
  const cursor = more ? more.cursor : data?.page.nextCursor
  return (
    <Page className='wishes-page'>
      <ChipGroup label='看哪些心愿' kind='radio' chipClass='wish-tab' options={TABS} isOn={(t) => t === tab} onTap={setTab} />
      {tab !== 'wall' && !user ? <SignInCard why='登录后可以许心愿、看自己的心愿和认领的心愿。' /> : null}
      {tab === 'mine' && user && studioId ? <WishForm studioId={studioId} onPosted={() => void reload()} /> : null}
      {tab !== 'wall' && !user ? null : <PageState state={state} onRetry={studioId ? retry : undefined} />}
      {data?.focus ? (
        <View>
          <Text className='section-title'>这个心愿</Text>
          {card(data.focus)}
        </View>
      ) : null}
      {data?.figures ? <Figures figures={data.figures} /> : null}
      {data ? (
        <View className='wish-list'>
          {wishes.length === 0 ? <Text className='plain-line wishes-none'>{tab === 'wall' ? '心愿墙上还没有心愿。' : tab === 'mine' ? '您还没有许过心愿。' : '您还没有认领心愿。审核通过的志愿者可以在心愿墙上认领。'}</Text> : null}
          {wishes.map(card)}
        </View>
      ) : null}
      {data && cursor ? (
        <Button className='btn btn--secondary load-more' onClick={() => void loadMore(cursor)}>
          加载更多
        </Button>
      ) : null}
      {fulfilling ? (
        <Sheet title='标记完成' className='fulfil-sheet'>
          <Field label='是怎么完成的' hint='心愿人会看到，确认后您会得到幸福币' error={noteError} errorClass='fulfil-note-error'>
            <Input className='text-input text-input--plain fulfil-note' value={note} maxlength={200} placeholder='例如：送去了一根四脚拐杖' placeholderClass='input-placeholder' onInput={(e) => setNote(e.detail.value)} />
          </Field>
          <Button className='btn btn--primary fulfil-send' onClick={() => void sendFulfil()}>确定完成</Button>
          <Button className='btn btn--secondary fulfil-cancel' onClick={() => setFulfilling(null)}>取消</Button>
        </Sheet>
      ) : null}
    </Page>
  )
}
