import { addDays, chinaDate, chinaInstant, chinaTime, formatChinaDate, monthsBetween } from './time';

describe('China time', () => {
  it('gives the China calendar date whatever zone the server runs in', () => {
    // 2026-11-22 17:30 UTC is already 2026-11-23 01:30 in Shanghai.
    expect(chinaDate('2026-11-22T17:30:00Z')).toBe('2026-11-23');
    expect(chinaDate('2026-11-22T15:59:59Z')).toBe('2026-11-22');
  });

  it('turns a China wall-clock time into a UTC instant', () => {
    expect(chinaInstant('2026-11-23', '08:00')).toBe('2026-11-23T00:00:00.000Z');
  });

  it('adds days across month ends and formats dates for people', () => {
    expect(addDays('2026-11-29', 3)).toBe('2026-12-02');
    expect(formatChinaDate('2026-11-22')).toBe('11月22日 周日');
  });

  it('is plain UTC+8 arithmetic: year ends, leap days, the wall clock, back and forth', () => {
    expect(chinaDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
    expect(chinaTime('2026-12-31T16:00:00.000Z')).toBe('00:00');
    expect(chinaTime(new Date('2026-11-23T03:45:59.999Z'))).toBe('11:45');
    expect(chinaDate(Date.parse('2026-11-23T15:59:59.999Z'))).toBe('2026-11-23');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(chinaInstant('2027-01-01', '07:59')).toBe('2026-12-31T23:59:00.000Z');
    expect(formatChinaDate('2028-02-29')).toBe('2月29日 周二');
    for (const instant of ['2026-03-08T18:30:00.000Z', '2026-07-01T00:00:00.000Z']) expect(chinaInstant(chinaDate(instant), chinaTime(instant))).toBe(instant);
    expect(chinaDate('not a date')).toBe('Invalid Date');
  });

  it('lists the months between two dates, across a year end, both ends included', () => {
    expect(monthsBetween('2025-11-30', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-05', '2026-03-31')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04-01', '2026-03-31')).toEqual([]);
  });
});
