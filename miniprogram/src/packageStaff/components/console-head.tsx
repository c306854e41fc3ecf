import { Text, View } from '@tarojs/components'
import type { StandQueueResponse } from '@shared/schemas/booking'
import { formatChinaDate } from '@shared/time'

interface ConsoleHeadProps {
  stand: StandQueueResponse['stand']
}

/** The stand being worked: studio, venue, date and hours, and whether it was cancelled. */
export function ConsoleHead({ stand }: ConsoleHeadProps) {
  return (
    <View className='card stand-card console-head'>
      <Text className='stand-studio-name'>{stand.studioName}</Text>
      <Text className='console-venue'>{stand.venueName}</Text>
      <Text className='plain-line'>{formatChinaDate(stand.date)} {stand.startTime}–{stand.endTime}</Text>
      {stand.status === 'cancelled' ? <Text className='field-error'>本次服务点已取消</Text> : null}
    </View>
  )
}
