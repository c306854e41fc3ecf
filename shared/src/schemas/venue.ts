import { z, idSchema, dateSchema, timeSchema } from './common';

/**
 * A venue's (集市/地点) schedule: one or more rules, expanded into market days by `expandSchedule`
 * in `../schedule`. Dates are China calendar dates (`YYYY-MM-DD`), times China wall-clock (`HH:mm`).
 */
export const SCHEDULE_RULE_KINDS = ['date', 'weekly', 'monthly', 'lunar'] as const;
export type ScheduleRuleKind = (typeof SCHEDULE_RULE_KINDS)[number];

/** The most rules one venue may have, and the most services one rule may offer. */
export const MAX_RULES_PER_VENUE = 5;
export const MAX_SERVICES_PER_RULE = 20;

/** `dateSchema` only checks the shape; this also rejects dates that do not exist (2026-02-30). */
function isCalendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const isDate = (v: string | undefined): v is string => typeof v === 'string' && DATE_PATTERN.test(v) && isCalendarDate(v);

const noDuplicates = (list: readonly unknown[]) => new Set(list).size === list.length;

/** A calendar date field whose messages name the field. */
const dateField = (label: string) =>
  z
    .string({ required_error: `请选择${label}`, invalid_type_error: `${label}格式不正确` })
    .pipe(dateSchema)
    // Only a well-formed date is checked here, so a malformed one gets the format message alone.
    .refine((d) => !DATE_PATTERN.test(d) || isCalendarDate(d), `${label}不是有效的日期`);

/** A wall-clock time field whose messages name the field. */
const timeField = (label: string) =>
  z.string({ required_error: `请填写${label}`, invalid_type_error: `${label}格式不正确` }).pipe(timeSchema);

/** A list of whole numbers `min`–`max`, at least one, no repeats. */
const numberList = (label: string, unit: string, min: number, max: number) =>
  z
    .array(
      z
        .number({ required_error: `请选择${label}`, invalid_type_error: `${label}应为数字` })
        .int(`${label}应为整数`)
        .min(min, `${label}应在 ${min}–${max} ${unit}之间`)
        .max(max, `${label}应在 ${min}–${max} ${unit}之间`),
      { required_error: `请选择${label}`, invalid_type_error: `${label}格式不正确` },
    )
    .min(1, `请至少选择一个${label}`)
    .max(max - min + 1, `${label}不能重复`)
    .refine(noDuplicates, `${label}不能重复`);

/** What every rule carries besides its kind. */
const common = {
  startTime: timeField('开始时间'),
  endTime: timeField('结束时间'),
  /** Optional bounds, both inclusive: the rule applies from `from` and until `until`. */
  from: dateField('起始日期').optional(),
  until: dateField('截止日期').optional(),
  /** The services offered at the stand (ULIDs). */
  serviceIds: z
    .array(idSchema, { required_error: '请至少选择一项服务', invalid_type_error: '服务项目格式不正确' })
    .min(1, '请至少选择一项服务')
    .max(MAX_SERVICES_PER_RULE, `服务项目最多 ${MAX_SERVICES_PER_RULE} 项`)
    .refine(noDuplicates, '服务项目不能重复'),
};

/** 1. A single date. */
const dateRule = z.object({ kind: z.literal('date'), date: dateField('日期'), ...common }).strict();
/** 2. Every week on these ISO weekdays (1 = Monday … 7 = Sunday). */
const weeklyRule = z.object({ kind: z.literal('weekly'), weekdays: numberList('星期', '', 1, 7), ...common }).strict();
/** 3. Every solar (Gregorian) month on these days; a day the month lacks (31 in November) does not occur. */
const monthlyRule = z.object({ kind: z.literal('monthly'), days: numberList('每月日期', '日', 1, 31), ...common }).strict();
/**
 * 4. Every lunar month on these days, e.g. 逢三六九 = [3, 6, 9, 13, 16, 19, 23, 26, 29]. Day 30 does not
 * occur in a 29-day month (小月); leap months (闰月) are included (see `../schedule`).
 */
const lunarRule = z.object({ kind: z.literal('lunar'), days: numberList('农历日期', '日', 1, 30), ...common }).strict();

export const scheduleRuleSchema = z
  .discriminatedUnion('kind', [dateRule, weeklyRule, monthlyRule, lunarRule], {
    errorMap: (issue, ctx) =>
      issue.code === z.ZodIssueCode.invalid_union_discriminator
        ? { message: '请选择排期类型（单日、每周、每月或农历）' }
        : { message: ctx.defaultError },
  })
  .superRefine((rule, ctx) => {
    // Cross-field checks run only on fields that are themselves valid, so one mistake gives one message.
    if (TIME_PATTERN.test(rule.startTime) && TIME_PATTERN.test(rule.endTime) && rule.endTime <= rule.startTime) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['endTime'], message: '结束时间应晚于开始时间' });
    }
    if (isDate(rule.from) && isDate(rule.until) && rule.until < rule.from) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['until'], message: '截止日期不能早于起始日期' });
    }
    if (rule.kind === 'date' && isDate(rule.date)) {
      if ((isDate(rule.from) && rule.date < rule.from) || (isDate(rule.until) && rule.date > rule.until)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['date'], message: '日期应在起始日期与截止日期之间' });
      }
    }
  });
export type ScheduleRule = z.infer<typeof scheduleRuleSchema>;

/** PUT/POST /studios/{studioId}/venues — an administrator creates or edits a venue and its schedule. */
export const upsertVenueRequest = z
  .object({
    name: z
      .string({ required_error: '请填写地点名称', invalid_type_error: '地点名称格式不正确' })
      .trim()
      .min(2, '地点名称至少 2 个字')
      .max(40, '地点名称不能超过 40 个字'),
    address: z
      .string({ required_error: '请填写地址', invalid_type_error: '地址格式不正确' })
      .trim()
      .min(5, '请填写详细地址（至少 5 个字）')
      .max(100, '地址不能超过 100 个字'),
    rules: z
      .array(scheduleRuleSchema, { required_error: '请至少添加一条排期规则', invalid_type_error: '排期规则格式不正确' })
      .min(1, '请至少添加一条排期规则')
      .max(MAX_RULES_PER_VENUE, `排期规则最多 ${MAX_RULES_PER_VENUE} 条`),
  })
  .strict();
export type UpsertVenueRequest = z.infer<typeof upsertVenueRequest>;

/** A venue as its studio's people see it. */
export const venueView = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  rules: z.array(scheduleRuleSchema),
  /** Each rule in Chinese, e.g. `农历逢三六九 08:00–11:30`. */
  schedule: z.array(z.string()),
  /** The next market days in Chinese, e.g. `11月25日 周二（十月初六）`. */
  nextMarketDays: z.array(z.string()),
});
export type VenueView = z.infer<typeof venueView>;

/** GET /studios/{studioId}/venues */
export const venuesResponse = z.object({ venues: z.array(venueView) });
export type VenuesResponse = z.infer<typeof venuesResponse>;
