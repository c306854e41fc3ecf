import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { createCoordinationRequest } from '@shared/schemas/coordination'
import { chinaDate } from '@shared/time'
import { createCoordination, listTownStudios, listUnits } from '../../../services/api'
import { useFormSend } from '../../../services/use-form-send'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { TOWN_COORDINATION_PAGE } from '../../../services/platform'
import { PageState } from '../../../components/page-state'
import { AccessGate } from '../../../components/ui/access-gate'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { agendaOf, MeetingFields, type MeetingTyped } from '../../../components/meeting-fields'
import { Page } from '../../../components/ui/page'
import { townOf } from '../../coordination-card'
import '../../styles.css'

interface Typed extends MeetingTyped {
  studioIds: string[]
  /** The units left out (every active unit is invited unless taken off). */
  unitsOff: string[]
}

/**
 * 召开协调会 (town admins): what, when and where, the agenda (one item a line); the active member units — all of them
 * unless some are taken off — are invited and their liaisons told; the admins of the studios picked too. What was typed stays when the network drops, and 召开
 * again sends the same retry key.
 */
export default function NewCoordinationPage() {
  const [user] = useSessionUser()
  const town = townOf(user)
  const townId = town?.admin ? town.townId : ''
  const [typed, setTyped] = useState<Typed>(() => ({ topic: '', date: chinaDate(new Date()), time: '14:30', place: '', agenda: '', studioIds: [], unitsOff: [] }))
  const { fields, busy, send, retryKey } = useFormSend()
  const { state, retry } = usePageData(() => listTownStudios(townId), [townId], { enabled: Boolean(townId) })
  const units = usePageData(async () => (await listUnits(townId)).units.filter((u) => u.active), [townId], { enabled: Boolean(townId) })
  if (!townId) return <AccessGate user={user} pageClass='coordination-new-page' gateClass='no-town-access' refusal='只有镇街管理员可以召开协调会。' />

  const change = (patch: Partial<Typed>) => setTyped((t) => ({ ...t, ...patch }))
  const toggle = (id: string) => change({ studioIds: typed.studioIds.includes(id) ? typed.studioIds.filter((s) => s !== id) : [...typed.studioIds, id] })
  const toggleUnit = (id: string) => change({ unitsOff: typed.unitsOff.includes(id) ? typed.unitsOff.filter((u) => u !== id) : [...typed.unitsOff, id] })
  const submit = () => {
    const requestId = retryKey()
    // all the active units: nothing is sent (the server invites every active unit); some taken off: the ones left, or none (refused, named)
    const unitIds = typed.unitsOff.length && units.state.status === 'ready' ? { unitIds: units.state.data.map((u) => u.id).filter((id) => !typed.unitsOff.includes(id)) } : {}
    const body = { requestId, topic: typed.topic, date: typed.date, time: typed.time, place: typed.place, agenda: agendaOf(typed.agenda), ...unitIds, ...(typed.studioIds.length ? { studioIds: typed.studioIds } : {}) }
    return send('create', createCoordinationRequest, body, (value) => createCoordination(townId, value), async (c) => {
      Taro.showToast({ title: '已召开，已通知各成员单位联络员', icon: 'none', duration: 3000 })
      await Taro.redirectTo({ url: `${TOWN_COORDINATION_PAGE}?townId=${encodeURIComponent(townId)}&id=${encodeURIComponent(c.id)}` })
    }, requestId)
  }

  return (
    <Page className='coordination-new-page'>
      <View className='card coordination-form'>
        <MeetingFields prefix='coordination' typed={typed} fields={fields} change={change} examples={{ topic: '十二月成员单位联席会', time: '14:30', place: '镇党群服务中心会议室', agenda: '通报本月双向服务项目\n研究冬季义诊安排' }} />
        <Field label='邀请的成员单位（默认全部，点一下可去掉）' error={fields.unitIds} errorClass='coordination-units-error'>
          <PageState state={units.state} onRetry={units.retry} />
          {units.state.status === 'ready' ? (
            <ChipGroup label='邀请的成员单位' kind='checkbox' chipClass='coordination-unit-pick' options={units.state.data.map((u) => ({ value: u.id, label: u.name }))} isOn={(id) => !typed.unitsOff.includes(id)} onTap={toggleUnit} />
          ) : null}
          <Text className='field-hint coordination-units-hint'>受邀单位的联络员会收到通知。</Text>
        </Field>
        <Field label='同时邀请的工作室（可不选，其管理员会收到通知）' error={fields.studioIds} errorClass='coordination-studios-error'>
          <PageState state={state} onRetry={retry} />
          {state.status === 'ready' && state.data.studios.length ? (
            <ChipGroup label='同时邀请的工作室' kind='checkbox' chipClass='coordination-studio-pick' options={state.data.studios.map((s) => ({ value: s.id, label: s.name }))} isOn={(id) => typed.studioIds.includes(id)} onTap={toggle} />
          ) : null}
        </Field>
        <BusyButton label='召开协调会' busyLabel='正在发出通知…' busy={busy === 'create'} className='btn--primary btn--huge coordination-create' onClick={() => void submit()} />
      </View>
    </Page>
  )
}
