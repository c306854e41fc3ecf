import { z } from 'zod';

import { NOTICE_KINDS, type NoticeKind } from '@shared/schemas/notice';

export { NOTICE_KINDS, type NoticeKind };

export interface Notice {
  userId: string;
  kind: NoticeKind;
  /** Page to open, e.g. 'pages/ticket/index?id=…' */
  page: string;
  /**
   * Template fields, Chinese values, each within WeChat's limit for the field's type (thing.DATA ≤ 20 characters,
   * time.DATA 'YYYY年MM月DD日 HH:mm', phrase.DATA ≤ 5 Chinese characters …). Keys are ours ('service', 'time');
   * each template maps them to its own keys ('thing1', 'time2').
   */
  data: Record<string, string>;
}

/**
 * Sends a notice, best effort: a notice must never fail the business action that caused it, so `send` never
 * throws. 'skipped' is normal (no template configured, no WeChat account, or the resident has not subscribed:
 * subscribe messages are one per tap). 'rejected' was refused for good — sending it again cannot help (a wrong
 * template id or field value, a page not in the release, sending banned): not retried, but counted as failed so that
 * the notices-failed alarm tells the operator. 'failed' may pass (WeChat busy, no network): retried. Both are logged.
 */
export interface Notifier {
  send(notice: Notice): Promise<'sent' | 'skipped' | 'rejected' | 'failed'>;
}

export type NoticeOutcome = Awaited<ReturnType<Notifier['send']>>;

/**
 * A subscribe-message template chosen in the mini-program's admin console (订阅消息 → 我的模板): its id, and which
 * of its keys each of our data keys fills, e.g. `{ service: 'thing1', time: 'time2', place: 'thing3' }`.
 */
export interface NoticeTemplate {
  id: string;
  fields: Record<string, string>;
}

export type NoticeTemplates = Partial<Record<NoticeKind, NoticeTemplate>>;

/** Template keys are a type and a number: thing1, time2, character_string3, phrase4 … */
const TEMPLATE_KEY = /^[a-z_]+\d+$/;

const noticeTemplateSchema: z.ZodType<NoticeTemplate> = z
  .object({
    id: z.string().min(1),
    fields: z
      .record(z.string().min(1), z.string().regex(TEMPLATE_KEY, 'must be a template key such as thing1 or time2'))
      .refine((fields) => Object.keys(fields).length > 0, 'must map at least one field'),
  })
  .strict();

/**
 * The templates as configuration gives them (one JSON object keyed by notice kind), for config.ts to validate at
 * cold start: `{"booking_reminder":{"id":"…","fields":{"service":"thing1","time":"time2"}}}`.
 */
export const noticeTemplatesSchema: z.ZodType<NoticeTemplates> = z
  .object({
    booking_reminder: noticeTemplateSchema.optional(),
    stand_cancelled: noticeTemplateSchema.optional(),
    submission_replied: noticeTemplateSchema.optional(),
    submission_status: noticeTemplateSchema.optional(),
    rate_request: noticeTemplateSchema.optional(),
    board_update: noticeTemplateSchema.optional(),
    submission_chased: noticeTemplateSchema.optional(),
    work_digest: noticeTemplateSchema.optional(),
    wish_update: noticeTemplateSchema.optional(),
    errand_update: noticeTemplateSchema.optional(),
    consultation_invite: noticeTemplateSchema.optional(),
    seconded_update: noticeTemplateSchema.optional(),
    department_task: noticeTemplateSchema.optional(),
  } satisfies Record<NoticeKind, z.ZodTypeAny>)
  .strict();
