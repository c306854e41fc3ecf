import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { refuseWishRequest, type WishView } from '@shared/schemas/wishes'
import { parseWith } from '@shared/validation'
import { approveWish, listWishReviewQueue, refuseWish } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { WishCard } from '../../../components/wish-card'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { isRepUser, NoRepAccess } from '../../rep-access'
import '../../styles.css'

/** A wish waiting: 通过 (it goes on the 心愿墙 without the wisher's name), or 不通过 with a reason the wisher reads. */
function ReviewCard({ wish, studioId, onDone }: { wish: WishView; studioId: string; onDone: () => void }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string>()
  const decide = async (approve: boolean) => {
    if (!approve) {
      const parsed = parseWith(refuseWishRequest, { reason })
      if (!parsed.ok) {
        setError(parsed.fields.reason)
        return
      }
    }
    try {
      if (approve) await approveWish(studioId, wish.id)
      else await refuseWish(studioId, wish.id, reason)
      Taro.showToast({ title: approve ? '已通过，心愿上墙了' : '已告知心愿人不通过', icon: 'none' })
      onDone()
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
      onDone()
    }
  }
  return (
    <WishCard wish={wish}>
      <Button className='btn btn--primary wish-approve' onClick={() => void decide(true)}>通过，上心愿墙</Button>
      <Field label='不通过的原因' error={error} errorClass='wish-refuse-error'>
        <Input className='text-input text-input--plain wish-refuse-reason' value={reason} maxlength={100} placeholder='例如：请到服务点当面说明' placeholderClass='input-placeholder' onInput={(e) => setReason(e.detail.value)} />
      </Field>
      <Button className='btn btn--secondary wish-refuse' onClick={() => void decide(false)}>不通过</Button>
    </WishCard>
  )
}

/** 心愿审核 (representatives and admins): the wishes waiting, oldest first. */
export default function WishReviewPage() {
  const [user] = useSessionUser()
  const allowed = isRepUser(user)
  const studioId = allowed ? user.studioId : ''
  const [more, setMore] = useState<{ wishes: WishView[]; cursor?: string } | null>(null)
  const { state, retry, reload } = usePageData(() => listWishReviewQueue(studioId), [studioId], { enabled: allowed, reloadOnShow: true, pullDownRefresh: true, onData: () => setMore(null) })
  if (!allowed) return <NoRepAccess user={user} />

  const loadMore = async (cursor: string) => {
    try {
      const page = await listWishReviewQueue(studioId, cursor)
      setMore((known) => ({ wishes: [...(known?.wishes ?? []), ...page.wishes], cursor: page.nextCursor }))
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    }
  }
  const data = state.status === 'ready' ? state.data : undefined
  const wishes = data ? [...data.wishes, ...(more?.wishes ?? [])] : []
  const cursor = more ? more.cursor : data?.nextCursor
  return (
    <Page className='rep-page wish-review-page'>
      <PageState state={state} onRetry={retry} />
      {data ? (
        <View>
          <Text className='section-title'>待审核的心愿</Text>
          {wishes.length === 0 ? <Text className='plain-line wishes-none'>没有等待审核的心愿。</Text> : null}
          {wishes.map((w) => <ReviewCard key={w.id} wish={w} studioId={studioId} onDone={() => void reload()} />)}
          {cursor ? <Button className='btn btn--secondary load-more' onClick={() => void loadMore(cursor)}>加载更多</Button> : null}
        </View>
      ) : null}
    </Page>
  )
}
