import { z } from './common';

/** The short notices the app sends a resident (WeChat subscribe messages and the in-app 消息 list). */
export const NOTICE_KINDS = ['booking_reminder', 'stand_cancelled', 'submission_replied', 'submission_status', 'rate_request', 'board_update', 'submission_chased', 'work_digest', 'wish_update', 'errand_update', 'consultation_invite', 'department_task', 'seconded_update'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** GET/PUT/DELETE /studios/{studioId}/follow */
export const followResponse = z.object({ following: z.boolean() });
export type FollowResponse = z.infer<typeof followResponse>;

/** One message in 消息. */
export const notificationView = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  /** The page to open, e.g. `/pages/submission/index?id=…`. */
  page: z.string(),
  /** ISO instant */
  at: z.string(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof notificationView>;

/** GET /me/notifications — newest first, with the unread count. */
export const notificationsResponse = z.object({ notifications: z.array(notificationView), unread: z.number().int() });
export type NotificationsResponse = z.infer<typeof notificationsResponse>;

/** POST /me/notifications/read */
export const markReadResponse = z.object({ unread: z.literal(0) });

/** GET /local/outbox (local stage): what WeChat would have been asked to send, newest first. */
export const localOutboxResponse = z.object({
  notices: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      userId: z.string(),
      kind: z.enum(NOTICE_KINDS),
      page: z.string(),
      data: z.record(z.string()),
      recipientName: z.string().optional(),
    }),
  ),
});
export type LocalOutboxResponse = z.infer<typeof localOutboxResponse>;
