import { holidayYearRequest } from '@shared/schemas/holiday-calendar';
import { checkHolidayYear } from '@shared/submission/holiday-years';
import { CHINA_HOLIDAYS_2026 } from '@shared/submission/working-days';
import { parseWith } from '@shared/validation';
import type { Deps } from '../deps';
import { ValidationError } from '../errors';
import type { StoredHolidayYear } from './holiday-calendar.repository';

type CalendarDeps = Pick<Deps, 'holidayCalendars' | 'now'>;

/** The years the product ships with (entered for a fresh deployment by `npm run holidays -- seed`, and by the demo). */
export const BUILT_IN_YEARS = [{ year: 2026, source: '国办发明电〔2025〕7号（国务院办公厅关于2026年部分节假日安排的通知）', ...CHINA_HOLIDAYS_2026 }];

/**
 * An operator enters (or corrects) a year of the national calendar: checked as a whole — every date in that year,
 * 调休 days on weekends, none both off and worked — and stored, replacing what was there. Deadlines set from then on
 * count it; those already set keep their dates.
 */
export async function enterHolidayYear(deps: CalendarDeps, year: number, body: unknown, by: string): Promise<StoredHolidayYear> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ValidationError({ year: '年份应为 2000–2100 之间的整数' });
  const parsed = parseWith(holidayYearRequest, body);
  if (!parsed.ok) throw new ValidationError(parsed.fields);
  const problems = checkHolidayYear(year, parsed.value);
  if (problems.length) throw new ValidationError({ holidays: problems.join('；') });
  const entry: StoredHolidayYear = { year, ...parsed.value, holidays: [...new Set(parsed.value.holidays)].sort(), workdays: [...new Set(parsed.value.workdays)].sort(), updatedAt: deps.now().toISOString(), updatedBy: by };
  await deps.holidayCalendars.put(entry);
  return entry;
}

/** Enters the built-in years that are missing (a fresh deployment, the demo); returns the years entered. */
export async function seedHolidayYears(deps: CalendarDeps, by: string): Promise<number[]> {
  const entered: number[] = [];
  for (const { year, ...body } of BUILT_IN_YEARS) {
    if (await deps.holidayCalendars.get(year)) continue;
    await enterHolidayYear(deps, year, body, by);
    entered.push(year);
  }
  return entered;
}
