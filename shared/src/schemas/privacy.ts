import { wishView } from './wishes';
import { coinEntryView, redemptionView } from './coins';
import { z, idSchema, roleSchema } from './common';
import { bookingView } from './booking';
import { healthConsentView, readingView } from './reading';
import { submissionView } from './submission';

/**
 * The resident's own data (个人信息保护法 arts. 45 and 47): see what is kept, take a copy, delete the account.
 */

/** The word a resident confirms deletion with (tapped on the page after reading what will happen). */
export const ACCOUNT_DELETION_WORD = '注销';

/** DELETE /me — 注销账号: only with the explicit confirmation, so that no stray request deletes an account. */
export const deleteAccountRequest = z
  .object({
    confirm: z.literal(ACCOUNT_DELETION_WORD, { errorMap: () => ({ message: '请确认注销账号' }) }),
  })
  .strict();
export type DeleteAccountRequest = z.infer<typeof deleteAccountRequest>;

export const deleteAccountResponse = z.object({
  deleted: z.literal(true),
  /** Kept for the studio's records without their author; the text only where it was public (masked). */
  submissionsAnonymised: z.number().int(),
  /** Future bookings cancelled: their places are free for others. */
  bookingsCancelled: z.number().int(),
  readingsDeleted: z.number().int(),
});
export type DeleteAccountResponse = z.infer<typeof deleteAccountResponse>;

/** GET /me/data/summary — what is kept about the caller, in numbers, for the 我的数据 page. */
export const myDataSummary = z.object({
  submissions: z.number().int(),
  bookings: z.number().int(),
  /** Bookings still to come (cancelled if the account is deleted). */
  upcomingBookings: z.number().int(),
  readings: z.number().int(),
  notifications: z.number().int(),
  follows: z.number().int(),
  /** Studios where the caller has a 幸福币 account. */
  coinAccounts: z.number().int(),
  /** Days phones and home addresses are kept after the matter is closed. */
  contactRetentionDays: z.number().int(),
  healthReadingRetentionDays: z.number().int(),
  /** Residents may delete their account; studio people first need an administrator to remove their role. */
  canDeleteAccount: z.boolean(),
});
export type MyDataSummary = z.infer<typeof myDataSummary>;

export const MY_DATA_FORMAT = 'lianxin.my-data/1';

/** GET /me/data — the file: everything kept about the caller, as the caller may see it. */
export const myDataExport = z.object({
  format: z.literal(MY_DATA_FORMAT),
  exportedAt: z.string(),
  /** A few words in Chinese on what the file holds. */
  about: z.string(),
  account: z.object({
    id: idSchema,
    displayName: z.string(),
    role: roleSchema,
    studioName: z.string().optional(),
    /** A liaison's department (部门联络员): what it is kept for. */
    departmentId: idSchema.optional(),
    createdAt: z.string(),
    /** Signed in with WeChat (the openid itself is not given out: it is an identifier, not something to share). */
    linkedToWechat: z.boolean(),
  }),
  /** With their timelines as the resident sees them; the phone while it is still kept. */
  submissions: z.array(submissionView.omit({ photos: true }).extend({ phone: z.string().optional(), photoCount: z.number().int() })),
  /**
   * With a home visit's address and phone while they are still kept; `serviceNote`: what staff or the providing unit
   * recorded for the resident (服务记录, e.g. 血压 135/85，建议复查).
   */
  bookings: z.array(bookingView.extend({ homeAddress: z.string().optional(), phone: z.string().optional(), serviceNote: z.string().optional() })),
  healthReadings: z.object({ consent: healthConsentView, readings: z.array(readingView) }),
  notifications: z.array(z.object({ title: z.string(), body: z.string(), at: z.string(), read: z.boolean() })),
  follows: z.array(z.object({ studioId: idSchema, studioName: z.string(), since: z.string() })),
  /** 幸福币 per studio: the balance, the card, every coin in and out, the redemptions. */
  coins: z.array(z.object({ studioId: idSchema, studioName: z.string(), balance: z.number().int(), cardCode: z.string().optional(), entries: z.array(coinEntryView), redemptions: z.array(redemptionView) })),
  /** 志愿者 registrations per studio, with the teams they are in. */
  volunteering: z.array(z.object({ studioId: idSchema, studioName: z.string(), status: z.string(), partyMember: z.boolean(), inService: z.boolean(), organisation: z.string().optional(), skills: z.array(z.string()), availability: z.string(), registeredAt: z.string(), teams: z.array(z.string()), shifts: z.array(z.object({ venueName: z.string(), date: z.string(), checkedInAt: z.string(), checkedOutAt: z.string().optional(), minutes: z.number().int().optional(), coins: z.number().int().optional() })) })),
  /** 微心愿 they posted, and those they claimed, with their timelines. */
  wishes: z.array(wishView),
  wishClaims: z.array(wishView),
  /** 代办服务 (点单-配送): orders placed (with the address and phone) and orders served as a volunteer. */
  errands: z.array(
    z.object({
      role: z.enum(['ordered', 'served']),
      id: idSchema,
      studioName: z.string(),
      kindName: z.string(),
      status: z.string(),
      personName: z.string(),
      when: z.string(),
      createdAt: z.string(),
      note: z.string().optional(),
      rating: z.number().int().optional(),
      comment: z.string().optional(),
      address: z.string().optional(),
      phone: z.string().optional(),
    }),
  ),
  /** 附议: the matters they said they have too (which, and when). */
  seconds: z.array(z.object({ submissionId: idSchema, studioId: idSchema, at: z.string() })),
  /** 议事协商: the meetings they signed up for (which, the name given, and when). */
  consultationSignUps: z.array(z.object({ consultationId: idSchema, studioId: idSchema, name: z.string(), at: z.string() })),
  /** 镇街: the roles they hold in studios or towns (切换身份), each with where and since when. */
  memberships: z.array(z.object({ role: z.string(), place: z.string(), since: z.string() })),
  retention: z.object({ contactDays: z.number().int(), healthReadingDays: z.number().int() }),
});
export type MyDataExport = z.infer<typeof myDataExport>;
