/**
 * Deadlines counted in working days (工作日), in China time.
 *
 * Pure functions, no I/O and no Node-only APIs: this file is bundled into the WeChat mini-program too.
 *
 * Conventions
 * - A working day is Monday–Friday, minus the calendar's `holidays`, plus its `workdays` (调休: a weekend day
 *   that is worked). A date listed in both is a working day (the explicit 调休 entry wins).
 * - A submission's own day never counts. `addWorkingDays(at, n)` with n ≥ 1 is the n-th working day AFTER the
 *   China date of `at`: submitted on Monday with a limit of 3 → due Thursday; submitted on Saturday → the
 *   count starts on Monday, so a limit of 1 is due Monday. The due date is the last day on which handling is
 *   on time (it is overdue from the next China day on, see `isOverdue`).
 * - A limit of 0 means "the same day" (emergencies: 当日办理): the due date is the China date of `at` itself,
 *   even when that is a weekend or a holiday — an emergency does not wait for Monday.
 * - `workingDaysBetween(a, b)` counts the working days in (a, b]: after a, up to and including b. So for n ≥ 1
 *   `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
 * - Instants (`Date` or ISO 8601 strings with a zone, e.g. `2026-03-07T10:00:00Z`) are turned into China
 *   calendar dates first (Asia/Shanghai), whatever zone the code runs in. A bare `YYYY-MM-DD` is taken as a
 *   China date as it stands.
 * - Dates outside the calendar's years are treated as plain Monday–Friday weeks: keep the configured calendar
 *   up to date each year (the State Council publishes the next year's arrangement around November).
 *
 * Calendar-date arithmetic runs on a UTC day line (`Date.UTC`), which gives the same answer in any zone and
 * has no daylight-saving gaps.
 */
import { chinaDate } from '../time';

/** A year's (or several years') official arrangement of days off and 调休 working days. Configuration data. */
export type HolidayCalendar = {
  /** `YYYY-MM-DD` days off that would otherwise be weekdays (Mon–Fri). Listing a weekend day here is harmless. */
  holidays: string[];
  /** 调休: `YYYY-MM-DD` Saturdays and Sundays that are working days. */
  workdays: string[];
};

// ---------------------------------------------------------------------------------------------------
// Configuration data (not logic)

/**
 * China's official 2026 public holidays and 调休 working days: 国务院办公厅关于2026年部分节假日安排的通知
 * (published November 2025). Cross-checked against the holiday table of lunar-typescript 1.8.6
 * (`HolidayUtil.getHolidays(2026)`); the test file repeats that check for every day of 2026.
 *
 *   元旦     1月1日（周四）至3日（周六）放假，共3天；1月4日（周日）上班
 *   春节     2月15日（周日）至23日（周一）放假，共9天；2月14日（周六）、2月28日（周六）上班
 *   清明节   4月4日（周六）至6日（周一）放假，共3天
 *   劳动节   5月1日（周五）至5日（周二）放假，共5天；5月9日（周六）上班
 *   端午节   6月19日（周五）至21日（周日）放假，共3天
 *   中秋节   9月25日（周五）至27日（周日）放假，共3天
 *   国庆节   10月1日（周四）至7日（周三）放假，共7天；9月20日（周日）、10月10日（周六）上班
 *
 * Only the weekdays of each break are listed in `holidays` (weekend days are off anyway).
 */
export const CHINA_HOLIDAYS_2026: HolidayCalendar = {
  holidays: [
    // 元旦
    '2026-01-01', '2026-01-02',
    // 春节
    '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23',
    // 清明节
    '2026-04-06',
    // 劳动节
    '2026-05-01', '2026-05-04', '2026-05-05',
    // 端午节
    '2026-06-19',
    // 中秋节
    '2026-09-25',
    // 国庆节
    '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07',
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

/**
 * A starting point for configuration. The functions below take the calendar as an argument on purpose (no
 * silent default): pass the configured one, and replace or extend it (`mergeHolidayCalendars`) each year.
 */
export const DEFAULT_HOLIDAY_CALENDAR: HolidayCalendar = CHINA_HOLIDAYS_2026;

/**
 * Time limits seen in practice elsewhere (DOMAIN.md): emergencies the same day, consultations within 3 working
 * days, suggestions within 13. Defaults for configuration, in working days.
 */
export const TIME_LIMIT_PRESETS = {
  emergency: { workingDays: 0, label: '紧急事项（当日办理）' },
  consultation: { workingDays: 3, label: '咨询（3个工作日内）' },
  suggestion: { workingDays: 13, label: '意见建议（13个工作日内）' },
} as const;

// ---------------------------------------------------------------------------------------------------
// Calendar dates on a UTC day line

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The longest span the functions below walk, about ten years, to keep a bad input cheap. */
export const MAX_WORKING_DAY_SPAN_DAYS = 3660;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws a RangeError for a malformed or non-existent date. */
function toDayNumber(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const t = new Date(Date.UTC(y, m - 1, d));
    if (t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d) return Math.round(t.getTime() / MS_PER_DAY);
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function fromDayNumber(day: number): string {
  const t = new Date(day * MS_PER_DAY);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The China calendar day of an instant, or of a bare `YYYY-MM-DD` taken as a China date. */
function chinaDayNumber(value: Date | string | number): number {
  if (typeof value === 'string' && DATE_PATTERN.test(value)) return toDayNumber(value);
  const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`Not an instant or a calendar date: ${String(value)}`);
  return toDayNumber(chinaDate(time));
}

/** A lookup built once per call: is this day number a working day under the calendar? */
function workingDayLookup(calendar: HolidayCalendar): (day: number) => boolean {
  const holidays = new Set(calendar.holidays.map(toDayNumber));
  const workdays = new Set(calendar.workdays.map(toDayNumber));
  return (day) => {
    if (workdays.has(day)) return true;
    if (holidays.has(day)) return false;
    const weekday = new Date(day * MS_PER_DAY).getUTCDay(); // 0 = Sunday … 6 = Saturday
    return weekday !== 0 && weekday !== 6;
  };
}

// ---------------------------------------------------------------------------------------------------
// Public API

/** Whether a string is an existing calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(date: string): boolean {
  try {
    toDayNumber(date);
    return true;
  } catch {
    return false;
  }
}

/** Whether a China calendar date (`YYYY-MM-DD`) is a working day under the calendar. */
export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  return workingDayLookup(calendar)(toDayNumber(date));
}

/**
 * The due date (`YYYY-MM-DD`, China) of something received at `fromInstant` with a limit of `days` working
 * days. The day of receipt does not count; a limit of 0 is due the same China day (see the file header).
 * Throws a RangeError for a negative, fractional or absurdly large limit.
 */
export function addWorkingDays(fromInstant: Date | string, days: number, calendar: HolidayCalendar): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`A time limit is a whole number of working days ≥ 0: ${days}`);
  if (days > MAX_WORKING_DAY_SPAN_DAYS / 2) throw new RangeError(`A time limit this long is not plausible: ${days} working days`);
  const isWorking = workingDayLookup(calendar);
  let day = chinaDayNumber(fromInstant);
  for (let counted = 0; counted < days; ) {
    day += 1;
    if (isWorking(day)) counted += 1;
  }
  return fromDayNumber(day);
}

/**
 * The number of working days in (from, to]: after `from`'s China date, up to and including `to`'s.
 * Negative when `to` is before `from` (minus the working days in (to, from]); 0 for the same day.
 * Accepts instants or `YYYY-MM-DD` China dates.
 */
export function workingDaysBetween(fromDate: Date | string, toDate: Date | string, calendar: HolidayCalendar): number {
  const from = chinaDayNumber(fromDate);
  const to = chinaDayNumber(toDate);
  if (Math.abs(to - from) > MAX_WORKING_DAY_SPAN_DAYS) throw new RangeError(`Span too long to count working days: ${fromDate} … ${toDate}`);
  const isWorking = workingDayLookup(calendar);
  const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day += 1) if (isWorking(day)) count += 1;
  return sign * count || 0;
}

/** Whether a due date (`YYYY-MM-DD`, China) has passed: overdue once the China date at `nowInstant` is after it. */
export function isOverdue(dueDate: string, nowInstant: Date | string | number): boolean {
  const due = toDayNumber(dueDate);
  return chinaDayNumber(nowInstant) > due;
}

/** Several years' calendars as one (e.g. 2026 and 2027 around New Year). */
export function mergeHolidayCalendars(...calendars: HolidayCalendar[]): HolidayCalendar {
  const union = (lists: string[][]) => [...new Set(lists.flat())].sort();
  return { holidays: union(calendars.map((c) => c.holidays)), workdays: union(calendars.map((c) => c.workdays)) };
}

/**
 * Problems in a configured calendar, in Chinese for the administrator; empty when it is fine.
 * Flags malformed dates, 调休 working days that are not weekend days, and dates listed as both.
 */
/** A date as people read it, in the one format the app shows a full date in: `2026年10月9日`. */
const asPeopleRead = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export function checkHolidayCalendar(calendar: HolidayCalendar): string[] {
  const problems: string[] = [];
  const valid = (date: string) => {
    try {
      return toDayNumber(date);
    } catch {
      problems.push(`日期格式不对：${date}（应为 YYYY-MM-DD）`);
      return null;
    }
  };
  const holidays = new Set(calendar.holidays.filter((d) => valid(d) !== null));
  for (const date of calendar.workdays) {
    const day = valid(date);
    if (day === null) continue;
    const weekday = new Date(day * MS_PER_DAY).getUTCDay();
    if (weekday !== 0 && weekday !== 6) problems.push(`调休上班日应是周末：${asPeopleRead(date)} 本来就是工作日`);
    if (holidays.has(date)) problems.push(`${asPeopleRead(date)} 既是放假日又是调休上班日`);
  }
  return problems;
}
