import { Text } from '@tarojs/components'
import { BOOKING_STATUS_LABELS, type BookingStatus } from '@shared/schemas/booking'

/** 已预约 / 已签到 / 已叫号 / 已完成 / 已取消 / 未到 — colour and words, never colour alone. */
export function StatusBadge({ status, className = '' }: { status: BookingStatus; className?: string }) {
  return (
    <Text className={`status-badge status-badge--${status.replace('_', '-')}${className ? ` ${className}` : ''}`}>
      {BOOKING_STATUS_LABELS[status]}
    </Text>
  )
}
