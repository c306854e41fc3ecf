import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Everything a person sees is in China time, whatever zone the code runs in (Lambda runs in UTC). */
export const CHINA_TZ = 'Asia/Shanghai';

/** The calendar date (`YYYY-MM-DD`) in China at the given instant. */
export function chinaDate(instant: Date | string | number): string {
  return dayjs(instant).tz(CHINA_TZ).format('YYYY-MM-DD');
}

/** Adds whole days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return dayjs.tz(date, CHINA_TZ).add(days, 'day').format('YYYY-MM-DD');
}

/** The UTC instant (ISO 8601) of a China wall-clock date and time. */
export function chinaInstant(date: string, time: string): string {
  return dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm', CHINA_TZ).toISOString();
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `11月22日 周日` — how a date is shown in the UI. */
export function formatChinaDate(date: string): string {
  const d = dayjs.tz(date, CHINA_TZ);
  return `${d.month() + 1}月${d.date()}日 周${WEEKDAYS[d.day()]}`;
}

/** The China wall-clock time (`HH:mm`) at the given instant. */
export function chinaTime(instant: Date | string | number): string {
  return dayjs(instant).tz(CHINA_TZ).format('HH:mm');
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
