import * as Lunar from 'lunar-typescript';
import {
  addWorkingDays,
  CHINA_HOLIDAYS_2026,
  checkHolidayCalendar,
  DEFAULT_HOLIDAY_CALENDAR,
  isCalendarDate,
  isOverdue,
  isWorkingDay,
  mergeHolidayCalendars,
  TIME_LIMIT_PRESETS,
  workingDaysBetween,
  type HolidayCalendar,
} from './working-days';

/*
 * Reference dates, checked by hand against a 2026 wall calendar (2026-01-01 is a Thursday):
 *   2026-03-02 Mon … 03-06 Fri, 03-07 Sat, 03-08 Sun, 03-09 Mon, 03-10 Tue … 03-13 Fri, 03-16 Mon … 03-19 Thu
 *   2026-02-13 Fri, 02-14 Sat (调休上班), 02-15 Sun … 02-23 Mon 春节 off, 02-24 Tue, 02-25 Wed
 *   2026-04-30 Thu, 05-01 Fri … 05-05 Tue 劳动节 off, 05-06 Wed, 05-08 Fri, 05-09 Sat (调休上班), 05-11 Mon
 *   2026-09-30 Wed, 10-01 Thu … 10-07 Wed 国庆 off, 10-08 Thu, 10-09 Fri, 10-10 Sat (调休上班)
 * China is UTC+8 all year: 16:00Z is midnight in China.
 */
const CAL = CHINA_HOLIDAYS_2026;
const NO_HOLIDAYS: HolidayCalendar = { holidays: [], workdays: [] };

describe('isWorkingDay', () => {
  it('is Monday–Friday without a calendar', () => {
    expect(isWorkingDay('2026-03-06', NO_HOLIDAYS)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07', NO_HOLIDAYS)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08', NO_HOLIDAYS)).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-09', NO_HOLIDAYS)).toBe(true); // Monday
  });

  it('takes holidays off and counts 调休 weekend days as working days', () => {
    expect(isWorkingDay('2026-10-01', CAL)).toBe(false); // 国庆, a Thursday
    expect(isWorkingDay('2026-10-03', CAL)).toBe(false); // 国庆, a Saturday
    expect(isWorkingDay('2026-10-08', CAL)).toBe(true); // back to work, Thursday
    expect(isWorkingDay('2026-10-10', CAL)).toBe(true); // 调休 Saturday
    expect(isWorkingDay('2026-09-20', CAL)).toBe(true); // 调休 Sunday
    expect(isWorkingDay('2026-02-14', CAL)).toBe(true); // 调休 Saturday before 春节
    expect(isWorkingDay('2026-02-23', CAL)).toBe(false); // last day of 春节, a Monday
  });

  it('lets an explicit 调休 entry win over a holiday entry for the same date', () => {
    expect(isWorkingDay('2026-03-07', { holidays: ['2026-03-07'], workdays: ['2026-03-07'] })).toBe(true);
  });

  it('refuses malformed or non-existent dates', () => {
    expect(() => isWorkingDay('2026-02-30', CAL)).toThrow(RangeError);
    expect(() => isWorkingDay('2026/03/01', CAL)).toThrow(RangeError);
    expect(() => isWorkingDay('2026-03-01', { holidays: ['3月1日'], workdays: [] })).toThrow(RangeError);
  });
});

describe('the 2026 default calendar', () => {
  it('is the default and agrees with lunar-typescript’s official holiday table on every day of 2026', () => {
    expect(DEFAULT_HOLIDAY_CALENDAR).toBe(CHINA_HOLIDAYS_2026);
    const official = new Map(Lunar.HolidayUtil.getHolidays(2026).map((h) => [h.getDay(), h.isWork()]));
    expect(official.size).toBeGreaterThan(30); // the table really has 2026 data
    const disagreements: string[] = [];
    for (let d = new Date(Date.UTC(2026, 0, 1)); d.getUTCFullYear() === 2026; d = new Date(d.getTime() + 86_400_000)) {
      const date = d.toISOString().slice(0, 10);
      const weekday = d.getUTCDay();
      const expected = official.get(date) ?? (weekday !== 0 && weekday !== 6);
      if (isWorkingDay(date, CAL) !== expected) disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
  });

  it('has 19 weekday holidays and 6 调休 working days, all well formed', () => {
    expect(CAL.holidays).toHaveLength(19);
    expect(CAL.workdays).toHaveLength(6);
    expect(checkHolidayCalendar(CAL)).toEqual([]);
  });
});

describe('addWorkingDays (the day of receipt does not count; 0 = the same day)', () => {
  it('counts across a weekend', () => {
    // Thursday 10:00 China; Fri (1), Mon (2), Tue (3).
    expect(addWorkingDays('2026-03-05T02:00:00Z', 3, CAL)).toBe('2026-03-10');
    expect(addWorkingDays('2026-03-05T02:00:00Z', 1, CAL)).toBe('2026-03-06');
    expect(addWorkingDays('2026-03-05T02:00:00Z', 2, CAL)).toBe('2026-03-09');
    // Monday, 13 working days: 3–6 (4), 9–13 (9), 16–19 (13).
    expect(addWorkingDays('2026-03-02T01:00:00Z', 13, CAL)).toBe('2026-03-19');
  });

  it('counts across a holiday', () => {
    // Thursday before 劳动节: 05-01 … 05-05 are off, Wednesday 05-06 is the first working day.
    expect(addWorkingDays('2026-04-30T03:00:00Z', 1, CAL)).toBe('2026-05-06');
    // Friday before 春节: Sat 02-14 is worked (1), then off until Tue 02-24 (2), Wed 02-25 (3).
    expect(addWorkingDays('2026-02-13T03:00:00Z', 2, CAL)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-13T03:00:00Z', 3, CAL)).toBe('2026-02-25');
  });

  it('counts a 调休 Saturday as a working day', () => {
    // Friday 2026-05-08: Saturday 05-09 is worked after 劳动节.
    expect(addWorkingDays('2026-05-08T03:00:00Z', 1, CAL)).toBe('2026-05-09');
    expect(addWorkingDays('2026-05-08T03:00:00Z', 1, NO_HOLIDAYS)).toBe('2026-05-11');
    // Wednesday before 国庆: 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat 调休 (3).
    expect(addWorkingDays('2026-09-30T02:00:00Z', 3, CAL)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30T02:00:00Z', 3, NO_HOLIDAYS)).toBe('2026-10-05');
  });

  it('uses the China date of the submission, not the UTC date', () => {
    // Saturday 18:30 in China is Saturday 10:30 UTC (morning): still Saturday, the count starts on Monday.
    expect(addWorkingDays('2026-03-07T10:30:00Z', 1, CAL)).toBe('2026-03-09');
    expect(addWorkingDays(new Date('2026-03-07T10:30:00Z'), 0, CAL)).toBe('2026-03-07');
    // Friday 23:30 UTC is already Saturday 07:30 in China.
    expect(addWorkingDays('2026-03-06T15:59:00Z', 0, CAL)).toBe('2026-03-06');
    expect(addWorkingDays('2026-03-06T23:30:00Z', 0, CAL)).toBe('2026-03-07');
    // Sunday 16:30 UTC is Monday 00:30 in China: Monday is the day of receipt, so 1 working day is Tuesday.
    expect(addWorkingDays('2026-03-08T16:30:00Z', 1, CAL)).toBe('2026-03-10');
    // Thursday 16:30 UTC is Friday 00:30 in China: 1 working day is Monday, not Friday.
    expect(addWorkingDays('2026-03-05T16:30:00Z', 1, CAL)).toBe('2026-03-09');
    // An instant written with a +08:00 offset means the same.
    expect(addWorkingDays('2026-03-06T00:30:00+08:00', 1, CAL)).toBe('2026-03-09');
  });

  it('is due the same China day with a limit of 0, even on a weekend or holiday', () => {
    expect(addWorkingDays('2026-03-05T02:00:00Z', 0, CAL)).toBe('2026-03-05');
    expect(addWorkingDays('2026-03-08T02:00:00Z', 0, CAL)).toBe('2026-03-08'); // Sunday
    expect(addWorkingDays('2026-10-01T02:00:00Z', 0, CAL)).toBe('2026-10-01'); // 国庆
  });

  it('takes a bare YYYY-MM-DD as a China date', () => {
    expect(addWorkingDays('2026-03-07', 1, CAL)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-07', 0, CAL)).toBe('2026-03-07');
  });

  it('counts across a year end into plain weeks when the calendar stops', () => {
    // 2026-12-31 is a Thursday; 2027 is not in the 2026 calendar, so 2027-01-01 (Friday) counts.
    expect(addWorkingDays('2026-12-31T02:00:00Z', 1, CAL)).toBe('2027-01-01');
    const with2027 = mergeHolidayCalendars(CAL, { holidays: ['2027-01-01'], workdays: [] });
    expect(addWorkingDays('2026-12-31T02:00:00Z', 1, with2027)).toBe('2027-01-04');
  });

  it('refuses impossible limits and inputs', () => {
    expect(() => addWorkingDays('2026-03-05T02:00:00Z', -1, CAL)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-05T02:00:00Z', 1.5, CAL)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-05T02:00:00Z', 100_000, CAL)).toThrow(RangeError);
    expect(() => addWorkingDays('not a date', 1, CAL)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(Number.NaN), 1, CAL)).toThrow(RangeError);
  });
});

describe('workingDaysBetween (working days in (from, to])', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2026-03-05', '2026-03-10', CAL)).toBe(3);
    expect(workingDaysBetween('2026-03-05', '2026-03-05', CAL)).toBe(0);
    expect(workingDaysBetween('2026-03-06', '2026-03-08', CAL)).toBe(0); // Friday → Sunday
    expect(workingDaysBetween('2026-09-30', '2026-10-10', CAL)).toBe(3);
    expect(workingDaysBetween('2026-02-13', '2026-02-24', CAL)).toBe(2);
  });

  it('is negative when the second date is earlier', () => {
    expect(workingDaysBetween('2026-03-10', '2026-03-05', CAL)).toBe(-3);
    expect(workingDaysBetween('2026-03-08', '2026-03-07', CAL)).toBe(0);
    expect(Object.is(workingDaysBetween('2026-03-08', '2026-03-07', CAL), -0)).toBe(false);
  });

  it('accepts instants and uses their China dates', () => {
    // Friday 23:30 UTC = Saturday in China; to Monday = 1 working day.
    expect(workingDaysBetween('2026-03-06T23:30:00Z', '2026-03-09', CAL)).toBe(1);
    expect(workingDaysBetween(new Date('2026-03-06T10:00:00Z'), new Date('2026-03-09T16:30:00Z'), CAL)).toBe(2);
  });

  it('undoes addWorkingDays for every limit from 1 to 40, from every day of autumn 2026', () => {
    const failures: string[] = [];
    for (let start = Date.UTC(2026, 8, 1); start < Date.UTC(2026, 10, 1); start += 86_400_000) {
      const from = new Date(start).toISOString().slice(0, 10);
      for (let n = 1; n <= 40; n += 1) {
        const due = addWorkingDays(from, n, CAL);
        if (!isWorkingDay(due, CAL) || workingDaysBetween(from, due, CAL) !== n) failures.push(`${from} +${n} → ${due}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses an absurd span', () => {
    expect(() => workingDaysBetween('2026-01-01', '2046-01-01', CAL)).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  it('is overdue once the China date is after the due date', () => {
    expect(isOverdue('2026-03-10', '2026-03-10T01:00:00Z')).toBe(false);
    expect(isOverdue('2026-03-10', '2026-03-10T15:59:59Z')).toBe(false); // 23:59:59 in China
    expect(isOverdue('2026-03-10', '2026-03-10T16:00:00Z')).toBe(true); // 00:00 on the 11th in China
    expect(isOverdue('2026-03-10', new Date('2026-03-09T20:00:00Z'))).toBe(false);
    expect(isOverdue('2026-03-10', Date.parse('2026-03-11T02:00:00Z'))).toBe(true);
  });

  it('refuses a malformed due date', () => {
    expect(() => isOverdue('3月10日', '2026-03-10T01:00:00Z')).toThrow(RangeError);
  });
});

describe('calendar configuration helpers', () => {
  it('merges calendars without duplicates, sorted', () => {
    const merged = mergeHolidayCalendars(
      { holidays: ['2027-01-01', '2026-10-01'], workdays: [] },
      { holidays: ['2026-10-01'], workdays: ['2026-10-10'] },
    );
    expect(merged).toEqual({ holidays: ['2026-10-01', '2027-01-01'], workdays: ['2026-10-10'] });
  });

  it('reports problems in a configured calendar in Chinese', () => {
    const problems = checkHolidayCalendar({ holidays: ['2026-10-01', '2026-10-32', '2026-10-10'], workdays: ['2026-10-10', '2026-10-09'] });
    expect(problems).toEqual([
      '日期格式不对：2026-10-32（应为 YYYY-MM-DD）',
      '2026年10月10日 既是放假日又是调休上班日',
      '调休上班日应是周末：2026年10月9日 本来就是工作日',
    ]);
  });

  it('offers the usual time limits', () => {
    expect(TIME_LIMIT_PRESETS.emergency.workingDays).toBe(0);
    expect(TIME_LIMIT_PRESETS.consultation.workingDays).toBe(3);
    expect(TIME_LIMIT_PRESETS.suggestion.workingDays).toBe(13);
  });
});

describe('isCalendarDate', () => {
  it('accepts existing YYYY-MM-DD dates only', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-28')).toBe(false);
    expect(isCalendarDate('2026-02-28T00:00:00Z')).toBe(false);
  });
});
