import { Text, View } from '@tarojs/components'
import type { SubmissionEventView } from '@shared/schemas/submission'
import { chinaDateTime } from '../services/submissions'

/** The steps of a submission, oldest first: what happened, when (China time), by whom (the studio). */
export function SubmissionTimeline({ events }: { events: SubmissionEventView[] }) {
  return (
    <View className='timeline'>
      {events.map((event, index) => (
        <View key={`${event.at}-${index}`} className={`timeline-step${index === events.length - 1 ? ' timeline-step--last' : ''}`}>
          <View className='timeline-dot' />
          <View className='timeline-body'>
            <Text className='timeline-kind'>{event.kind}</Text>
            <Text className='timeline-meta'>{chinaDateTime(event.at)} · {event.by}</Text>
            {event.text ? <Text className='timeline-text'>{event.text}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  )
}
