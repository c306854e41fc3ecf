import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { createConsultationRequest } from '@shared/schemas/consultations'
import type { InboxItemView } from '@shared/schemas/submission'
import { chinaDate } from '@shared/time'
import { parseWith } from '@shared/validation'
import { createConsultation, getInbox } from '../../../services/api'
import { errorMessage, isApiError, outcomeUnknown } from '../../../services/request'
import { newRequestId } from '../../../services/request-id'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { REP_CONSULTATION_PAGE } from '../../../services/platform'
import { PageState } from '../../../components/page-state'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { isRepUser, NoRepAccess } from '../../rep-access'
import '../../styles.css'

interface Typed {
  topic: string
  date: string
  time: string
  place: string
  agenda: string
  invitedUnits: string
  capacity: string
  submissionIds: string[]
}

/** The matters still being handled, from the inbox's first pages (待受理, 办理中, 已答复). */
async function openMatters(studioId: string): Promise<InboxItemView[]> {
  const pages = await Promise.all((['new', 'in_progress', 'replied'] as const).map((group) => getInbox(studioId, { group })))
  return pages.flatMap((p) => p.items)
}

/**
 * 发起议事协商: pick the matters (from the inbox), say what, when and where, the agenda (one item a line) and the units
 * invited. The residents who raised and seconded them and the representatives are told. What was typed stays when the
 * network drops, and 发起 again sends the same retry key.
 */
export default function NewConsultationPage() {
  const [user] = useSessionUser()
  const allowed = isRepUser(user)
  const studioId = allowed ? user.studioId : ''
  const [typed, setTyped] = useState<Typed>(() => ({ topic: '', date: chinaDate(new Date()), time: '19:00', place: '', agenda: '', invitedUnits: '', capacity: '', submissionIds: [] }))
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  /** The retry key of an opening whose answer was lost: 发起 again gets the consultation it made, never a second one. */
  const pendingKey = useRef<string>()
  const { state, retry } = usePageData(() => openMatters(studioId), [studioId], { enabled: allowed })
  if (!allowed) return <NoRepAccess user={user} />

  const change = (patch: Partial<Typed>) => setTyped((t) => ({ ...t, ...patch }))
  const toggle = (id: string) => change({ submissionIds: typed.submissionIds.includes(id) ? typed.submissionIds.filter((s) => s !== id) : [...typed.submissionIds, id] })
  const submit = async () => {
    const requestId = pendingKey.current ?? newRequestId()
    const body = {
      requestId,
      topic: typed.topic,
      date: typed.date,
      time: typed.time,
      place: typed.place,
      agenda: typed.agenda.split('\n').map((a) => a.trim()).filter(Boolean),
      submissionIds: typed.submissionIds,
      ...(typed.invitedUnits.trim() ? { invitedUnits: typed.invitedUnits } : {}),
      ...(typed.capacity.trim() ? { capacity: Number(typed.capacity) } : {}),
    }
    const parsed = parseWith(createConsultationRequest, body)
    if (!parsed.ok) {
      setFields(parsed.fields)
      Taro.showToast({ title: '请按红字提示修改', icon: 'none' })
      return
    }
    pendingKey.current = requestId
    setBusy(true)
    try {
      const c = await createConsultation(studioId, parsed.value)
      pendingKey.current = undefined
      setFields({})
      Taro.showToast({ title: '已发起，已通知受邀的居民', icon: 'none', duration: 3000 })
      await Taro.redirectTo({ url: `${REP_CONSULTATION_PAGE}?id=${encodeURIComponent(c.id)}` })
    } catch (error) {
      if (!outcomeUnknown(error)) pendingKey.current = undefined
      if (isApiError(error) && error.fields) setFields(error.fields)
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  const input = (name: keyof Omit<Typed, 'submissionIds'>, placeholder: string, maxlength: number) => (
    <Input className={`text-input text-input--plain consultation-${name}-input`} value={typed[name]} maxlength={maxlength} placeholder={placeholder} placeholderClass='input-placeholder' onInput={(e) => change({ [name]: e.detail.value })} />
  )
  return (
    <Page className='rep-page consultation-new-page'>
      <View className='card consultation-form'>
        <Field label='协商哪些意见（可选多条）' error={fields.submissionIds} errorClass='consultation-submissions-error'>
          <PageState state={state} onRetry={retry} />
          {state.status === 'ready' ? (
            state.data.length === 0 ? (
              <Text className='plain-line'>收件箱里没有正在办理的意见。</Text>
            ) : (
              <ChipGroup label='协商哪些意见' kind='checkbox' chipClass='consultation-pick' options={state.data.map((s) => ({ value: s.id, label: `【${s.category}】${s.summary}` }))} isOn={(id) => typed.submissionIds.includes(id)} onTap={toggle} />
            )
          ) : null}
        </Field>
        <Field label='议题' error={fields.topic} errorClass='consultation-topic-error'>{input('topic', '例如：小区夜间停车难怎么办', 60)}</Field>
        <Field label='日期（年-月-日）' error={fields.date} errorClass='consultation-date-error'>{input('date', '例如：2026-12-10', 10)}</Field>
        <Field label='时间（时:分）' error={fields.time} errorClass='consultation-time-error'>{input('time', '例如：19:00', 5)}</Field>
        <Field label='地点' error={fields.place} errorClass='consultation-place-error'>{input('place', '例如：社区议事厅', 60)}</Field>
        <Field label='议程（一行一项）' error={fields.agenda} errorClass='consultation-agenda-error'>
          <Textarea className='textarea-input consultation-agenda-input' value={typed.agenda} maxlength={500} placeholder={'例如：\n听取居民意见\n物业说明车位情况'} placeholderClass='input-placeholder' onInput={(e) => change({ agenda: e.detail.value })} />
        </Field>
        <Field label='邀请的单位（可不填）' hint='提出和附议这些意见的居民、本工作室的代表会自动收到邀请' error={fields.invitedUnits} errorClass='consultation-units-error'>{input('invitedUnits', '例如：城管办、物业', 100)}</Field>
        <Field label='人数上限（可不填）' error={fields.capacity} errorClass='consultation-capacity-error'>{input('capacity', '不填则不限', 3)}</Field>
        <BusyButton label='发起议事协商' busyLabel='正在发起…' busy={busy} className='btn--primary btn--huge consultation-create' onClick={() => void submit()} />
      </View>
    </Page>
  )
}
