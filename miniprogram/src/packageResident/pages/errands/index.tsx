import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { cancelErrandRequest, confirmErrandRequest, ERRAND_FOR_WHOM, ERRAND_URGENCY_LABELS, placeErrandRequest, type ErrandKindView, type ErrandView } from '@shared/schemas/errands'
import { parseWith } from '@shared/validation'
import { cancelErrand, confirmErrand, listErrandKinds, listMyErrands, placeErrand } from '../../../services/api'
import { errorMessage, isApiError, outcomeUnknown } from '../../../services/request'
import { newRequestId } from '../../../services/request-id'
import { openPage } from '../../../services/navigation'
import { ERRAND_TASKS_PAGE } from '../../../services/platform'
import { askFor } from '../../../services/subscribe'
import { revealFirstError } from '../../../services/reveal-error'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { ErrandSummary } from '../../errand-summary'
import { studioIdOf, studioPageGate } from '../../studio-page'

interface Draft {
  kindId: string
  personName: string
  forWhom: string
  urgency?: number
  when: string
  address: string
  phone: string
  note: string
}

const EMPTY: Draft = { kindId: '', personName: '', forWhom: '', when: '', address: '', phone: '', note: '' }

/**
 * 点单 (or, for staff, 代下单 with the person's name): the kind, for whom, how urgent, when, the address and phone
 * (only the volunteer who takes it sees them). What was typed stays when the network drops, with the same retry key.
 */
function OrderForm({ studioId, kinds, onBehalf, onPlaced }: { studioId: string; kinds: ErrandKindView[]; onBehalf: boolean; onPlaced: (e: ErrandView) => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const requestId = useRef(newRequestId())
  const change = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch })
  const kind = kinds.find((k) => k.id === draft.kindId)

  const submit = async () => {
    if (busy) return
    const body = { requestId: requestId.current, kindId: draft.kindId, onBehalf, ...(onBehalf || draft.personName.trim() ? { personName: draft.personName } : {}), forWhom: draft.forWhom, urgency: draft.urgency, when: draft.when, address: draft.address, phone: draft.phone, ...(draft.note.trim() ? { note: draft.note } : {}) }
    const parsed = parseWith(placeErrandRequest, body)
    if (!parsed.ok) {
      setFields(parsed.fields)
      Taro.showToast({ title: '请按红字提示修改', icon: 'none' })
      revealFirstError()
      return
    }
    setBusy(true)
    try {
      if (!onBehalf) await askFor('errand')
      const placed = await placeErrand(studioId, parsed.value)
      setFields({})
      setDraft(EMPTY)
      requestId.current = newRequestId()
      Taro.showToast({ title: '已下单，等工作室审核', icon: 'none' })
      onPlaced(placed)
    } catch (error) {
      // a dropped answer keeps the retry key: 下单 again cannot order twice
      if (!outcomeUnknown(error)) requestId.current = newRequestId()
      if (isApiError(error) && error.fields) setFields(error.fields)
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card errand-form'>
      <Text className='card-title'>{onBehalf ? '代下单（为没有手机的居民）' : '我要点单'}</Text>
      <Field label='要办什么' error={fields.kindId} errorClass='kind-error'>
        <ChipGroup label='要办什么' kind='radio' columns={2} chipClass='errand-kind-chip' options={kinds.map((k) => ({ value: k.id, label: k.name }))} isOn={(id) => id === draft.kindId} onTap={(kindId) => change({ kindId })} />
      </Field>
      {kind ? <Text className='plain-line errand-kind-description'>{kind.description}</Text> : null}
      {onBehalf ? (
        <Field label='服务对象的姓名' error={fields.personName} errorClass='person-error'>
          <Input className='text-input text-input--plain person-input' value={draft.personName} maxlength={20} placeholder='例如：王奶奶' placeholderClass='input-placeholder' onInput={(e) => change({ personName: e.detail.value })} />
        </Field>
      ) : null}
      <Field label='为谁办' error={fields.forWhom} errorClass='for-whom-error'>
        <ChipGroup label='为谁办' kind='radio' columns={2} chipClass='for-whom-chip' options={ERRAND_FOR_WHOM.map((w) => ({ value: w, label: w }))} isOn={(w) => w === draft.forWhom} onTap={(forWhom) => change({ forWhom })} />
      </Field>
      <Field label='紧急程度' error={fields.urgency} errorClass='urgency-error'>
        <ChipGroup label='紧急程度' kind='radio' columns={2} chipClass='urgency-chip' options={[1, 2, 3, 4].map((u) => ({ value: u, label: ERRAND_URGENCY_LABELS[u]! }))} isOn={(u) => u === draft.urgency} onTap={(urgency) => change({ urgency })} />
      </Field>
      <Field label='希望什么时候' error={fields.when} errorClass='when-error'>
        <Input className='text-input text-input--plain when-input' value={draft.when} maxlength={40} placeholder='例如：明天上午' placeholderClass='input-placeholder' onInput={(e) => change({ when: e.detail.value })} />
      </Field>
      <Field label='详细地址' hint='只有接单的志愿者能看到' error={fields.address} errorClass='address-error'>
        <Input className='text-input text-input--plain address-input' value={draft.address} maxlength={80} placeholder='例如：光荣院落3栋2号' placeholderClass='input-placeholder' onInput={(e) => change({ address: e.detail.value })} />
      </Field>
      <Field label='联系电话' hint='只有接单的志愿者能看到' error={fields.phone} errorClass='phone-error'>
        <Input className='text-input text-input--plain phone-input' type='number' value={draft.phone} maxlength={11} placeholder='11 位手机号' placeholderClass='input-placeholder' onInput={(e) => change({ phone: e.detail.value })} />
      </Field>
      <Field label='备注（可以不填）' error={fields.note} errorClass='note-error'>
        <Textarea className='text-input text-input--plain note-input' value={draft.note} maxlength={200} placeholder='例如：降压药两盒' placeholderClass='input-placeholder' onInput={(e) => change({ note: e.detail.value })} />
      </Field>
      <BusyButton label={onBehalf ? '代下单' : '下单'} busyLabel='正在下单…' busy={busy} className='btn--primary btn--huge errand-submit' onClick={() => void submit()} />
    </View>
  )
}

/** 确认完成 with a rating, or 取消 with a reason — what the resident may do now. */
function MyOrder({ studioId, errand, onChanged }: { studioId: string; errand: ErrandView; onChanged: (e: ErrandView) => void }) {
  const [mode, setMode] = useState<'confirm' | 'cancel' | null>(null)
  const [rating, setRating] = useState<number | undefined>()
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const send = async () => {
    const parsed = mode === 'confirm' ? parseWith(confirmErrandRequest, { rating, ...(text.trim() ? { comment: text } : {}) }) : parseWith(cancelErrandRequest, { reason: text })
    if (!parsed.ok) {
      setError(Object.values(parsed.fields)[0])
      return
    }
    setBusy(true)
    try {
      const next = mode === 'confirm' ? await confirmErrand(studioId, errand.id, parsed.value as { rating: number; comment?: string }) : await cancelErrand(studioId, errand.id, (parsed.value as { reason: string }).reason)
      Taro.showToast({ title: mode === 'confirm' ? '已确认，谢谢评价' : '已取消', icon: 'none' })
      setMode(null)
      setText('')
      setError(undefined)
      onChanged(next)
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  return (
    <ErrandSummary errand={errand}>
      {mode ? (
        <View className='errand-actions'>
          {mode === 'confirm' ? (
            <Field label='给这次服务打分' error={error} errorClass='rating-error'>
              <ChipGroup label='打分' kind='radio' columns={5} chipClass='rating-chip' options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: `${n} 分` }))} isOn={(n) => n === rating} onTap={setRating} />
            </Field>
          ) : null}
          <Field label={mode === 'confirm' ? '说几句（可以不填）' : '取消的原因'} error={mode === 'cancel' ? error : undefined} errorClass='cancel-reason-error'>
            <Input className='text-input text-input--plain errand-text' value={text} maxlength={mode === 'confirm' ? 200 : 100} placeholder={mode === 'confirm' ? '例如：送得很及时' : '例如：家人已经买了'} placeholderClass='input-placeholder' onInput={(e) => setText(e.detail.value)} />
          </Field>
          <BusyButton label={mode === 'confirm' ? '确认完成' : '确定取消'} busyLabel='正在提交…' busy={busy} className={`btn--primary errand-send errand-send--${mode}`} onClick={() => void send()} />
          <Button className='btn btn--secondary errand-back' onClick={() => setMode(null)}>返回</Button>
        </View>
      ) : (
        <View className='errand-actions'>
          {errand.actions.includes('confirm') ? <Button className='btn btn--primary errand-confirm' onClick={() => setMode('confirm')}>确认完成并评价</Button> : null}
          {errand.actions.includes('cancel') ? <Button className='btn btn--secondary errand-cancel' onClick={() => setMode('cancel')}>取消这单</Button> : null}
        </View>
      )}
    </ErrandSummary>
  )
}

/** 代办服务: the studio's catalogue, the order form, my orders (confirm and rate, cancel); a link for volunteers. */
export default function ErrandsPage() {
  const { params } = useRouter()
  const studioId = studioIdOf(params)
  const onBehalf = params.onBehalf === '1'
  const [user] = useSessionUser()
  const { state, retry, setData } = usePageData(
    async () => {
      const [kinds, mine] = await Promise.all([listErrandKinds(studioId), onBehalf ? Promise.resolve({ errands: [] as ErrandView[] }) : listMyErrands(studioId)])
      return { kinds: kinds.kinds, mine: mine.errands }
    },
    [studioId, onBehalf],
    { enabled: !!user && !!studioId, initial: () => (studioId ? { status: 'loading' } : { status: 'error', message: '先扫一扫服务点的二维码，才知道向哪个工作室点单' }), reloadOnShow: true },
  )

  const gate = studioPageGate('errands-page', user, state, '登录后可以点代办服务。', studioId ? retry : undefined)
  if (gate || state.status !== 'ready') return gate
  const { kinds, mine } = state.data
  const replace = (e: ErrandView) => setData((d) => ({ ...d, mine: d.mine.some((x) => x.id === e.id) ? d.mine.map((x) => (x.id === e.id ? e : x)) : [e, ...d.mine] }))
  return (
    <Page className='errands-page'>
      {kinds.length ? <OrderForm studioId={studioId} kinds={kinds} onBehalf={onBehalf} onPlaced={(e) => (onBehalf ? Taro.showToast({ title: `已为${e.personName}代下单`, icon: 'none' }) : replace(e))} /> : <View className='card card--hint errands-none'><Text className='plain-line'>这个工作室还没有开通代办服务。</Text></View>}
      {!onBehalf ? (
        <View className='my-errands'>
          <Text className='section-title'>我点的单</Text>
          {mine.length ? mine.map((e) => <MyOrder key={e.id} studioId={studioId} errand={e} onChanged={replace} />) : <Text className='plain-line my-errands-empty'>还没有点过单。</Text>}
        </View>
      ) : null}
      {!onBehalf ? (
        <View className='card card--link errand-tasks-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(`${ERRAND_TASKS_PAGE}?studioId=${studioId}`)}>
          <Text className='entry-title'>我是志愿者：去接单</Text>
          <Text className='plain-line'>审核通过的志愿者在这里接单、看地址、标记已送达</Text>
          <Text className='card-action'>打开 ›</Text>
        </View>
      ) : null}
    </Page>
  )
}
