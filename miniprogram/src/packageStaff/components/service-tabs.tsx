import { Text, View } from '@tarojs/components'
import type { StandQueueResponse } from '@shared/schemas/booking'

interface ServiceTabsProps {
  services: StandQueueResponse['services']
  /** The service shown below the tabs. */
  currentId: string | undefined
  onSelect: (serviceId: string) => void
}

/** One tab per service of the stand, with how many are waiting; nothing when the stand has no services. */
export function ServiceTabs({ services, currentId, onSelect }: ServiceTabsProps) {
  if (services.length === 0) return null
  return (
    <View className='service-tabs' role='tablist'>
      {services.map((s) => {
        const on = currentId === s.serviceId
        const count = s.queue.filter((e) => e.status === 'checked_in').length
        return (
          <View
            key={s.serviceId}
            className={`service-tab${on ? ' service-tab--on' : ''}`}
            role='tab'
            aria-selected={on}
            onClick={() => onSelect(s.serviceId)}
          >
            <Text className='service-tab-name'>{s.name}</Text>
            <Text className='service-tab-count'>等 {count} 人</Text>
          </View>
        )
      })}
    </View>
  )
}
