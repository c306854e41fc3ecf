import * as Lunar from 'lunar-typescript';
import {
  describeRule,
  expandSchedule,
  lunarDayName,
  lunarDayOf,
  MAX_EXPAND_DAYS,
  nextMarketDays,
  NEXT_MARKET_DAYS_HORIZON,
  type ScheduleRule,
} from './schedule';
import { scheduleRuleSchema, upsertVenueRequest } from './schemas/venue';

const S1 = '01J9Z8Y7X6W5V4T3S2R1Q0P9NM';
const S2 = '01J9Z8Y7X6W5V4T3S2R1Q0P9NN';
const FENG_369 = [3, 6, 9, 13, 16, 19, 23, 26, 29];

const times = { startTime: '07:30', endTime: '11:00', serviceIds: [S1] };
const lunar = (days: number[], extra: Partial<ScheduleRule> = {}) => ({ kind: 'lunar', days, ...times, ...extra }) as ScheduleRule;
const weekly = (weekdays: number[], extra: Partial<ScheduleRule> = {}) => ({ kind: 'weekly', weekdays, ...times, ...extra }) as ScheduleRule;
const monthly = (days: number[], extra: Partial<ScheduleRule> = {}) => ({ kind: 'monthly', days, ...times, ...extra }) as ScheduleRule;
const single = (date: string, extra: Partial<ScheduleRule> = {}) => ({ kind: 'date', date, ...times, ...extra }) as ScheduleRule;
const dates = (rules: ScheduleRule[], from: string, to: string) => expandSchedule(rules, from, to).map((d) => d.date);

/*
 * Reference dates, checked by hand. Lunar month starts come from lunar-typescript
 * (Lunar.fromYmd(y, m, 1).getSolar()) and agree with published calendars:
 *   2025 正月初一 (Spring Festival)  2025-01-29   (well known)
 *   2025 五月初五 (端午)              2025-05-31   (well known; 五月 starts 2025-05-27)
 *   2025 六月   30 days               2025-06-25 … 2025-07-24
 *   2025 闰六月 29 days               2025-07-25 … 2025-08-22   (well known: the 2025 leap month)
 *   2025 七月   30 days               2025-08-23 … 2025-09-21
 *   2025 八月十五 (中秋)              2025-10-06   (well known; 八月 starts 2025-09-22)
 *   2026 正月   30 days               2026-02-17 … 2026-03-18   (2026 Spring Festival, well known)
 *   2026 二月   29 days (小月)        2026-03-19 … 2026-04-16
 *   2026 三月   30 days               2026-04-17 … 2026-05-16
 *   2026 八月十五 (中秋)              2026-09-25   (well known; 八月 starts 2026-09-11)
 *   2028 闰五月 29 days               2028-06-23 … 2028-07-21
 * The n-th day of a month is its first day + (n − 1); e.g. 闰六月十三 = 07-25 + 12 = 2025-08-06.
 * Weekdays: 2026-01-01 is a Thursday, so 2026-02-01 and 2026-03-01 are Sundays.
 */

describe('lunarDayOf', () => {
  it('knows the Spring Festivals and other well-known days', () => {
    expect(lunarDayOf('2026-02-17')).toEqual({ month: 1, day: 1, isLeapMonth: false, label: '正月初一' });
    expect(lunarDayOf('2025-01-29')).toEqual({ month: 1, day: 1, isLeapMonth: false, label: '正月初一' });
    expect(lunarDayOf('2025-05-31').label).toBe('五月初五');
    expect(lunarDayOf('2025-10-06').label).toBe('八月十五');
    expect(lunarDayOf('2026-09-25').label).toBe('八月十五');
    expect(lunarDayOf('2025-11-22').label).toBe('十月初三');
  });

  it('labels the leap month 闰六月 with a positive month number and isLeapMonth', () => {
    expect(lunarDayOf('2025-07-24')).toEqual({ month: 6, day: 30, isLeapMonth: false, label: '六月三十' });
    expect(lunarDayOf('2025-07-25')).toEqual({ month: 6, day: 1, isLeapMonth: true, label: '闰六月初一' });
    expect(lunarDayOf('2025-08-06')).toEqual({ month: 6, day: 13, isLeapMonth: true, label: '闰六月十三' });
    expect(lunarDayOf('2025-08-22')).toEqual({ month: 6, day: 29, isLeapMonth: true, label: '闰六月廿九' });
    expect(lunarDayOf('2025-08-23')).toEqual({ month: 7, day: 1, isLeapMonth: false, label: '七月初一' });
  });

  it('uses the customary names 冬月 and 腊月 for the 11th and 12th months', () => {
    expect(lunarDayOf('2025-12-20').label).toBe('冬月初一');
    expect(lunarDayOf('2026-01-19').label).toBe('腊月初一');
    expect(lunarDayOf('2026-02-16').label).toBe('腊月廿九'); // 2025 腊月 has 29 days: New Year's Eve is the 29th
  });

  it('names days 1–30 as lunar-typescript does', () => {
    const names = Array.from({ length: 30 }, (_, i) => lunarDayName(i + 1));
    expect(names.slice(0, 3)).toEqual(['初一', '初二', '初三']);
    expect([names[9], names[10], names[19], names[20], names[29]]).toEqual(['初十', '十一', '二十', '廿一', '三十']);
    // 2026 正月 has 30 days.
    expect(names).toEqual(Array.from({ length: 30 }, (_, i) => Lunar.Lunar.fromYmd(2026, 1, i + 1).getDayInChinese()));
  });

  it('rejects dates that do not exist', () => {
    expect(() => lunarDayOf('2026-02-30')).toThrow(RangeError);
    expect(() => lunarDayOf('2026-2-3')).toThrow(RangeError);
  });
});

describe('expandSchedule', () => {
  it('expands 逢三六九 across the 2025 leap month, which keeps meeting on its 3rd, 6th, 9th …', () => {
    const days = expandSchedule([lunar(FENG_369)], '2025-07-20', '2025-08-31');
    expect(days.map((d) => d.date)).toEqual([
      '2025-07-20', // 六月廿六
      '2025-07-23', // 六月廿九
      '2025-07-27', // 闰六月初三
      '2025-07-30', // 闰六月初六
      '2025-08-02', // 闰六月初九
      '2025-08-06', // 闰六月十三
      '2025-08-09', // 闰六月十六
      '2025-08-12', // 闰六月十九
      '2025-08-16', // 闰六月廿三
      '2025-08-19', // 闰六月廿六
      '2025-08-22', // 闰六月廿九
      '2025-08-25', // 七月初三
      '2025-08-28', // 七月初六
      '2025-08-31', // 七月初九
    ]);
    expect(days.slice(2, 11).map((d) => lunarDayOf(d.date).label)).toEqual([
      '闰六月初三', '闰六月初六', '闰六月初九', '闰六月十三', '闰六月十六', '闰六月十九', '闰六月廿三', '闰六月廿六', '闰六月廿九',
    ]);
    expect(days[0]).toEqual({ date: '2025-07-20', startTime: '07:30', endTime: '11:00', serviceIds: [S1], ruleIndex: 0 });
  });

  it('has no 30th in a 29-day lunar month, but does have its 29th', () => {
    // 2026 二月 has 29 days (ends 2026-04-16); 三月 has 30 (2026-04-17 … 2026-05-16).
    expect(dates([lunar([29, 30])], '2026-04-10', '2026-05-20')).toEqual(['2026-04-16', '2026-05-15', '2026-05-16']);
    // 2025 六月 has 30 days, its leap month 29: the 30th occurs only in the first.
    expect(dates([lunar([30])], '2025-07-01', '2025-09-21')).toEqual(['2025-07-24', '2025-09-21']);
    // Day 1 and 15 (初一、十五) over the same span, as a second check of the month starts.
    expect(dates([lunar([1, 15])], '2025-07-01', '2025-09-21')).toEqual(['2025-07-09', '2025-07-25', '2025-08-08', '2025-08-23', '2025-09-06']);
  });

  it('agrees with a direct lunar conversion of every day over four years (incl. the 2028 leap month)', () => {
    // 2024-12-01 … 2028-12-31 is 31 + 365 + 365 + 365 + 366 = 1492 days; each has exactly one lunar day.
    const all = dates([lunar(Array.from({ length: 30 }, (_, i) => i + 1))], '2024-12-01', '2028-12-31');
    expect(all).toHaveLength(1492);
    const direct = new Map(all.map((date) => [date, lunarDayOf(date)]));
    let total = 0;
    for (let day = 1; day <= 30; day++) {
      const hits = dates([lunar([day])], '2024-12-01', '2028-12-31');
      expect(hits.filter((date) => direct.get(date)?.day !== day)).toEqual([]);
      total += hits.length;
    }
    expect(total).toBe(1492);
    const leapFifteens = dates([lunar([15])], '2024-12-01', '2028-12-31').map((date) => direct.get(date)!).filter((l) => l.isLeapMonth);
    expect(leapFifteens.map((l) => l.label)).toEqual(['闰六月十五', '闰五月十五']);
  });

  it('expands a weekly rule across a week boundary (Sunday is 7, Monday 1)', () => {
    // 2026-03-04 is a Wednesday. Mon/Fri/Sun: 03-06 Fri, 03-08 Sun, 03-09 Mon, 03-13 Fri, 03-15 Sun, 03-16 Mon.
    const expected = ['2026-03-06', '2026-03-08', '2026-03-09', '2026-03-13', '2026-03-15', '2026-03-16'];
    expect(dates([weekly([1, 5, 7])], '2026-03-04', '2026-03-17')).toEqual(expected);
  });

  it('does not depend on the zone the code runs in (China has no DST; hosts may)', () => {
    const before = process.env.TZ;
    try {
      // The US changes its clocks on 2026-03-08, Europe on 2026-03-29 and 2026-10-25.
      for (const tz of ['America/New_York', 'Europe/Berlin', 'Asia/Shanghai', 'UTC']) {
        process.env.TZ = tz;
        expect(dates([weekly([1, 5, 7])], '2026-03-04', '2026-03-17')).toEqual(['2026-03-06', '2026-03-08', '2026-03-09', '2026-03-13', '2026-03-15', '2026-03-16']);
        expect(dates([weekly([7])], '2026-03-28', '2026-03-30')).toEqual(['2026-03-29']);
        expect(dates([weekly([7])], '2026-10-24', '2026-10-26')).toEqual(['2026-10-25']);
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('skips a monthly day the month lacks (31 in April and June, 29–31 in February)', () => {
    expect(dates([monthly([15, 31])], '2026-04-01', '2026-07-31')).toEqual(['2026-04-15', '2026-05-15', '2026-05-31', '2026-06-15', '2026-07-15', '2026-07-31']);
    expect(dates([monthly([29, 30, 31])], '2026-02-01', '2026-02-28')).toEqual([]);
    expect(dates([monthly([29])], '2028-02-01', '2028-03-01')).toEqual(['2028-02-29']); // 2028 is a leap year
  });

  it('expands a single date only when it is in range', () => {
    expect(expandSchedule([single('2026-12-01')], '2026-11-01', '2026-12-31')).toEqual([
      { date: '2026-12-01', startTime: '07:30', endTime: '11:00', serviceIds: [S1], ruleIndex: 0 },
    ]);
    expect(dates([single('2026-12-01')], '2026-12-02', '2026-12-31')).toEqual([]);
    expect(dates([single('2026-12-01')], '2026-12-01', '2026-12-01')).toEqual(['2026-12-01']);
  });

  it('keeps to a rule’s from/until bounds, both inclusive', () => {
    // Tuesdays in March 2026: 03, 10, 17, 24, 31.
    expect(dates([weekly([2])], '2026-03-01', '2026-03-31')).toEqual(['2026-03-03', '2026-03-10', '2026-03-17', '2026-03-24', '2026-03-31']);
    expect(dates([weekly([2], { from: '2026-03-10', until: '2026-03-24' })], '2026-03-01', '2026-03-31')).toEqual(['2026-03-10', '2026-03-17', '2026-03-24']);
    expect(dates([weekly([2], { from: '2026-03-11' })], '2026-03-01', '2026-03-31')).toEqual(['2026-03-17', '2026-03-24', '2026-03-31']);
    expect(dates([lunar(FENG_369, { until: '2025-07-27' })], '2025-07-20', '2025-08-31')).toEqual(['2025-07-20', '2025-07-23', '2025-07-27']);
  });

  it('keeps one market day when two rules hit the same date: the earliest rule wins', () => {
    // 2026 正月 (from 2026-02-17): 逢三六九 = 02-19, 02-22, 02-25, 03-01, 03-04, 03-07, 03-11, 03-14, 03-17.
    // Sundays: 02-22, 03-01, 03-08, 03-15 — the first two are also 初六 and 十三.
    const market = lunar(FENG_369);
    const sunday = weekly([7], { startTime: '14:00', endTime: '16:00', serviceIds: [S2] });
    const days = expandSchedule([market, sunday], '2026-02-17', '2026-03-18');
    expect(days.map((d) => `${d.date}#${d.ruleIndex}`)).toEqual([
      '2026-02-19#0', '2026-02-22#0', '2026-02-25#0', '2026-03-01#0', '2026-03-04#0', '2026-03-07#0',
      '2026-03-08#1', '2026-03-11#0', '2026-03-14#0', '2026-03-15#1', '2026-03-17#0',
    ]);
    expect(days.find((d) => d.date === '2026-02-22')).toMatchObject({ startTime: '07:30', serviceIds: [S1] });
    const reversed = expandSchedule([sunday, market], '2026-02-22', '2026-02-22');
    expect(reversed).toEqual([{ date: '2026-02-22', startTime: '14:00', endTime: '16:00', serviceIds: [S2], ruleIndex: 0 }]);
  });

  it('returns fresh service lists, so a caller cannot change the rule through a market day', () => {
    const rule = weekly([1]);
    const [day] = expandSchedule([rule], '2026-03-02', '2026-03-02');
    day.serviceIds.push(S2);
    expect(rule.serviceIds).toEqual([S1]);
  });

  it('handles empty input, reversed ranges and bad dates', () => {
    expect(expandSchedule([], '2026-01-01', '2026-12-31')).toEqual([]);
    expect(expandSchedule([weekly([1])], '2026-03-10', '2026-03-01')).toEqual([]);
    expect(() => expandSchedule([weekly([1])], '2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => expandSchedule([weekly([1])], '2026-01-01', 'tomorrow')).toThrow(RangeError);
    expect(() => expandSchedule([weekly([1])], '2020-01-01', '2030-12-31')).toThrow(RangeError);
  });

  it('stays fast over its longest range (linear in days)', () => {
    const rules = [lunar(FENG_369), weekly([2, 5]), monthly([1, 15]), single('2030-06-01')];
    const started = Date.now();
    const days = expandSchedule(rules, '2026-01-01', '2036-01-05');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(days.length).toBeGreaterThan(1000);
    expect(MAX_EXPAND_DAYS).toBeGreaterThanOrEqual(3653);
  });
});

describe('nextMarketDays', () => {
  it('gives the next market days, counting the start date itself', () => {
    expect(nextMarketDays([lunar(FENG_369)], '2025-07-27', 3).map((d) => d.date)).toEqual(['2025-07-27', '2025-07-30', '2025-08-02']);
    expect(nextMarketDays([lunar(FENG_369)], '2025-07-24', 2).map((d) => lunarDayOf(d.date).label)).toEqual(['闰六月初三', '闰六月初六']);
  });

  it('returns fewer when the rules run out, and none for a count of 0', () => {
    expect(nextMarketDays([single('2026-12-01')], '2026-11-01', 5).map((d) => d.date)).toEqual(['2026-12-01']);
    expect(nextMarketDays([lunar(FENG_369)], '2025-07-27', 0)).toEqual([]);
    expect(nextMarketDays([weekly([1], { until: '2026-03-01' })], '2026-03-02', 3)).toEqual([]);
  });

  it(`looks ${NEXT_MARKET_DAYS_HORIZON} days ahead and no further`, () => {
    // 2026-01-01 + 400 days = 2027-02-05.
    expect(nextMarketDays([single('2027-02-05')], '2026-01-01', 1).map((d) => d.date)).toEqual(['2027-02-05']);
    expect(nextMarketDays([single('2027-02-06')], '2026-01-01', 1)).toEqual([]);
  });
});

describe('describeRule', () => {
  it('describes weekly, monthly and single-date rules with their time window', () => {
    expect(describeRule(weekly([5, 2], { startTime: '08:00', endTime: '11:30' }))).toBe('每周二、周五 08:00–11:30');
    expect(describeRule(weekly([7]))).toBe('每周日 07:30–11:00');
    expect(describeRule(weekly([1, 2, 3, 4, 5, 6, 7]))).toBe('每天 07:30–11:00');
    expect(describeRule(monthly([25, 5, 15], { startTime: '08:00', endTime: '11:30' }))).toBe('每月 5、15、25 日 08:00–11:30');
    expect(describeRule(single('2026-12-01', { startTime: '08:00', endTime: '11:30' }))).toBe('2026年12月1日 08:00–11:30');
  });

  it('reads 逢三六九-style lunar patterns naturally and lists other lunar days', () => {
    expect(describeRule(lunar(FENG_369))).toBe('农历逢三六九 07:30–11:00');
    expect(describeRule(lunar([29, 26, 23, 19, 16, 13, 9, 6, 3]))).toBe('农历逢三六九 07:30–11:00');
    expect(describeRule(lunar([1, 6, 11, 16, 21, 26]))).toBe('农历逢一六 07:30–11:00');
    expect(describeRule(lunar([5, 15, 25]))).toBe('农历逢五 07:30–11:00');
    expect(describeRule(lunar([5, 10, 15, 20, 25, 30]))).toBe('农历逢五逢十 07:30–11:00');
    expect(describeRule(lunar([1, 15]))).toBe('农历每月初一、十五 07:30–11:00');
    // Not a complete pattern (23 missing): listed day by day.
    expect(describeRule(lunar([3, 6, 9, 13, 16, 19, 26, 29]))).toBe('农历每月初三、初六、初九、十三、十六、十九、廿六、廿九 07:30–11:00');
    expect(describeRule(lunar([10, 20]))).toBe('农历每月初十、二十 07:30–11:00');
  });

  it('adds the rule’s bounds', () => {
    expect(describeRule(weekly([2], { from: '2026-01-01', until: '2026-06-30' }))).toBe('每周二 07:30–11:00（2026年1月1日至2026年6月30日）');
    expect(describeRule(lunar(FENG_369, { from: '2026-03-01' }))).toBe('农历逢三六九 07:30–11:00（2026年3月1日起）');
    expect(describeRule(monthly([5], { until: '2026-12-31' }))).toBe('每月 5 日 07:30–11:00（至2026年12月31日）');
  });
});

describe('scheduleRuleSchema', () => {
  const messages = (value: unknown) => {
    const result = scheduleRuleSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts each kind of rule', () => {
    for (const rule of [lunar(FENG_369), weekly([1, 7]), monthly([1, 31]), single('2026-12-01', { from: '2026-11-01', until: '2026-12-31' })]) {
      expect(scheduleRuleSchema.parse(rule)).toEqual(rule);
    }
  });

  it('checks ranges, empties and duplicates, naming the field', () => {
    expect(messages(weekly([0]))).toEqual(['weekdays.0: 星期应在 1–7 之间']);
    expect(messages(weekly([8]))).toEqual(['weekdays.0: 星期应在 1–7 之间']);
    expect(messages(weekly([]))).toEqual(['weekdays: 请至少选择一个星期']);
    expect(messages(weekly([2, 2]))).toEqual(['weekdays: 星期不能重复']);
    expect(messages(monthly([32]))).toEqual(['days.0: 每月日期应在 1–31 日之间']);
    expect(messages(lunar([31]))).toEqual(['days.0: 农历日期应在 1–30 日之间']);
    expect(messages(lunar([1.5]))).toEqual(['days.0: 农历日期应为整数']);
    expect(messages(lunar([]))).toEqual(['days: 请至少选择一个农历日期']);
    expect(messages(lunar(FENG_369, { serviceIds: [] }))).toEqual(['serviceIds: 请至少选择一项服务']);
    expect(messages(lunar(FENG_369, { serviceIds: [S1, S1] }))).toEqual(['serviceIds: 服务项目不能重复']);
    expect(messages(lunar(FENG_369, { serviceIds: ['abc'] }))).toEqual(['serviceIds.0: 编号格式不正确']);
  });

  it('checks times and dates', () => {
    expect(messages(weekly([1], { startTime: '11:00', endTime: '08:00' }))).toEqual(['endTime: 结束时间应晚于开始时间']);
    expect(messages(weekly([1], { startTime: '08:00', endTime: '08:00' }))).toEqual(['endTime: 结束时间应晚于开始时间']);
    expect(messages(weekly([1], { startTime: '8:00' }))).toEqual(['startTime: 时间格式应为 时:分']);
    expect(messages({ kind: 'weekly', weekdays: [1], endTime: '11:00', serviceIds: [S1] })).toEqual(['startTime: 请填写开始时间']);
    expect(messages(weekly([1], { from: '2026-03-10', until: '2026-03-01' }))).toEqual(['until: 截止日期不能早于起始日期']);
    expect(messages(weekly([1], { from: '2026-02-30' }))).toEqual(['from: 起始日期不是有效的日期']);
    expect(messages(weekly([1], { from: '2026/03/01' }))).toEqual(['from: 日期格式应为 年-月-日']);
    expect(messages(single('2026-12-01', { until: '2026-11-30' }))).toEqual(['date: 日期应在起始日期与截止日期之间']);
    expect(messages({ kind: 'date', ...times })).toEqual(['date: 请选择日期']);
  });

  it('rejects unknown kinds and unknown fields', () => {
    expect(messages({ kind: 'yearly', days: [1], ...times })).toEqual(['kind: 请选择排期类型（单日、每周、每月或农历）']);
    expect(messages({ ...weekly([1]), days: [1] })).toEqual([': 包含不允许提交的字段']);
  });
});

describe('upsertVenueRequest', () => {
  const venue = { name: '  马集 ', address: '马集镇中心街集市口', rules: [lunar(FENG_369)] };

  it('accepts a venue with 1–5 rules and trims its text', () => {
    expect(upsertVenueRequest.parse(venue)).toEqual({ ...venue, name: '马集' });
    expect(upsertVenueRequest.safeParse({ ...venue, rules: Array(5).fill(weekly([1])) }).success).toBe(true);
  });

  it('checks name, address and the number of rules', () => {
    const first = (value: unknown) => {
      const result = upsertVenueRequest.safeParse(value);
      return result.success ? null : result.error.issues[0].message;
    };
    expect(first({ ...venue, name: '集' })).toBe('地点名称至少 2 个字');
    expect(first({ ...venue, name: '集'.repeat(41) })).toBe('地点名称不能超过 40 个字');
    expect(first({ ...venue, address: '中心街' })).toBe('请填写详细地址（至少 5 个字）');
    expect(first({ ...venue, address: '街'.repeat(101) })).toBe('地址不能超过 100 个字');
    expect(first({ ...venue, rules: [] })).toBe('请至少添加一条排期规则');
    expect(first({ ...venue, rules: Array(6).fill(weekly([1])) })).toBe('排期规则最多 5 条');
    expect(first({ name: '马集', address: '马集镇中心街集市口' })).toBe('请至少添加一条排期规则');
    expect(first({ ...venue, rules: [weekly([1], { startTime: '12:00' })] })).toBe('结束时间应晚于开始时间');
  });
});
