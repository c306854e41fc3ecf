import Taro from '@tarojs/taro'
import { isWeapp } from './platform'

/**
 * WeChat sends a subscribe message (the evening-before reminder) only after the person allowed it with a tap:
 * ask right in the confirm tap, once per booking. Declining, or H5, never stops the booking.
 */
export async function askForBookingReminder(): Promise<void> {
  const templateId = process.env.TARO_APP_TEMPLATE_BOOKING_REMINDER
  if (!isWeapp() || !templateId) return
  try {
    await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)
  } catch {
    // declined, or too many asks: the booking goes on without a reminder
  }
}
