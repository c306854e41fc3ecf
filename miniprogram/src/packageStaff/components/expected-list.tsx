import { Button, Text, View } from '@tarojs/components'
import type { QueueEntryView } from '@shared/schemas/booking'
import { StatusBadge } from '../../components/status-badge'
import { who } from './queue-entry-text'

interface ExpectedListProps {
  /** Booked and not (yet) here, by slot time. */
  entries: QueueEntryView[]
  /** Another action or a check-in is running. */
  disabled: boolean
  /** Checks in someone on the list by their code (e.g. they came without their phone). */
  onCheckIn: (entry: QueueEntryView) => void
}

/** 已预约未到: who is booked and not yet here, each with a 签到 button when their code is known. */
export function ExpectedList({ entries, disabled, onCheckIn }: ExpectedListProps) {
  return (
    <View className='card queue-card'>
      <Text className='queue-title'>已预约未到（{entries.length} 人）</Text>
      {entries.length > 0 ? (
        entries.map((entry) => (
          <View key={entry.id} className='queue-entry expected-entry'>
            <Text className='expected-time'>{entry.startTime}</Text>
            <View className='queue-who'>
              <Text className='queue-name'>{who(entry)}</Text>
              <View className='queue-meta'>
                {entry.status === 'no_show' ? <StatusBadge status={entry.status} className='queue-status' /> : null}
                {entry.code ? <Text className='queue-kind expected-code'>码 {entry.code}</Text> : null}
              </View>
            </View>
            {entry.code ? (
              <Button className='btn btn--secondary btn--compact expected-checkin' disabled={disabled || undefined} onClick={() => onCheckIn(entry)}>
                签到
              </Button>
            ) : null}
          </View>
        ))
      ) : (
        <Text className='plain-line queue-empty'>预约的人都到了。</Text>
      )}
    </View>
  )
}
