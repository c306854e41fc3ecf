import { z, cursorSchema, idSchema, nextCursorSchema } from './common';
import { requestIdSchema } from './booking';
import { photoListSchema, photoView } from './photo';

/** Where a submission came from: the resident's own phone, or entered for them by staff (代填). */
export const SUBMISSION_SOURCES = ['resident', 'on_behalf'] as const;

/** The studio's own category list; these are the defaults a new studio starts with. */
export const DEFAULT_SUBMISSION_CATEGORIES = ['环境卫生', '道路交通', '治安安全', '民生服务', '邻里纠纷', '其他'] as const;

/** Letters (any script: 汉字, a–z …) and digits — what makes a text say something, unlike emoji and punctuation. */
const MEANINGFUL = /[\p{L}\p{N}]/gu;
export const MIN_MEANINGFUL_CHARACTERS = 4;

const text = z
  .string({ required_error: '请写下您的意见或建议', invalid_type_error: '内容格式不正确' })
  .trim()
  .min(5, '请至少写 5 个字，把事情说清楚')
  .max(1000, '内容不能超过 1000 个字')
  .refine((value) => (value.match(MEANINGFUL)?.length ?? 0) >= MIN_MEANINGFUL_CHARACTERS, '请用文字把事情说清楚，不能只有表情或符号');

const phone = z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码');

/** POST /submissions — a resident's suggestion or complaint (意见建议). */
export const submitRequest = z
  .object({
    requestId: requestIdSchema,
    studioId: idSchema,
    /** Set when the resident scanned a stand: the submission is linked to it. */
    standId: idSchema.optional(),
    category: z.string({ required_error: '请选择类别' }).trim().min(1, '请选择类别').max(20, '类别不存在'),
    text,
    place: z.string().trim().max(50, '地点不能超过 50 个字').optional(),
    /** 网格 / 院落: one of the studio's grids (GET /studios/{studioId}/grids); its grid head sees the matter. */
    gridId: idSchema.optional(),
    /** Up to 3 photos already uploaded through POST /photo-uploads (their keys). */
    photos: photoListSchema.optional(),
    /** May it appear, without personal details, on the studio's public board (公示墙)? */
    public: z.boolean({ required_error: '请选择是否公开', invalid_type_error: '请选择是否公开' }),
    /** 紧急: a danger to people or property now — hour-level limits besides the working-day ones (URGENT_HOURS). */
    urgent: z.boolean({ invalid_type_error: '请选择是否紧急' }).optional(),
    phone: phone.optional(),
    phoneConsent: z.boolean().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.phone && value.phoneConsent !== true) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['phoneConsent'], message: '留手机号需要您勾选同意' });
    }
  });
export type SubmitRequest = z.infer<typeof submitRequest>;

/**
 * How a matter was closed (办结). FixMyStreet keeps "fixed" apart from "closed" so that nobody claims what was not
 * done: only 已解决 counts towards 解决率; the others close it without a fix and say why (the resident reads it).
 */
export const CLOSURE_OUTCOMES = ['fixed', 'not_our_duty', 'cannot_fix', 'duplicate', 'long_term'] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];
export const CLOSURE_LABELS: Record<ClosureOutcome, string> = { fixed: '已解决', not_our_duty: '不属于职责', cannot_fix: '无法解决', duplicate: '重复反映', long_term: '需长期解决' };

export const SUBMISSION_STATUSES = ['submitted', 'accepted', 'handed_on', 'replied', 'resolved', 'reopened'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const submissionEventView = z.object({
  kind: z.string(),
  at: z.string(),
  /** Always the studio, never a person's name, for residents. */
  by: z.string(),
  text: z.string().optional(),
});
export type SubmissionEventView = z.infer<typeof submissionEventView>;

export const submissionView = z.object({
  id: idSchema,
  studioId: idSchema,
  studioName: z.string(),
  standId: idSchema.optional(),
  venueName: z.string().optional(),
  source: z.enum(SUBMISSION_SOURCES),
  category: z.string(),
  text: z.string(),
  place: z.string().optional(),
  /** The grid (网格 / 院落) the resident chose, by the name it had then. */
  gridName: z.string().optional(),
  /** Signed addresses of the submission's photos, valid for an hour; only its resident and its studio see them. */
  photos: z.array(photoView).optional(),
  public: z.boolean(),
  status: z.enum(SUBMISSION_STATUSES),
  createdAt: z.string(),
  /** The date a reply is due (China date). */
  replyDueDate: z.string(),
  /** 紧急: the hour-level limits, the instants by which it is to be accepted and acted on. */
  urgent: z.object({ acceptBy: z.string(), actBy: z.string() }).optional(),
  /** Set when the deadlines were counted without a year's national holidays (not yet entered): says so. */
  dueDateNote: z.string().optional(),
  /** The latest rating, and whether the resident may rate now (resolved, not yet rated). */
  rating: z.enum(['satisfied', 'basically_satisfied', 'dissatisfied']).optional(),
  canRate: z.boolean(),
  /** How it was closed (办结), once resolved: 已解决, or closed without a fix and why. */
  closure: z.object({ outcome: z.enum(CLOSURE_OUTCOMES), label: z.string(), note: z.string().optional() }).optional(),
  /** 需补充: the studio asked the resident for more, and has not had the answer yet. */
  moreAsked: z.object({ question: z.string(), at: z.string() }).optional(),
  /** 催办: the resident may chase it now (past its due date, still waiting), from which day, or when they did. */
  canChase: z.boolean().optional(),
  chaseFrom: z.string().optional(),
  chasedAt: z.string().optional(),
  timeline: z.array(submissionEventView),
});
export type SubmissionView = z.infer<typeof submissionView>;

/** GET /me/submissions?cursor= — newest first, a page at a time. */
export const mySubmissionsQuery = z.object({ cursor: cursorSchema.optional() }).strict();
export type MySubmissionsQuery = z.infer<typeof mySubmissionsQuery>;

export const mySubmissionsResponse = z.object({
  submissions: z.array(submissionView.omit({ timeline: true })),
  nextCursor: nextCursorSchema,
});
export type MySubmissionsResponse = z.infer<typeof mySubmissionsResponse>;

// ---- The studio's side: inbox, accept and sort (三事分流), reply, resolve; the resident's rating; the board ----

export const TRIAGES = ['major', 'minor', 'private'] as const;
export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export const INBOX_GROUPS = ['new', 'in_progress', 'replied', 'resolved'] as const;
export type InboxGroup = (typeof INBOX_GROUPS)[number];

/** POST /submissions/{id}/accept — 受理 and 三事分流 in one step. 大事 names a department and its due date. */
export const acceptRequest = z
  .object({
    triage: z.enum(TRIAGES, { required_error: '请选择大事、小事或私事', invalid_type_error: '请选择大事、小事或私事' }),
    /** A department of the studio's list (部门与联络员): its liaisons are told and answer. */
    departmentId: idSchema.optional(),
    /** A department named in free text (older matters, or a unit not on the list): nobody is told. */
    department: z.string().trim().min(2, '请填写交办的部门').max(30, '部门名称不能超过 30 个字').optional(),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日').optional(),
    /** An internal note: the studio's people see it, the resident never does. */
    note: z.string().trim().max(500, '备注不能超过 500 个字').optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.triage === 'major' && !value.department && !value.departmentId) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['department'], message: '大事请填写交办的部门' });
    if (value.triage === 'major' && !value.dueDate) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['dueDate'], message: '大事请填写办理期限' });
  });
export type AcceptRequest = z.infer<typeof acceptRequest>;

/** POST /submissions/{id}/ask-more — 需补充: what the studio needs to know from the resident. */
export const askMoreRequest = z.object({ question: z.string({ required_error: '请写明需要补充什么' }).trim().min(4, '请写明需要补充什么（至少 4 个字）').max(200, '不能超过 200 个字') }).strict();
/** POST /submissions/{id}/more — the resident's answer to 需补充. */
export const addMoreRequest = z.object({ text: z.string({ required_error: '请填写补充的内容' }).trim().min(2, '补充的内容至少 2 个字').max(500, '补充的内容不能超过 500 个字') }).strict();

/** POST /submissions/{id}/progress — a step of the work, told to the resident (a 大事's milestones: 已现场查看, 已报修 …). */
export const progressRequest = z.object({ text: z.string({ required_error: '请写明进展' }).trim().min(4, '进展至少写 4 个字').max(300, '进展不能超过 300 个字') }).strict();
export type ProgressRequest = z.infer<typeof progressRequest>;

/** POST /submissions/{id}/replies — 答复, signed as the studio; public replies may go on the board. */
export const replyRequest = z
  .object({
    text: z.string({ required_error: '请填写答复内容' }).trim().min(5, '答复至少 5 个字').max(1000, '答复不能超过 1000 个字'),
    public: z.boolean({ required_error: '请选择是否公开答复', invalid_type_error: '请选择是否公开答复' }),
    /**
     * The resident's words as the board will show them, rewritten by the representative (a name, an address in
     * words that no pattern finds); masking still applies. Absent: the resident's own words, masked.
     */
    boardText: z.string().trim().min(4, '公示的原文至少 4 个字').max(1000, '公示的原文不能超过 1000 个字').optional(),
  })
  .strict();
export type ReplyRequest = z.infer<typeof replyRequest>;

/** POST /submissions/{id}/resolve — 办结: how, and for a close without a fix, why. */
export const resolveRequest = z
  .object({
    outcome: z.enum(CLOSURE_OUTCOMES, { required_error: '请选择办结方式', invalid_type_error: '请选择办结方式' }),
    note: z.string().trim().max(200, '说明不能超过 200 个字').optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.outcome !== 'fixed' && !value.note) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['note'], message: '没有解决就办结，请写明原因（居民会看到）' });
  });
export type ResolveRequest = z.infer<typeof resolveRequest>;

/** POST /submissions/{id}/rating — 满意 / 基本满意 / 不满意 (不满意 reopens it once, with the reason). */
export const rateRequest = z
  .object({
    rating: z.enum(RATINGS, { required_error: '请选择满意程度', invalid_type_error: '请选择满意程度' }),
    comment: z.string().trim().max(200, '评价不能超过 200 个字').optional(),
  })
  .strict();
export type RateRequest = z.infer<typeof rateRequest>;

/** GET /studios/{studioId}/inbox query. */
export const inboxQuery = z
  .object({
    group: z.enum(INBOX_GROUPS).default('new'),
    category: z.string().max(20).optional(),
    standId: idSchema.optional(),
    /** The tab's next page: `nextCursor` of the page before, with the same tab and filters. */
    cursor: cursorSchema.optional(),
  })
  .strict();
export type InboxQuery = z.infer<typeof inboxQuery>;

export const inboxItemView = z.object({
  id: idSchema,
  category: z.string(),
  /** The first 60 characters. */
  summary: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  source: z.enum(SUBMISSION_SOURCES),
  createdAt: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  /** 需补充: waiting for the resident's answer. */
  waitingForMore: z.boolean().optional(),
  /** 紧急: the instant by which the current wait ends (accept, then act). */
  urgentBy: z.string().optional(),
  /** How many photos came with it (the photos themselves are on the submission's page). */
  photoCount: z.number().int(),
  venueName: z.string().optional(),
  standId: idSchema.optional(),
  /** 附议: how many other residents raised the same thing (absent when none). */
  seconds: z.number().int().optional(),
});
export type InboxItemView = z.infer<typeof inboxItemView>;

export const inboxResponse = z.object({
  /** How many each tab holds (all of them, not this page's; filters aside). */
  counts: z.object({ new: z.number().int(), in_progress: z.number().int(), replied: z.number().int(), resolved: z.number().int() }),
  /** A page of the tab, soonest due first: the overdue ones come first. */
  items: z.array(inboxItemView),
  nextCursor: nextCursorSchema,
});
export type InboxResponse = z.infer<typeof inboxResponse>;

/** POST /studios/{studioId}/submissions/{submissionId}/phone — the whole number, recorded in the audit trail. */
export const revealedPhoneResponse = z.object({ phone: z.string() });
export type RevealedPhoneResponse = z.infer<typeof revealedPhoneResponse>;

/** What the studio's people see of one submission: everything, internal notes included. */
export const studioSubmissionView = submissionView.extend({
  triage: z.enum(TRIAGES).optional(),
  department: z.string().optional(),
  departmentDueDate: z.string().optional(),
  /** The department of the studio's list it is handed to, and where that hand-on stands (待签收, 办理中 …). */
  departmentId: idSchema.optional(),
  handOn: z.object({ id: idSchema, state: z.string(), stateLabel: z.string(), dueDate: z.string(), returnReason: z.string().optional() }).optional(),
  acceptDueDate: z.string(),
  /** The phone the resident left, masked (`139****5678`); the whole number only through 显示完整号码 (audited). */
  phone: z.string().optional(),
  rating: z.enum(RATINGS).optional(),
  contentHeld: z.boolean(),
  /** The resident's words as rewritten for the board by a representative, if they were. */
  boardText: z.string().optional(),
  notes: z.array(z.object({ at: z.string(), by: z.string(), text: z.string() })),
  allowedActions: z.array(z.string()),
  /** 附议: how many other residents raised the same thing. */
  seconds: z.number().int(),
});
export type StudioSubmissionView = z.infer<typeof studioSubmissionView>;

/** GET /studios/{studioId}/board?cursor= */
export const boardQuery = z.object({ cursor: cursorSchema.optional() }).strict();
export type BoardQuery = z.infer<typeof boardQuery>;

/** GET /studios/{studioId}/board — 公示墙: public submissions with a public reply, newest first, no personal details, a page at a time. */
export const boardResponse = z.object({
  studioName: z.string(),
  items: z.array(
    z.object({
      id: idSchema,
      category: z.string(),
      date: z.string(),
      status: z.enum(SUBMISSION_STATUSES),
      text: z.string(),
      reply: z.string(),
      repliedAt: z.string(),
      /** 附议: how many other residents raised the same thing (absent when none). */
      seconds: z.number().int().optional(),
    }),
  ),
  nextCursor: nextCursorSchema,
});
export type BoardResponse = z.infer<typeof boardResponse>;

/** POST /studios/{studioId}/submissions — staff or a representative enter one for a resident without a phone (代填). */
export const onBehalfRequest = z
  .object({
    requestId: requestIdSchema,
    standId: idSchema.optional(),
    /** Where it came from, e.g. 纸质意见征询表, 现场口述. */
    sourceNote: z.string({ required_error: '请填写来源，例如：纸质意见征询表' }).trim().min(2, '请填写来源，例如：纸质意见征询表').max(30, '来源不能超过 30 个字'),
    category: z.string({ required_error: '请选择类别' }).trim().min(1, '请选择类别').max(20, '类别不存在'),
    text,
    place: z.string().trim().max(50, '地点不能超过 50 个字').optional(),
    gridId: idSchema.optional(),
    /** Photos of the paper form or of the place, uploaded through POST /photo-uploads. */
    photos: photoListSchema.optional(),
    public: z.boolean({ required_error: '请选择是否公开', invalid_type_error: '请选择是否公开' }),
    /** 紧急: a danger to people or property now — hour-level limits besides the working-day ones (URGENT_HOURS). */
    urgent: z.boolean({ invalid_type_error: '请选择是否紧急' }).optional(),
    phone: phone.optional(),
    phoneConsent: z.boolean().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.phone && value.phoneConsent !== true) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['phoneConsent'], message: '留手机号需要居民同意' });
  });
export type OnBehalfRequest = z.infer<typeof onBehalfRequest>;

// ---- A studio's figures of a month (统计) and the CSV export's dates: ./submission-stats.ts ----
export * from './submission-stats';

// ---- A studio's categories, limits and holidays, and its reply templates: ./submission-settings.ts ----
export * from './submission-settings';

// ---- 这些事已经有人反映过: similar matters before submitting, and 附议 (the same thing raised by another resident) ----

/** GET /studios/{studioId}/similar-submissions?text=&category=&place= — what is being typed, its first 300 characters. */
export const similarQuery = z
  .object({
    text: z.string({ required_error: '请先写下您的意见' }).trim().min(1, '请先写下您的意见').max(300, '内容太长，只需前 300 个字'),
    category: z.string().trim().max(20, '类别不存在').optional(),
    place: z.string().trim().max(50, '地点不能超过 50 个字').optional(),
  })
  .strict();
export type SimilarQuery = z.infer<typeof similarQuery>;

/** A matter raised before, as another resident may see it: public only, its text masked, no one's name. */
export const similarItemView = z.object({
  id: idSchema,
  category: z.string(),
  /** Masked (phones, ids, house numbers …), the first 80 characters. */
  text: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  /** China date it was raised. */
  date: z.string(),
  /** How many residents 附议'd it (raised the same thing). */
  seconds: z.number().int(),
  /** Whether the caller has already. */
  secondedByMe: z.boolean(),
});
export type SimilarItemView = z.infer<typeof similarItemView>;

export const similarResponse = z.object({ items: z.array(similarItemView).max(3) });
export type SimilarResponse = z.infer<typeof similarResponse>;

/** POST /submissions/{submissionId}/seconds — 附议: once per resident; a repeat answers the same. */
export const secondResponse = z.object({ submissionId: idSchema, seconds: z.number().int(), secondedByMe: z.literal(true) });
export type SecondResponse = z.infer<typeof secondResponse>;

/** GET /me/seconds?cursor= — 我附议的事: the matters the caller seconded, newest first, as they stand now. */
export const mySecondsQuery = z.object({ cursor: cursorSchema.optional() }).strict();
export type MySecondsQuery = z.infer<typeof mySecondsQuery>;

export const mySecondsResponse = z.object({
  items: z.array(similarItemView.omit({ secondedByMe: true }).extend({ secondedAt: z.string(), reply: z.string().optional() })),
  nextCursor: nextCursorSchema,
});
export type MySecondsResponse = z.infer<typeof mySecondsResponse>;
