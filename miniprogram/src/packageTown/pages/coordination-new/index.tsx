import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { createCoordinationRequest } from '@shared/schemas/coordination'
import { chinaDate } from '@shared/time'
import { parseWith } from '@shared/validation'
import { createCoordination, listTownStudios } from '../../../services/api'
import { errorMessage, isApiError, outcomeUnknown } from '../../../services/request'
import { newRequestId } from '../../../services/request-id'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { TOWN_COORDINATION_PAGE } from '../../../services/platform'
import { PageState } from '../../../components/page-state'
import { AccessGate } from '../../../components/ui/access-gate'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { townOf } from '../../coordination-card'
import '../../styles.css'

interface Typed {
  topic: string
  date: string
  time: string
  place: string
  agenda: string
  studioIds: string[]
}

/**
 * 召开协调会 (town admins): what, when and where, the agenda (one item a line); every active member unit is invited
 * and its liaisons told; the admins of the studios picked too. What was typed stays when the network drops, and 召开
 * again sends the same retry key.
 */
export default function NewCoordinationPage() {
  const [user] = useSessionUser()
  const town = townOf(user)
  const townId = town?.admin ? town.townId : ''
  const [typed, setTyped] = useState<Typed>(() => ({ topic: '', date: chinaDate(new Date()), time: '14:30', place: '', agenda: '', studioIds: [] }))
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const pendingKey = useRef<string>()
  const { state, retry } = usePageData(() => listTownStudios(townId), [townId], { enabled: Boolean(townId) })
  if (!townId) return <AccessGate user={user} pageClass='coordination-new-page' gateClass='no-town-access' refusal='只有镇街管理员可以召开协调会。' />

  const change = (patch: Partial<Typed>) => setTyped((t) => ({ ...t, ...patch }))
  const toggle = (id: string) => change({ studioIds: typed.studioIds.includes(id) ? typed.studioIds.filter((s) => s !== id) : [...typed.studioIds, id] })
  const submit = async () => {
    const requestId = pendingKey.current ?? newRequestId()
    const body = { requestId, topic: typed.topic, date: typed.date, time: typed.time, place: typed.place, agenda: typed.agenda.split('\n').map((a) => a.trim()).filter(Boolean), ...(typed.studioIds.length ? { studioIds: typed.studioIds } : {}) }
    const parsed = parseWith(createCoordinationRequest, body)
    if (!parsed.ok) {
      setFields(parsed.fields)
      Taro.showToast({ title: '请按红字提示修改', icon: 'none' })
      return
    }
    pendingKey.current = requestId
    setBusy(true)
    try {
      const c = await createCoordination(townId, parsed.value)
      pendingKey.current = undefined
      setFields({})
      Taro.showToast({ title: '已召开，已通知各成员单位联络员', icon: 'none', duration: 3000 })
      await Taro.redirectTo({ url: `${TOWN_COORDINATION_PAGE}?townId=${encodeURIComponent(townId)}&id=${encodeURIComponent(c.id)}` })
    } catch (error) {
      if (!outcomeUnknown(error)) pendingKey.current = undefined
      if (isApiError(error) && error.fields) setFields(error.fields)
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  const input = (name: 'topic' | 'date' | 'time' | 'place', placeholder: string, maxlength: number) => (
    <Input className={`text-input text-input--plain coordination-${name}-input`} value={typed[name]} maxlength={maxlength} placeholder={placeholder} placeholderClass='input-placeholder' onInput={(e) => change({ [name]: e.detail.value })} />
  )
  return (
    <Page className='coordination-new-page'>
      <View className='card coordination-form'>
        <Field label='议题' error={fields.topic} errorClass='coordination-topic-error'>{input('topic', '例如：十二月成员单位联席会', 60)}</Field>
        <Field label='日期（年-月-日）' error={fields.date} errorClass='coordination-date-error'>{input('date', '例如：2026-12-10', 10)}</Field>
        <Field label='时间（时:分）' error={fields.time} errorClass='coordination-time-error'>{input('time', '例如：14:30', 5)}</Field>
        <Field label='地点' error={fields.place} errorClass='coordination-place-error'>{input('place', '例如：镇党群服务中心会议室', 60)}</Field>
        <Field label='议程（一行一项）' error={fields.agenda} errorClass='coordination-agenda-error'>
          <Textarea className='textarea-input coordination-agenda-input' value={typed.agenda} maxlength={500} placeholder={'例如：\n通报本月双向服务项目\n研究冬季义诊安排'} placeholderClass='input-placeholder' onInput={(e) => change({ agenda: e.detail.value })} />
        </Field>
        <Text className='field-hint coordination-units-hint'>本镇街在册的成员单位都会受邀，联络员会收到通知。</Text>
        <Field label='同时邀请的工作室（可不选，其管理员会收到通知）' error={fields.studioIds} errorClass='coordination-studios-error'>
          <PageState state={state} onRetry={retry} />
          {state.status === 'ready' && state.data.studios.length ? (
            <ChipGroup label='同时邀请的工作室' kind='checkbox' chipClass='coordination-studio-pick' options={state.data.studios.map((s) => ({ value: s.id, label: s.name }))} isOn={(id) => typed.studioIds.includes(id)} onTap={toggle} />
          ) : null}
        </Field>
        {fields.unitIds ? <Text className='field-error coordination-units-error'>{fields.unitIds}</Text> : null}
        <BusyButton label='召开协调会' busyLabel='正在发出通知…' busy={busy} className='btn--primary btn--huge coordination-create' onClick={() => void submit()} />
      </View>
    </Page>
  )
}
