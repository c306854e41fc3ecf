import { z } from 'zod';
import { noticeTemplatesSchema, type NoticeKind, type NoticeTemplates } from './notifier';

/**
 * What WeChat accepts in a subscribe-message field, by the type its key starts with (`thing1`, `time2` …), and which
 * of those types each of our notice fields may fill. Checked at cold start (config.ts), so that a template mapped
 * wrongly in Parameter Store fails the function's start with its name, instead of every send failing with 47003.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 *
 * - `thing` ≤ 20 characters (longer values are cut, with an ellipsis, when sent)
 * - `time` like `2026年11月23日 09:00` (or `15:01`, `2026-11-23 09:00`); `date` like `2026年11月23日` (a time may follow)
 * - `phrase` ≤ 5 Chinese characters, nothing else; `character_string` ≤ 32 letters, digits and symbols
 * - `number` digits only; `letter` letters only; `name` a person's name
 */
export const WECHAT_FIELD_TYPES = ['thing', 'time', 'date', 'phrase', 'character_string', 'number', 'letter', 'symbol', 'amount', 'phone_number', 'car_number', 'name'] as const;
export type WechatFieldType = (typeof WECHAT_FIELD_TYPES)[number];

/** What one of our notice fields holds, and so which WeChat field types can carry it. */
const SHAPES = {
  /** Free text of any length (a service, a place, a studio, a category, a reason). */
  text: ['thing'],
  /** A China date and time, `2026年11月23日 09:00`. */
  time: ['time', 'date', 'thing'],
  /** A ticket code: letters and digits. */
  code: ['character_string', 'thing'],
  /** A short Chinese status word, `已受理`. */
  status: ['phrase', 'thing'],
  /** A count, digits only. */
  count: ['number', 'character_string', 'thing'],
} as const satisfies Record<string, readonly WechatFieldType[]>;

type Shape = keyof typeof SHAPES;

/**
 * The fields each notice fills (the use cases that send them build exactly these keys). A template may use some of
 * them; it may not name a field the notice does not have, nor put a field in a type that cannot hold it.
 */
export const NOTICE_FIELDS: Record<NoticeKind, Record<string, Shape>> = {
  booking_reminder: { service: 'text', date: 'time', place: 'text', code: 'code' },
  stand_cancelled: { place: 'text', date: 'time', service: 'text', reason: 'text' },
  submission_replied: { category: 'text', status: 'status', studio: 'text' },
  submission_status: { category: 'text', status: 'status', studio: 'text' },
  // '已办结，请评价' is more than a phrase
  rate_request: { category: 'text', status: 'text', studio: 'text' },
  board_update: { studio: 'text', category: 'text' },
  submission_chased: { category: 'text', date: 'time' },
  work_digest: { studio: 'text', overdue: 'count', soon: 'count', escalated: 'count' },
  wish_update: { title: 'text', status: 'text' },
  errand_update: { service: 'text', status: 'status', studio: 'text' },
  consultation_invite: { topic: 'text', date: 'time', place: 'text', studio: 'text' },
  seconded_update: { category: 'text', status: 'text' },
  department_task: { department: 'text', category: 'text', status: 'text' },
};

/** The field type a template key names: `character_string3` → `character_string`. */
export function fieldTypeOf(templateKey: string): string {
  return templateKey.replace(/\d+$/, '');
}

/** Why a template's mapping cannot work, one line per field; empty when it can. */
export function templateProblems(kind: NoticeKind, fields: Record<string, string>): string[] {
  const ours = NOTICE_FIELDS[kind];
  const problems: string[] = [];
  for (const [field, templateKey] of Object.entries(fields)) {
    const shape = ours[field];
    const type = fieldTypeOf(templateKey);
    if (!shape) problems.push(`${kind}.${field}: this notice has no such field (it has ${Object.keys(ours).join(', ')})`);
    else if (!(WECHAT_FIELD_TYPES as readonly string[]).includes(type)) problems.push(`${kind}.${field}: ${templateKey} is not a WeChat field type (${WECHAT_FIELD_TYPES.join(', ')})`);
    else if (!(SHAPES[shape] as readonly string[]).includes(type)) problems.push(`${kind}.${field}: a ${type} field cannot hold it; use ${SHAPES[shape].join(' or ')}`);
  }
  return problems;
}

/** The templates as configuration gives them, with every mapping checked against the fields each notice fills. */
export const checkedNoticeTemplatesSchema: z.ZodType<NoticeTemplates, z.ZodTypeDef, unknown> = noticeTemplatesSchema.superRefine((templates, ctx) => {
  for (const [kind, template] of Object.entries(templates) as [NoticeKind, { fields: Record<string, string> }][]) {
    for (const message of templateProblems(kind, template.fields)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [kind, 'fields'], message });
  }
});
