import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { cancelCoordinationRequest, coordinationResultRequest, recordCoordinationRequest, type CoordinationView } from '@shared/schemas/coordination'
import type { ZodTypeAny } from 'zod'
import { cancelCoordination, getCoordination, publishCoordinationResult, recordCoordination } from '../../../services/api'
import { useFormSend } from '../../../services/use-form-send'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { decodeParam } from '../../../services/navigation'
import { PageState } from '../../../components/page-state'
import { AccessGate } from '../../../components/ui/access-gate'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { CoordinationCard, townOf } from '../../coordination-card'
import '../../styles.css'

type Typed = Record<'minutes' | 'decision' | 'result' | 'reason', string> & { present: string[] }
const EMPTY: Typed = { minutes: '', decision: '', result: '', reason: '', present: [] }

/**
 * One 协调会. Everyone it concerns reads it (the town's unit liaisons, an invited studio's admin, from their notice);
 * the town admin, once it is held, 记录会议 (which units came, minutes, the decision), later 公示落实结果, or 取消 while
 * it is to come. What was typed stays when a step fails.
 */
export default function CoordinationPage() {
  const { params } = useRouter()
  const [user] = useSessionUser()
  const town = townOf(user)
  const townId = decodeParam(params.townId) ?? town?.townId ?? ''
  const id = decodeParam(params.id) ?? ''
  const admin = Boolean(town?.admin && town.townId === townId)
  const [typed, setTyped] = useState<Typed>(EMPTY)
  const { fields, busy, send } = useFormSend()
  const { state, retry, setData } = usePageData(() => getCoordination(townId, id), [townId, id], { enabled: Boolean(user && townId && id) })
  if (!user) return <AccessGate user={user} pageClass='coordination-page' gateClass='no-town-access' refusal='请先登录。' />

  const change = (patch: Partial<Typed>) => setTyped((t) => ({ ...t, ...patch }))
  const toggle = (unitId: string) => change({ present: typed.present.includes(unitId) ? typed.present.filter((u) => u !== unitId) : [...typed.present, unitId] })
  const step = <S extends ZodTypeAny>(name: string, schema: S, body: unknown, request: (value: S['_output']) => Promise<CoordinationView>, done: string) =>
    send(name, schema, body, request, (c) => {
      setData(c)
      Taro.showToast({ title: done, icon: 'none', duration: 3000 })
    })
  const record = () => step('record', recordCoordinationRequest, { presentUnitIds: typed.present, minutes: typed.minutes, decision: typed.decision }, (v) => recordCoordination(townId, id, v), '已记录会议决定')
  const publish = () => step('result', coordinationResultRequest, { result: typed.result }, (v) => publishCoordinationResult(townId, id, v), '落实结果已公示')
  const cancel = () => step('cancel', cancelCoordinationRequest, { reason: typed.reason }, (v) => cancelCoordination(townId, id, v), '已取消这次协调会')

  const area = (name: 'minutes' | 'decision' | 'result', placeholder: string, maxlength: number) => (
    <Textarea className={`textarea-input coordination-${name}-input`} value={typed[name]} maxlength={maxlength} placeholder={placeholder} placeholderClass='input-placeholder' onInput={(e) => change({ [name]: e.detail.value })} />
  )
  const c = state.status === 'ready' ? state.data : undefined
  return (
    <Page className='coordination-page'>
      <PageState state={state} onRetry={retry} />
      {c ? (
        <View>
          <CoordinationCard c={c} />
          {admin && c.status === 'planned' ? (
            <View className='card coordination-form coordination-record'>
              <Text className='card-title'>记录会议（开完会后填写）</Text>
              <Field label='到会的成员单位（点选）' error={fields.presentUnitIds} errorClass='coordination-present-error'>
                <ChipGroup label='到会的成员单位' kind='checkbox' chipClass='coordination-present-pick' options={c.units.map((u) => ({ value: u.id, label: u.name }))} isOn={(unitId) => typed.present.includes(unitId)} onTap={toggle} />
              </Field>
              <Field label='会议纪要' error={fields.minutes} errorClass='coordination-minutes-error'>{area('minutes', '各单位通报了什么，商量了什么', 2000)}</Field>
              <Field label='会议决定' error={fields.decision} errorClass='coordination-decision-error'>{area('decision', '例如：十二月起卫生院每月两次到服务点义诊', 500)}</Field>
              <BusyButton label='保存会议决定' busyLabel='正在保存…' busy={busy === 'record'} className='btn--primary coordination-record-submit' onClick={() => void record()} />
              <Field label='取消的原因' error={fields.reason} errorClass='coordination-reason-error'>
                <Input className='text-input text-input--plain coordination-reason-input' value={typed.reason} maxlength={100} placeholder='例如：与区里会议冲突，改期' placeholderClass='input-placeholder' onInput={(e) => change({ reason: e.detail.value })} />
              </Field>
              <BusyButton label='取消这次协调会' busyLabel='正在取消…' busy={busy === 'cancel'} className='btn--secondary coordination-cancel' onClick={() => void cancel()} />
            </View>
          ) : null}
          {admin && c.status === 'held' ? (
            <View className='card coordination-form coordination-publish'>
              <Text className='card-title'>公示落实结果</Text>
              <Field label='落实结果' error={fields.result} errorClass='coordination-result-error'>{area('result', '例如：十二月已开展两次义诊，服务 86 人', 500)}</Field>
              <BusyButton label='公示落实结果' busyLabel='正在公示…' busy={busy === 'result'} className='btn--primary coordination-result-submit' onClick={() => void publish()} />
            </View>
          ) : null}
        </View>
      ) : null}
    </Page>
  )
}
