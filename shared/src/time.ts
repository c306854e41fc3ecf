/**
 * Everything a person sees is in China time (Asia/Shanghai), whatever zone the code runs in (Lambda runs in UTC). China keeps UTC+8
 * all year (no daylight saving since 1991), so China time is plain arithmetic on the instant: no time-zone database —
 * dayjs's tz plugin formatted through Intl on every call, ~0.1 ms each, and an inbox page made 30 such calls.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const INVALID = 'Invalid Date';

/** The China wall clock at an instant, as an ISO string (`YYYY-MM-DDTHH:mm:ss.sssZ`, the Z meaning nothing), or undefined. */
function chinaClock(instant: Date | string | number): string | undefined {
  const ms = new Date(instant).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms + CHINA_OFFSET_MS).toISOString();
}

/** The calendar date (`YYYY-MM-DD`) in China at the given instant. */
export function chinaDate(instant: Date | string | number): string {
  return chinaClock(instant)?.slice(0, 10) ?? INVALID;
}

/** A `YYYY-MM-DD` date as midnight UTC of that date (for calendar arithmetic only). */
const calendarDay = (date: string) => new Date(`${date.slice(0, 10)}T00:00:00.000Z`);

/** Adds whole days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const day = calendarDay(date);
  if (Number.isNaN(day.getTime())) return INVALID;
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The UTC instant (ISO 8601) of a China wall-clock date and time. */
export function chinaInstant(date: string, time: string): string {
  const instant = new Date(`${date}T${time}:00.000+08:00`);
  return Number.isNaN(instant.getTime()) ? INVALID : instant.toISOString();
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `11月22日 周日` — how a date is shown in the UI. */
export function formatChinaDate(date: string): string {
  const d = calendarDay(date);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${WEEKDAYS[d.getUTCDay()]}`;
}

/** The China wall-clock time (`HH:mm`) at the given instant. */
export function chinaTime(instant: Date | string | number): string {
  return chinaClock(instant)?.slice(11, 16) ?? INVALID;
}

/** The months (`YYYY-MM`) from the month of `from` to the month of `to`, both included (dates or months). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const [ty, tm] = to.slice(0, 7).split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}
