import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { createConsultationRequest } from '@shared/schemas/consultations'
import type { InboxItemView } from '@shared/schemas/submission'
import { chinaDate } from '@shared/time'
import { createConsultation, getInbox } from '../../../services/api'
import { useFormSend } from '../../../services/use-form-send'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { REP_CONSULTATION_PAGE } from '../../../services/platform'
import { PageState } from '../../../components/page-state'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { agendaOf, MeetingFields, type MeetingTyped } from '../../../components/meeting-fields'
import { Page } from '../../../components/ui/page'
import { isRepUser, NoRepAccess } from '../../rep-access'
import '../../styles.css'

interface Typed extends MeetingTyped {
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
  const { fields, busy, send, retryKey } = useFormSend()
  const { state, retry } = usePageData(() => openMatters(studioId), [studioId], { enabled: allowed })
  if (!allowed) return <NoRepAccess user={user} />

  const change = (patch: Partial<Typed>) => setTyped((t) => ({ ...t, ...patch }))
  const toggle = (id: string) => change({ submissionIds: typed.submissionIds.includes(id) ? typed.submissionIds.filter((s) => s !== id) : [...typed.submissionIds, id] })
  const submit = () => {
    const requestId = retryKey()
    const body = {
      requestId,
      topic: typed.topic,
      date: typed.date,
      time: typed.time,
      place: typed.place,
      agenda: agendaOf(typed.agenda),
      submissionIds: typed.submissionIds,
      ...(typed.invitedUnits.trim() ? { invitedUnits: typed.invitedUnits } : {}),
      ...(typed.capacity.trim() ? { capacity: Number(typed.capacity) } : {}),
    }
    return send('create', createConsultationRequest, body, (value) => createConsultation(studioId, value), async (c) => {
      Taro.showToast({ title: '已发起，已通知受邀的居民', icon: 'none', duration: 3000 })
      await Taro.redirectTo({ url: `${REP_CONSULTATION_PAGE}?id=${encodeURIComponent(c.id)}` })
    }, requestId)
  }

  const input = (name: 'invitedUnits' | 'capacity', placeholder: string, maxlength: number) => (
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
        <MeetingFields prefix='consultation' typed={typed} fields={fields} change={change} examples={{ topic: '小区夜间停车难怎么办', time: '19:00', place: '社区议事厅', agenda: '听取居民意见\n物业说明车位情况' }} />
        <Field label='邀请的单位（可不填）' hint='提出和附议这些意见的居民、本工作室的代表会自动收到邀请' error={fields.invitedUnits} errorClass='consultation-units-error'>{input('invitedUnits', '例如：城管办、物业', 100)}</Field>
        <Field label='人数上限（可不填）' error={fields.capacity} errorClass='consultation-capacity-error'>{input('capacity', '不填则不限', 3)}</Field>
        <BusyButton label='发起议事协商' busyLabel='正在发起…' busy={busy === 'create'} className='btn--primary btn--huge consultation-create' onClick={() => void submit()} />
      </View>
    </Page>
  )
}
