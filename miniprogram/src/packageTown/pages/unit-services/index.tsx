import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { UnitServiceDayView, UnitServiceEntryView } from '@shared/schemas/unit-services'
import { chinaDate, formatChinaDate } from '@shared/time'
import { listUnitServiceDays, recordEntry } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { StatusBadge } from '../../../components/status-badge'
import { AccessGate } from '../../../components/ui/access-gate'
import { BusyButton } from '../../../components/ui/busy-button'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { Sheet } from '../../../components/ui/sheet'
import '../../styles.css'

interface Recording {
  day: UnitServiceDayView
  entry: UnitServiceEntryView
}

function EntryRow({ entry, canRecord, onRecord }: { entry: UnitServiceEntryView; canRecord: boolean; onRecord: () => void }) {
  return (
    <View className='unit-entry'>
      <View className='unit-entry-head'>
        <Text className='unit-entry-name'>{entry.residentName ?? (entry.queueNumber !== undefined ? `现场 ${entry.queueNumber} 号` : '居民')}</Text>
        <StatusBadge status={entry.status} className='unit-entry-status' />
      </View>
      <Text className='plain-line unit-entry-line'>
        {entry.startTime}–{entry.endTime}
        {entry.code ? ` · 预约码 ${entry.code}` : ''}
        {entry.phone ? ` · ${entry.phone}` : ''}
      </Text>
      {entry.note ? <Text className='plain-line unit-entry-note'>记录：{entry.note}</Text> : null}
      {canRecord ? (
        <Button className='btn btn--secondary unit-entry-record' onClick={onRecord}>
          {entry.status === 'served' || entry.status === 'no_show' ? '补充记录' : '记录服务结果'}
        </Button>
      ) : null}
    </View>
  )
}

function DayCard({ day, today, onRecord }: { day: UnitServiceDayView; today: string; onRecord: (entry: UnitServiceEntryView) => void }) {
  const cancelled = day.status === 'cancelled'
  return (
    <View className={`card unit-day${cancelled ? ' unit-day--cancelled' : ''}`}>
      <Text className='entry-title unit-day-when'>
        {formatChinaDate(day.date)} {day.startTime}–{day.endTime}
      </Text>
      <Text className='plain-line unit-day-place'>
        {day.studioName} · {day.venueName}
      </Text>
      <Text className='plain-line unit-day-service'>
        {day.service.name}：预约 {day.counts.booked} 人 · 已服务 {day.counts.served} · 未到 {day.counts.noShows}
      </Text>
      {cancelled ? <Text className='plain-line unit-day-cancelled'>这次服务已取消</Text> : null}
      {day.entries.length === 0 ? <Text className='plain-line unit-day-none'>还没有人预约</Text> : null}
      {day.entries.map((entry) => (
        <EntryRow key={entry.id} entry={entry} canRecord={!cancelled && day.date <= today} onRecord={() => onRecord(entry)} />
      ))}
    </View>
  )
}

/**
 * 本单位服务: a member unit's liaison (成员单位联络员, e.g. 卫生院's) sees the market days where its services are offered in
 * the town's studios — the weeks ahead, and the last two weeks' — with who booked, and records what was done for each
 * (已服务 / 未到, with a note such as 血压 135/85，建议复查). The note typed stays while the network is down.
 */
export default function UnitServicesPage() {
  const [user] = useSessionUser()
  const isLiaison = user?.role === 'unit_liaison'
  const { state, retry, reload } = usePageData(() => listUnitServiceDays(), [user?.id], { enabled: isLiaison, reloadOnShow: true })
  const [recording, setRecording] = useState<Recording | null>(null)
  const [note, setNote] = useState('')
  const [noteError, setNoteError] = useState<string>()
  const [sending, setSending] = useState<'served' | 'no_show' | null>(null)
  if (!isLiaison) return <AccessGate user={user} pageClass='unit-services-page' gateClass='no-unit-services-access' refusal='只有成员单位联络员可以查看本单位服务' />

  const today = chinaDate(new Date())
  const open = (day: UnitServiceDayView) => (entry: UnitServiceEntryView) => {
    setRecording({ day, entry })
    setNote(entry.note ?? '')
    setNoteError(undefined)
  }
  const send = async (outcome: 'served' | 'no_show') => {
    if (!recording || sending) return
    setSending(outcome)
    try {
      await recordEntry(recording.day.standId, recording.entry.id, { outcome, ...(note.trim() ? { note: note.trim() } : {}) })
      Taro.showToast({ title: outcome === 'served' ? '已记录：已服务' : '已记录：未到', icon: 'success' })
      setRecording(null)
      setNote('')
      await reload({ quiet: true })
    } catch (error) {
      // the sheet and the note stay: try again when the network is back
      if (isApiError(error) && error.fields.note) setNoteError(error.fields.note)
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setSending(null)
    }
  }

  const data = state.status === 'ready' ? state.data : null
  return (
    <Page className='unit-services-page'>
      <PageState state={state} onRetry={retry} />
      {data ? (
        <View>
          <Text className='section-title unit-name'>{data.unit.name}</Text>
          <Text className='plain-line'>本单位在各工作室服务点提供的服务，和预约的居民。服务当天起可以记录结果。</Text>
          <Text className='section-title'>即将到来</Text>
          {data.upcoming.length === 0 ? <Text className='plain-line unit-upcoming-none'>近期没有本单位的服务安排</Text> : null}
          {data.upcoming.map((day) => (
            <DayCard key={`${day.standId}#${day.service.id}`} day={day} today={today} onRecord={open(day)} />
          ))}
          <Text className='section-title'>最近两周</Text>
          {data.recent.length === 0 ? <Text className='plain-line unit-recent-none'>最近两周没有本单位的服务</Text> : null}
          {data.recent.map((day) => (
            <DayCard key={`${day.standId}#${day.service.id}`} day={day} today={today} onRecord={open(day)} />
          ))}
        </View>
      ) : null}
      {recording ? (
        <Sheet title={`记录：${recording.entry.residentName ?? '居民'}（${recording.day.service.name}）`} className='record-sheet'>
          <Field label='记录（可以不填）' hint='例如：血压 135/85，建议复查' error={noteError} errorClass='record-note-error'>
            <Input className='text-input text-input--plain record-note' value={note} maxlength={100} placeholder='做了什么、有什么建议' placeholderClass='input-placeholder' onInput={(e) => setNote(e.detail.value)} />
          </Field>
          <BusyButton label='已服务' busyLabel='正在记录…' busy={sending === 'served'} disabled={Boolean(sending)} className='btn--primary record-served' onClick={() => void send('served')} />
          {recording.entry.status === 'booked' || recording.entry.status === 'no_show' ? (
            <BusyButton label='未到' busyLabel='正在记录…' busy={sending === 'no_show'} disabled={Boolean(sending)} className='btn--secondary record-no-show' onClick={() => void send('no_show')} />
          ) : null}
          <Button className='btn btn--secondary record-cancel' onClick={() => setRecording(null)}>
            取消
          </Button>
        </Sheet>
      ) : null}
    </Page>
  )
}
