import Taro from '@tarojs/taro'
import { isWeapp } from './platform'

/**
 * WeChat sends a subscribe message only after the person allowed it with a tap, one message per permission:
 * ask right in the tap that makes the thing to be told about. Declining, or H5, never stops the action.
 * Template ids come from the build (config/index.ts): TARO_APP_TEMPLATE_*, one per notice kind the server sends
 * (functions/src/adapters/notify/template-fields.ts); a kind without one is never asked for.
 */
export type NoticeKind = 'booking_reminder' | 'stand_cancelled' | 'submission_replied' | 'submission_status' | 'rate_request' | 'board_update' | 'submission_chased' | 'work_digest' | 'wish_update' | 'errand_update' | 'consultation_invite' | 'department_task' | 'seconded_update'

/** Read inside a function: the build replaces each `process.env.…` with its value, and tests can set them. */
function templateIdOf(kind: NoticeKind): string | undefined {
  const ids: Record<NoticeKind, string | undefined> = {
    booking_reminder: process.env.TARO_APP_TEMPLATE_BOOKING_REMINDER,
    stand_cancelled: process.env.TARO_APP_TEMPLATE_STAND_CANCELLED,
    submission_replied: process.env.TARO_APP_TEMPLATE_SUBMISSION_REPLIED,
    submission_status: process.env.TARO_APP_TEMPLATE_SUBMISSION_STATUS,
    rate_request: process.env.TARO_APP_TEMPLATE_RATE_REQUEST,
    board_update: process.env.TARO_APP_TEMPLATE_BOARD_UPDATE,
    submission_chased: process.env.TARO_APP_TEMPLATE_SUBMISSION_CHASED,
    work_digest: process.env.TARO_APP_TEMPLATE_WORK_DIGEST,
    wish_update: process.env.TARO_APP_TEMPLATE_WISH_UPDATE,
    errand_update: process.env.TARO_APP_TEMPLATE_ERRAND_UPDATE,
    consultation_invite: process.env.TARO_APP_TEMPLATE_CONSULTATION_INVITE,
    seconded_update: process.env.TARO_APP_TEMPLATE_SECONDED_UPDATE,
    department_task: process.env.TARO_APP_TEMPLATE_DEPARTMENT_TASK,
  }
  return ids[kind] || undefined
}

/** What each kind is, in the words shown after the tap. */
export const NOTICE_NAMES: Record<NoticeKind, string> = {
  booking_reminder: '预约前一晚的提醒',
  stand_cancelled: '服务点取消的通知',
  submission_replied: '答复通知',
  submission_status: '办理进度',
  rate_request: '评价邀请',
  board_update: '公示墙的新答复',
  submission_chased: '居民催办',
  work_digest: '每日待办意见',
  wish_update: '微心愿的进展',
  errand_update: '代办服务进度',
  consultation_invite: '议事协商的邀请',
  seconded_update: '附议事项的进展',
  department_task: '部门交办事项',
}

/** What the person agreed to in one tap: WeChat answers per template `accept`, `reject`, `ban` or `filter`. */
export interface Agreement {
  accepted: NoticeKind[]
  declined: NoticeKind[]
}

export type Purpose = 'booking' | 'submission' | 'follow' | 'wish' | 'errand' | 'consultation' | 'second'

const PURPOSE_KINDS: Record<Purpose, NoticeKind[]> = {
  // WeChat shows at most three templates in one tap
  booking: ['booking_reminder', 'stand_cancelled'],
  submission: ['submission_replied', 'submission_status', 'rate_request'],
  follow: ['board_update'],
  wish: ['wish_update'],
  errand: ['errand_update'],
  consultation: ['consultation_invite'],
  second: ['seconded_update'],
}

const lastAgreement = new Map<Purpose, Agreement>()

/**
 * Asks, in the tap, for the kinds of notice that action can bring. Answers what was agreed to, or null when nothing
 * was asked (H5, no template configured). A failed ask (declined the whole sheet, asked too often) counts as declined.
 */
export async function askFor(purpose: Purpose): Promise<Agreement | null> {
  const kinds = PURPOSE_KINDS[purpose].filter((kind) => templateIdOf(kind))
  if (!isWeapp() || kinds.length === 0) return null
  let answer: Record<string, unknown> = {}
  try {
    answer = (await Taro.requestSubscribeMessage({ tmplIds: kinds.map((kind) => templateIdOf(kind)!), entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>
  } catch {
    // declined, or too many asks: the action goes on without the message
  }
  const agreement: Agreement = { accepted: [], declined: [] }
  for (const kind of kinds) (answer[templateIdOf(kind)!] === 'accept' ? agreement.accepted : agreement.declined).push(kind)
  lastAgreement.set(purpose, agreement)
  return agreement
}

/** What the last tap for that purpose agreed to (this session), for the page that follows it. */
export function lastAgreementFor(purpose: Purpose): Agreement | null {
  return lastAgreement.get(purpose) ?? null
}

/** One sentence telling what was agreed to; the in-app 消息 come regardless. */
export function agreementText(agreement: Agreement): string {
  const names = (kinds: NoticeKind[]) => kinds.map((kind) => `「${NOTICE_NAMES[kind]}」`).join('')
  if (agreement.accepted.length === 0) return `您没有开启微信提醒，有消息时请到「我的 → 消息」查看`
  const declined = agreement.declined.length > 0 ? `；${names(agreement.declined)}没有开启，会放在「消息」里` : ''
  return `已开启微信提醒：${names(agreement.accepted)}，各提醒一次${declined}`
}
