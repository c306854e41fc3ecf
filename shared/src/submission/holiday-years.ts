/**
 * The national holiday calendar as data: one entry per year (国务院办公厅关于某年部分节假日安排的通知), entered by an
 * operator, read with the studio's own days off. A year without an entry counts Monday–Friday only — visibly: the
 * deadlines it touches say so, and admins are warned from 1 November when next year's is still missing.
 *
 * Pure functions (bundled into the mini-program too).
 */
import { chinaDate } from '../time';
import { checkHolidayCalendar, mergeHolidayCalendars, type HolidayCalendar } from './working-days';

/** One year of the national calendar as entered. */
export interface HolidayYear extends HolidayCalendar {
  year: number;
  /** Where it comes from, e.g. 国办发明电〔2025〕7号. */
  source: string;
}

/** From this day of a year (China date, `MM-DD`) the next year's calendar is expected to be entered. */
export const NEXT_YEAR_EXPECTED_FROM = '11-01';

/** The years whose calendars a deadline set at `now` may need: this one and the next (a limit crosses New Year). */
export function yearsAround(now: Date | string | number): [number, number] {
  const year = Number(chinaDate(now).slice(0, 4));
  return [year, year + 1];
}

/**
 * The working-day calendar of these years' entries with a studio's own days off and 调休 on top, and the years that
 * had no entry (counted Monday–Friday only).
 */
export function calendarOfYears(years: number[], entries: (HolidayYear | undefined)[], own: HolidayCalendar): { calendar: HolidayCalendar; missing: number[] } {
  const found = entries.filter((e): e is HolidayYear => !!e);
  const missing = years.filter((y) => !found.some((e) => e.year === y));
  return { calendar: mergeHolidayCalendars(...found.map(({ holidays, workdays }) => ({ holidays, workdays })), own), missing };
}

/** The missing years a deadline from `from` to `due` (China dates or instants) falls in: what makes it weekends-only. */
export function missingYearsTouched(from: Date | string, due: string, missing: number[]): number[] {
  const first = Number(chinaDate(from).slice(0, 4));
  const last = Number(due.slice(0, 4));
  return missing.filter((y) => y >= first && y <= last);
}

/** The note beside a deadline counted without a year's national calendar. */
export function weekendsOnlyNote(years: number[]): string {
  return `${years.join('、')}年的法定节假日安排尚未录入，这个期限只按周末计算`;
}

/**
 * What an admin should be told about the national calendar on `today`: this year's entry missing, or, from
 * 1 November, next year's. Undefined when all is in place.
 */
export function calendarWarning(today: Date | string | number, entered: number[]): string | undefined {
  const date = chinaDate(today);
  const year = Number(date.slice(0, 4));
  const missing = [year, ...(date.slice(5) >= NEXT_YEAR_EXPECTED_FROM ? [year + 1] : [])].filter((y) => !entered.includes(y));
  if (missing.length === 0) return undefined;
  return `${missing.join('、')}年的国家法定节假日安排还没有录入：这些年份的办理期限只按周末计算（春节等假期也算工作日）。请联系运维人员按国务院办公厅的通知录入。`;
}

/** Problems with a year's entry, in Chinese: dates outside the year, and those of `checkHolidayCalendar`. */
export function checkHolidayYear(year: number, calendar: HolidayCalendar): string[] {
  const outside = [...calendar.holidays, ...calendar.workdays].filter((d) => !d.startsWith(`${year}-`));
  return [...outside.map((d) => `${d} 不在 ${year} 年`), ...checkHolidayCalendar(calendar)];
}
