import Taro from '@tarojs/taro'
import { isWeapp } from './platform'

/**
 * WeChat sends a subscribe message only after the person allowed it with a tap, one message per permission:
 * ask right in the tap that makes the thing to be told about. Declining, or H5, never stops the action.
 * Template ids come from the build (config/index.ts): TARO_APP_TEMPLATE_*.
 */
async function askFor(templateIds: (string | undefined)[]): Promise<void> {
  const tmplIds = templateIds.filter((id): id is string => Boolean(id))
  if (!isWeapp() || tmplIds.length === 0) return
  try {
    await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)
  } catch {
    // declined, or too many asks: the action goes on without the message
  }
}

/** In the booking tap: the evening-before reminder. */
export function askForBookingReminder(): Promise<void> {
  return askFor([process.env.TARO_APP_TEMPLATE_BOOKING_REMINDER])
}

/** In the submit tap: the reply, the progress, and the request to rate (WeChat allows three at once). */
export function askForSubmissionNotices(): Promise<void> {
  return askFor([process.env.TARO_APP_TEMPLATE_SUBMISSION_REPLIED, process.env.TARO_APP_TEMPLATE_SUBMISSION_STATUS, process.env.TARO_APP_TEMPLATE_RATE_REQUEST])
}
