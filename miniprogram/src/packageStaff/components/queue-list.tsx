import { Button, Text, View } from '@tarojs/components'
import { assessBloodPressure } from '@shared/readings/blood-pressure'
import type { QueueEntryView } from '@shared/schemas/booking'
import type { ReadingView } from '@shared/schemas/reading'
import { StatusBadge } from '../../components/status-badge'
import { numberText, who } from './queue-entry-text'

/** Only someone who is here (checked in, called or served) can have a reading recorded. */
const CAN_RECORD: ReadonlyArray<QueueEntryView['status']> = ['checked_in', 'called', 'served']

export interface EntryRowProps {
  entry: QueueEntryView
  onServe?: () => void
  busy?: boolean
  /** Set for a service that keeps health readings: opens the 记录血压 form. */
  onRecord?: () => void
  /** The reading recorded for this entry while this page was open. */
  recorded?: ReadingView
}

/** One place in the queue: number, name, status, and its 记录血压 / 完成 actions where they apply. */
export function EntryRow({ entry, onServe, busy, onRecord, recorded }: EntryRowProps) {
  const here = !!onRecord && CAN_RECORD.includes(entry.status)
  // a walk-in has no account, so nothing can be kept for them (the API would answer 409)
  const canRecord = here && entry.kind !== 'walk_in'
  return (
    <View className={`queue-entry queue-entry--${entry.status.replace('_', '-')}`}>
      <Text className='queue-number'>{numberText(entry)}</Text>
      <View className='queue-who'>
        <Text className='queue-name'>{who(entry)}</Text>
        <View className='queue-meta'>
          <StatusBadge status={entry.status} className='queue-status' />
          {entry.kind === 'walk_in'
            ? entry.residentName ? <Text className='queue-kind'>现场取号</Text> : null
            : <Text className='queue-kind'>{entry.startTime}</Text>}
          {entry.overrideFull ? <Text className='queue-kind queue-kind--override'>加号</Text> : null}
        </View>
        {recorded ? (
          <Text className='reading-recorded'>已记录血压 {recorded.systolic}/{recorded.diastolic}（{assessBloodPressure(recorded.systolic, recorded.diastolic).label}）</Text>
        ) : canRecord ? (
          <Button className='btn btn--secondary btn--compact record-reading' onClick={onRecord}>记录血压</Button>
        ) : here ? (
          <Text className='reading-walkin-note'>现场取号没有账号，血压读数请口头告知</Text>
        ) : null}
      </View>
      {onServe ? (
        <Button className={`btn btn--primary btn--compact serve-button${busy ? ' btn--busy' : ''}`} disabled={busy || undefined} onClick={onServe}>
          完成
        </Button>
      ) : null}
    </View>
  )
}

interface QueueListProps {
  title: string
  entries: QueueEntryView[]
  /** Added to the card's class as `queue-card--<modifier>`. */
  modifier?: 'called' | 'served'
  /** Shown when nobody is in the list; without it an empty list is not shown at all. */
  emptyText?: string
  /** The actions of each row (完成, 记录血压). */
  rowProps: (entry: QueueEntryView) => Omit<EntryRowProps, 'entry'>
}

/** A card of queue entries of one status (正在服务, 排队中, 已完成). */
export function QueueList({ title, entries, modifier, emptyText, rowProps }: QueueListProps) {
  if (entries.length === 0 && emptyText === undefined) return null
  return (
    <View className={`card queue-card${modifier ? ` queue-card--${modifier}` : ''}`}>
      <Text className='queue-title'>{title}</Text>
      {entries.length > 0 ? (
        entries.map((entry) => <EntryRow key={entry.id} entry={entry} {...rowProps(entry)} />)
      ) : (
        <Text className='plain-line queue-empty'>{emptyText}</Text>
      )}
    </View>
  )
}
