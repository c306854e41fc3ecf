import { calendarOfYears, calendarWarning, checkHolidayYear, missingYearsTouched, weekendsOnlyNote, yearsAround } from './holiday-years';
import { addWorkingDays, CHINA_HOLIDAYS_2026 } from './working-days';

const Y2026 = { year: 2026, source: '国办发明电〔2025〕7号', ...CHINA_HOLIDAYS_2026 };

describe('the national calendar as data', () => {
  it('spans this year and the next, in China time', () => {
    expect(yearsAround('2026-12-31T16:30:00Z')).toEqual([2027, 2028]); // already 1 January in China
    expect(yearsAround('2026-06-01T00:00:00Z')).toEqual([2026, 2027]);
  });

  it('counts 春节 with the year entered, and weekends only without it (and says which year)', () => {
    const own = { holidays: ['2026-12-31'], workdays: [] };
    const { calendar, missing } = calendarOfYears([2026, 2027], [Y2026, undefined], own);
    expect(missing).toEqual([2027]);
    expect(calendar.holidays).toContain('2026-02-17');
    expect(calendar.holidays).toContain('2026-12-31'); // the studio's own day off
    // 13 working days from Monday 2026-02-09: 春节 (2/16–2/23 off; Saturdays 2/14 and 2/28 worked) pushes it to 4 March
    expect(addWorkingDays('2026-02-09', 13, calendar)).toBe('2026-03-04');
    expect(missingYearsTouched('2026-12-28', addWorkingDays('2026-12-28', 5, calendar), missing)).toEqual([2027]);
    expect(missingYearsTouched('2026-12-01', '2026-12-10', missing)).toEqual([]);
    expect(weekendsOnlyNote([2027])).toBe('2027年的法定节假日安排尚未录入，这个期限只按周末计算');
  });

  it('warns admins from 1 November when next year is missing, and at once when this year is', () => {
    expect(calendarWarning('2026-10-31T10:00:00Z', [2026])).toBeUndefined();
    expect(calendarWarning('2026-11-01T10:00:00Z', [2026])).toMatch(/^2027年的国家法定节假日安排还没有录入/);
    expect(calendarWarning('2026-11-01T10:00:00Z', [2026, 2027])).toBeUndefined();
    expect(calendarWarning('2027-01-05T10:00:00Z', [2026])).toMatch(/^2027年/);
  });

  it('refuses dates of another year and the calendar’s own problems', () => {
    expect(checkHolidayYear(2027, { holidays: ['2027-02-08', '2026-12-31'], workdays: ['2027-02-10'] })).toEqual(['2026-12-31 不在 2027 年', '调休上班日应是周末：2027年2月10日 本来就是工作日']);
    expect(checkHolidayYear(2026, CHINA_HOLIDAYS_2026)).toEqual([]);
  });
});
