import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { postWishOnBehalfRequest, type WishStep, type WishView } from '@shared/schemas/wishes'
import { parseWith } from '@shared/validation'
import { confirmWish, listWishesOnBehalf, postWishOnBehalf, withdrawWish } from '../../../services/api'
import { errorMessage, isApiError, outcomeUnknown } from '../../../services/request'
import { newRequestId } from '../../../services/request-id'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { WishCard } from '../../../components/wish-card'
import { BusyButton } from '../../../components/ui/busy-button'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { isStaffUser, NoStaffAccess } from '../../staff-access'
import '../../styles.css'

interface Typed {
  wisherName: string
  wisherPhone: string
  title: string
  details: string
}
const EMPTY: Typed = { wisherName: '', wisherPhone: '', title: '', details: '' }

/** 代填心愿: staff type a resident's wish (their name, a phone to reach them), and later confirm or withdraw it for them. */
export default function WishOnBehalfPage() {
  const [user] = useSessionUser()
  const allowed = isStaffUser(user)
  const studioId = allowed ? user.studioId : ''
  const [typed, setTyped] = useState<Typed>(EMPTY)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  /** The retry key of a post whose answer was lost: 提交 again gets the wish it made, never a second one. */
  const pendingKey = useRef<string>()
  const { state, retry, reload } = usePageData(() => listWishesOnBehalf(studioId), [studioId], { enabled: allowed, reloadOnShow: true })
  if (!allowed) return <NoStaffAccess user={user} />

  const change = (patch: Partial<Typed>) => setTyped({ ...typed, ...patch })
  const submit = async () => {
    const requestId = pendingKey.current ?? newRequestId()
    const body = { requestId, wisherName: typed.wisherName, title: typed.title, ...(typed.wisherPhone.trim() ? { wisherPhone: typed.wisherPhone } : {}), ...(typed.details.trim() ? { details: typed.details } : {}) }
    const parsed = parseWith(postWishOnBehalfRequest, body)
    if (!parsed.ok) {
      setFields(parsed.fields)
      Taro.showToast({ title: '请按红字提示修改', icon: 'none' })
      return
    }
    pendingKey.current = requestId
    setBusy(true)
    try {
      await postWishOnBehalf(studioId, parsed.value)
      pendingKey.current = undefined
      setTyped(EMPTY)
      setFields({})
      Taro.showToast({ title: '已代填，等党代表审核', icon: 'none', duration: 3000 })
      await reload()
    } catch (error) {
      if (!outcomeUnknown(error)) pendingKey.current = undefined
      if (isApiError(error) && error.fields) setFields(error.fields)
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  const act = async (wish: WishView, step: WishStep) => {
    const confirmIt = step === 'confirm'
    const { confirm } = await Taro.showModal({ title: confirmIt ? `${wish.wisherName}的心愿实现了吗？` : '替心愿人撤回？', content: confirmIt ? '确认后，认领的志愿者会得到幸福币。' : '撤回后不再显示在心愿墙上。', confirmText: '确定', cancelText: '再想想' })
    if (!confirm) return
    try {
      await (confirmIt ? confirmWish : withdrawWish)(studioId, wish.id)
      Taro.showToast({ title: confirmIt ? '已确认圆梦' : '已撤回', icon: 'none' })
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    }
    await reload()
  }

  return (
    <Page className='staff-page wish-on-behalf-page'>
      <View className='card wish-on-behalf-form'>
        <Text className='card-title'>代居民许心愿</Text>
        <Field label='心愿人姓名' error={fields.wisherName} errorClass='wisher-name-error'>
          <Input className='text-input text-input--plain wisher-name-input' value={typed.wisherName} maxlength={20} placeholder='例如：刘桂英' placeholderClass='input-placeholder' onInput={(e) => change({ wisherName: e.detail.value })} />
        </Field>
        <Field label='联系电话（可不填）' hint='只给工作室看，用来联系心愿人' error={fields.wisherPhone} errorClass='wisher-phone-error'>
          <Input className='text-input text-input--plain wisher-phone-input' type='number' value={typed.wisherPhone} maxlength={11} placeholder='11 位手机号' placeholderClass='input-placeholder' onInput={(e) => change({ wisherPhone: e.detail.value })} />
        </Field>
        <Field label='心愿（一句话）' error={fields.title} errorClass='wish-title-error'>
          <Input className='text-input text-input--plain wish-title-input' value={typed.title} maxlength={30} placeholder='例如：想有人陪着去趟医院' placeholderClass='input-placeholder' onInput={(e) => change({ title: e.detail.value })} />
        </Field>
        <Field label='说详细些（可不填）' error={fields.details} errorClass='wish-details-error'>
          <Input className='text-input text-input--plain wish-details-input' value={typed.details} maxlength={300} placeholder='例如：周三上午，去镇卫生院' placeholderClass='input-placeholder' onInput={(e) => change({ details: e.detail.value })} />
        </Field>
        <BusyButton label='提交' busyLabel='正在提交…' busy={busy} className='btn--primary btn--huge wish-on-behalf-submit' onClick={() => void submit()} />
      </View>
      <Text className='section-title'>代填的心愿</Text>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <View>
          {state.data.wishes.length === 0 ? <Text className='plain-line wishes-none'>还没有代填的心愿。</Text> : null}
          {state.data.wishes.map((w) => (
            <WishCard key={w.id} wish={w}>
              {w.can.includes('confirm') ? <Button className='btn btn--primary wish-act--confirm' onClick={() => void act(w, 'confirm')}>替心愿人确认圆梦</Button> : null}
              {w.can.includes('withdraw') ? <Button className='btn btn--secondary wish-act--withdraw' onClick={() => void act(w, 'withdraw')}>替心愿人撤回</Button> : null}
            </WishCard>
          ))}
        </View>
      ) : null}
    </Page>
  )
}
