import { addDays, chinaDate, chinaInstant, formatChinaDate, monthsBetween } from './time';

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

  it('lists the months between two dates, across a year end, both ends included', () => {
    expect(monthsBetween('2025-11-30', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-05', '2026-03-31')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04-01', '2026-03-31')).toEqual([]);
  });
});
