import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { cancelConsultationRequest, publishResultRequest, recordConsultationRequest, type ConsultationInviteesView, type ConsultationView } from '@shared/schemas/consultations'
import type { ZodTypeAny } from 'zod'
import { cancelConsultation, getConsultation, listConsultationInvitees, publishConsultationResult, recordConsultation } from '../../../services/api'
import { useFormSend } from '../../../services/use-form-send'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { decodeParam } from '../../../services/navigation'
import { ConsultationCard } from '../../../components/consultation-card'
import { PageState } from '../../../components/page-state'
import { BusyButton } from '../../../components/ui/busy-button'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { isRepUser, NoRepAccess } from '../../rep-access'
import '../../styles.css'

type Typed = Record<'attendance' | 'attendeeNames' | 'minutes' | 'decision' | 'result' | 'reason', string>
const EMPTY: Typed = { attendance: '', attendeeNames: '', minutes: '', decision: '', result: '', reason: '' }

/**
 * One 议事协商 for its representatives: who is invited; once held, 记录会议 (attendance, minutes, the decision — published
 * on the board); later 公示落实结果; or 取消 while it is to come. What was typed stays when a step fails.
 */
export default function RepConsultationPage() {
  const { params } = useRouter()
  const [user] = useSessionUser()
  const allowed = isRepUser(user)
  const studioId = allowed ? user.studioId : ''
  const id = decodeParam(params.id) ?? ''
  const [typed, setTyped] = useState<Typed>(EMPTY)
  const { fields, busy, send } = useFormSend()
  const { state, retry, setData } = usePageData<{ c: ConsultationView; invitees: ConsultationInviteesView }>(
    async () => {
      const [c, invitees] = await Promise.all([getConsultation(studioId, id), listConsultationInvitees(studioId, id)])
      return { c, invitees }
    },
    [studioId, id],
    { enabled: allowed && !!id },
  )
  if (!allowed) return <NoRepAccess user={user} />

  const change = (patch: Partial<Typed>) => setTyped((t) => ({ ...t, ...patch }))
  const step = <S extends ZodTypeAny>(name: string, schema: S, body: unknown, request: (value: S['_output']) => Promise<ConsultationView>, done: string) =>
    state.status === 'ready'
      ? send(name, schema, body, request, (c) => {
          setData({ ...state.data, c })
          Taro.showToast({ title: done, icon: 'none', duration: 3000 })
        })
      : undefined
  const record = () =>
    step('record', recordConsultationRequest, { attendance: typed.attendance.trim() ? Number(typed.attendance) : undefined, minutes: typed.minutes, decision: typed.decision, ...(typed.attendeeNames.trim() ? { attendeeNames: typed.attendeeNames } : {}) }, (v) => recordConsultation(studioId, id, v), '已记录，协商决定已公示')
  const publish = () => step('result', publishResultRequest, { result: typed.result }, (v) => publishConsultationResult(studioId, id, v), '落实结果已公示')
  const cancel = () => step('cancel', cancelConsultationRequest, { reason: typed.reason }, (v) => cancelConsultation(studioId, id, v), '已取消这次议事协商')

  const text = (name: keyof Typed, placeholder: string, maxlength: number) => (
    <Input className={`text-input text-input--plain consultation-${name}-input`} value={typed[name]} maxlength={maxlength} placeholder={placeholder} placeholderClass='input-placeholder' onInput={(e) => change({ [name]: e.detail.value })} />
  )
  const area = (name: keyof Typed, placeholder: string, maxlength: number) => (
    <Textarea className={`textarea-input consultation-${name}-input`} value={typed[name]} maxlength={maxlength} placeholder={placeholder} placeholderClass='input-placeholder' onInput={(e) => change({ [name]: e.detail.value })} />
  )
  const data = state.status === 'ready' ? state.data : undefined
  return (
    <Page className='rep-page rep-consultation-page'>
      <PageState state={state} onRetry={retry} />
      {data ? (
        <View>
          <ConsultationCard c={data.c}>
            {data.c.minutes ? <Text className='plain-line consultation-minutes'>会议纪要（到会 {data.c.attendance} 人{data.c.attendeeNames ? `：${data.c.attendeeNames}` : ''}）：{data.c.minutes}</Text> : null}
          </ConsultationCard>
          <View className='card consultation-invitees'>
            <Text className='card-title'>邀请名单</Text>
            <Text className='plain-line'>居民：{data.invitees.residents.map((r) => `${r.name}${r.why === 'seconded' ? '（附议）' : ''}`).join('、') || '无'}</Text>
            <Text className='plain-line'>代表：{data.invitees.representatives.map((r) => r.name).join('、') || '无'}</Text>
            {data.invitees.units ? <Text className='plain-line'>单位：{data.invitees.units}</Text> : null}
          </View>
          {data.c.status === 'planned' ? (
            <View className='card consultation-form consultation-record'>
              <Text className='card-title'>记录会议（开完会后填写）</Text>
              <Field label='到会人数' error={fields.attendance} errorClass='consultation-attendance-error'>{text('attendance', '例如：23', 4)}</Field>
              <Field label='到会人员（可不填）' error={fields.attendeeNames} errorClass='consultation-attendee-names-error'>{text('attendeeNames', '例如：居民代表、物业、城管办', 300)}</Field>
              <Field label='会议纪要' error={fields.minutes} errorClass='consultation-minutes-error'>{area('minutes', '大家说了什么，各方的意见', 2000)}</Field>
              <Field label='协商决定（会在公示墙公示）' error={fields.decision} errorClass='consultation-decision-error'>{area('decision', '例如：晚 8 点后开放广场东侧临时车位', 500)}</Field>
              <BusyButton label='保存并公示决定' busyLabel='正在保存…' busy={busy === 'record'} className='btn--primary consultation-record-submit' onClick={() => void record()} />
              <Field label='取消的原因' error={fields.reason} errorClass='consultation-reason-error'>{text('reason', '例如：下雨改期', 100)}</Field>
              <BusyButton label='取消这次议事协商' busyLabel='正在取消…' busy={busy === 'cancel'} className='btn--secondary consultation-cancel' onClick={() => void cancel()} />
            </View>
          ) : null}
          {data.c.status === 'held' ? (
            <View className='card consultation-form consultation-publish'>
              <Text className='card-title'>公示落实结果</Text>
              <Field label='落实结果' error={fields.result} errorClass='consultation-result-error'>{area('result', '例如：已划线 40 个临时车位', 500)}</Field>
              <BusyButton label='公示落实结果' busyLabel='正在公示…' busy={busy === 'result'} className='btn--primary consultation-result-submit' onClick={() => void publish()} />
            </View>
          ) : null}
        </View>
      ) : null}
    </Page>
  )
}
