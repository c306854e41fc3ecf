/**
 * Venue schedules: rules (单日 / 每周 / 每月 / 农历) and their expansion into market days.
 *
 * Pure functions, no I/O and no Node-only APIs: this file is bundled into the WeChat mini-program too.
 * All dates are China calendar dates (Asia/Shanghai) as `YYYY-MM-DD` strings. A calendar date has no
 * time zone of its own, so the arithmetic below counts whole days on a UTC day line (`Date.UTC`), which
 * gives the same answer whatever zone the code runs in and has no daylight-saving gaps.
 */
import * as Lunar from 'lunar-typescript';
import type { ScheduleRule } from './schemas/venue';

export type { ScheduleRule } from './schemas/venue';

/** One stand-day produced by a venue's rules. `ruleIndex` is the index of the rule that produced it. */
export type MarketDay = {
  date: string;
  startTime: string;
  endTime: string;
  serviceIds: string[];
  ruleIndex: number;
};

/** The longest range `expandSchedule` accepts (about ten years), to keep a bad request cheap. */
export const MAX_EXPAND_DAYS = 3660;
/** How far `nextMarketDays` looks ahead of its start date, in days. */
export const NEXT_MARKET_DAYS_HORIZON = 400;

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

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

type Ymd = { y: number; m: number; d: number };

function fromDayNumber(day: number): Ymd {
  const t = new Date(day * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const pad = (n: number) => String(n).padStart(2, '0');
const formatYmd = ({ y, m, d }: Ymd) => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; 1970-01-01 was a Thursday. */
const isoWeekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

// ---------------------------------------------------------------------------------------------------
// Lunar calendar

const LUNAR_MONTH_NAMES = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十 — the usual names of lunar days. */
export function lunarDayName(day: number): string {
  if (day <= 10) return `初${day === 10 ? '十' : CHINESE_DIGITS[day]}`;
  if (day < 20) return `十${CHINESE_DIGITS[day - 10]}`;
  if (day === 20) return '二十';
  if (day < 30) return `廿${CHINESE_DIGITS[day - 20]}`;
  return '三十';
}

/** 正月, 二月 … 十月, 冬月, 腊月; 闰六月 for a leap month. */
function lunarMonthName(month: number, isLeapMonth: boolean): string {
  return `${isLeapMonth ? '闰' : ''}${LUNAR_MONTH_NAMES[month - 1]}月`;
}

/** The lunar date of a China calendar date, e.g. `2025-08-06` → 闰六月十三 (month 6, isLeapMonth). */
export function lunarDayOf(date: string): { month: number; day: number; isLeapMonth: boolean; label: string } {
  const { y, m, d } = fromDayNumber(toDayNumber(date));
  const lunar = Lunar.Solar.fromYmd(y, m, d).getLunar();
  // lunar-typescript reports a leap month as a negative number (2025's 闰六月 is -6).
  const rawMonth = lunar.getMonth();
  const month = Math.abs(rawMonth);
  const isLeapMonth = rawMonth < 0;
  const day = lunar.getDay();
  return { month, day, isLeapMonth, label: `${lunarMonthName(month, isLeapMonth)}${lunarDayName(day)}` };
}

/** The day number of a lunar month's first day, from lunar-typescript's Julian day. */
function julianToDayNumber(julianDay: number): number {
  const solar = Lunar.Solar.fromJulianDay(julianDay);
  return toDayNumber(formatYmd({ y: solar.getYear(), m: solar.getMonth(), d: solar.getDay() }));
}

/**
 * Walks lunar days alongside solar days, from `firstDay` to `lastDay` one day per call. It lays out the
 * lunar months (leap months included, 29 or 30 days each) once, then counts: lunar-typescript keeps
 * only ONE lunar year in its cache and a year costs milliseconds to compute, so converting each day
 * separately (or stepping with `LunarMonth.next`) would recompute years again and again.
 */
function lunarWalker(firstDay: number, lastDay: number): () => number {
  // `LunarYear.fromYear(y).getMonths()` runs from the 冬月 before lunar year y (which holds the winter
  // solstice, so it starts by 22 December of y − 1) to the 正月 after it (never before 21 January
  // y + 1): the lists for the solar years of the range cover every one of its days. They overlap.
  const months: { start: number; dayCount: number }[] = [];
  for (let year = fromDayNumber(firstDay).y; year <= fromDayNumber(lastDay).y; year++) {
    for (const month of Lunar.LunarYear.fromYear(year).getMonths()) {
      const start = julianToDayNumber(month.getFirstJulianDay());
      if (months.length === 0 || start > months[months.length - 1].start) months.push({ start, dayCount: month.getDayCount() });
    }
  }
  let i = months.findIndex((m) => firstDay >= m.start && firstDay < m.start + m.dayCount);
  if (i < 0) throw new RangeError('Outside the range of the lunar calendar');
  let day = firstDay - 1;
  return () => {
    day += 1;
    while (day >= months[i].start + months[i].dayCount) {
      i += 1;
      if (i >= months.length) throw new RangeError('Outside the range of the lunar calendar');
    }
    return day - months[i].start + 1;
  };
}

// ---------------------------------------------------------------------------------------------------
// Expansion

type CompiledRule = {
  index: number;
  rule: ScheduleRule;
  first: number;
  last: number;
  matches: (day: number, lunarDay: number) => boolean;
};

function compile(rule: ScheduleRule, index: number): CompiledRule {
  const first = rule.from ? toDayNumber(rule.from) : -Infinity;
  const last = rule.until ? toDayNumber(rule.until) : Infinity;
  let matches: CompiledRule['matches'];
  switch (rule.kind) {
    case 'date': {
      const only = toDayNumber(rule.date);
      matches = (day) => day === only;
      break;
    }
    case 'weekly': {
      const weekdays = new Set(rule.weekdays);
      matches = (day) => weekdays.has(isoWeekday(day));
      break;
    }
    case 'monthly': {
      // A day the month lacks (31 in a 30-day month, 29–31 in February) is simply never reached.
      const days = new Set(rule.days);
      matches = (day) => days.has(new Date(day * MS_PER_DAY).getUTCDate());
      break;
    }
    case 'lunar': {
      // Markets follow the day number of the lunar month, so a leap month (闰月) is a month like any
      // other: 逢三六九 meets on 闰六月初三, 初六 … too. Day 30 is never reached in a 29-day month (小月);
      // it is not moved to the 29th.
      const days = new Set(rule.days);
      matches = (_day, lunarDay) => days.has(lunarDay);
      break;
    }
  }
  return { index, rule, first, last, matches };
}

/**
 * Visits the market days from `firstDay` to `lastDay` (day numbers, inclusive) in date order, until
 * `visit` returns false. Linear in the number of days: one pass, constant work per day and rule.
 */
function walkMarketDays(rules: ScheduleRule[], firstDay: number, lastDay: number, visit: (marketDay: MarketDay) => boolean): void {
  if (lastDay < firstDay || rules.length === 0) return;
  const compiled = rules.map(compile);
  const nextLunarDay = compiled.some((c) => c.rule.kind === 'lunar') ? lunarWalker(firstDay, lastDay) : () => 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const lunarDay = nextLunarDay();
    // A venue has at most one stand a day: when several rules hit the same date, the earliest rule in
    // the list wins and the others are ignored for that date.
    const hit = compiled.find((c) => day >= c.first && day <= c.last && c.matches(day, lunarDay));
    if (!hit) continue;
    const { rule } = hit;
    const marketDay: MarketDay = {
      date: formatYmd(fromDayNumber(day)),
      startTime: rule.startTime,
      endTime: rule.endTime,
      serviceIds: [...rule.serviceIds],
      ruleIndex: hit.index,
    };
    if (!visit(marketDay)) return;
  }
}

/**
 * Every market day from `fromDate` to `toDate` (inclusive), sorted by date, at most one per date: when
 * two rules hit the same date the earliest rule in `rules` wins (its times, services and index).
 * An empty list when `toDate` is before `fromDate`; a RangeError for a malformed date or a range
 * longer than `MAX_EXPAND_DAYS`.
 */
export function expandSchedule(rules: ScheduleRule[], fromDate: string, toDate: string): MarketDay[] {
  const firstDay = toDayNumber(fromDate);
  const lastDay = toDayNumber(toDate);
  if (lastDay - firstDay + 1 > MAX_EXPAND_DAYS) {
    throw new RangeError(`A schedule can be expanded over at most ${MAX_EXPAND_DAYS} days`);
  }
  const out: MarketDay[] = [];
  walkMarketDays(rules, firstDay, lastDay, (marketDay) => {
    out.push(marketDay);
    return true;
  });
  return out;
}

/**
 * The next `count` market days on or after `fromDate` (a stand on `fromDate` itself counts), looking
 * at most `NEXT_MARKET_DAYS_HORIZON` days ahead; fewer when the rules run out.
 */
export function nextMarketDays(rules: ScheduleRule[], fromDate: string, count: number): MarketDay[] {
  const firstDay = toDayNumber(fromDate);
  const out: MarketDay[] = [];
  if (!(count > 0)) return out;
  walkMarketDays(rules, firstDay, firstDay + NEXT_MARKET_DAYS_HORIZON, (marketDay) => {
    out.push(marketDay);
    return out.length < count;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Descriptions

const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日'];
const sortedUnique = (list: readonly number[]) => [...new Set(list)].sort((a, b) => a - b);

/** `2026年12月1日` */
function describeDate(date: string): string {
  const { y, m, d } = fromDayNumber(toDayNumber(date));
  return `${y}年${m}月${d}日`;
}

/**
 * `逢三六九` when the days are exactly "every day whose number ends in these digits" (3, 13, 23 for 三),
 * `逢五逢十` when 10, 20, 30 are among them, else null. Only complete patterns count, so [10, 20]
 * (without 30) is listed day by day instead.
 */
function lunarPattern(days: number[]): string | null {
  const digits = sortedUnique(days.map((day) => day % 10));
  const expected = new Set<number>();
  for (const digit of digits) {
    for (const tens of digit === 0 ? [10, 20, 30] : [0, 10, 20]) expected.add(tens + digit);
  }
  if (expected.size !== days.length || !days.every((day) => expected.has(day))) return null;
  const ones = digits.filter((digit) => digit !== 0).map((digit) => CHINESE_DIGITS[digit]).join('');
  return `${ones ? `逢${ones}` : ''}${digits.includes(0) ? '逢十' : ''}`;
}

function describeDays(rule: ScheduleRule): string {
  switch (rule.kind) {
    case 'date':
      return describeDate(rule.date);
    case 'weekly': {
      const weekdays = sortedUnique(rule.weekdays);
      return weekdays.length === 7 ? '每天' : `每${weekdays.map((w) => `周${WEEKDAY_NAMES[w - 1]}`).join('、')}`;
    }
    case 'monthly': {
      const days = sortedUnique(rule.days);
      return days.length === 31 ? '每天' : `每月 ${days.join('、')} 日`;
    }
    case 'lunar': {
      const days = sortedUnique(rule.days);
      if (days.length === 30) return '每天';
      return `农历${lunarPattern(days) ?? `每月${days.map(lunarDayName).join('、')}`}`;
    }
  }
}

/** `（2026年1月1日起）`, `（至2026年6月30日）`, `（2026年1月1日至2026年6月30日）` or nothing. */
function describeBounds(rule: ScheduleRule): string {
  if (rule.kind === 'date') return ''; // the date says it all
  if (rule.from && rule.until) return `（${describeDate(rule.from)}至${describeDate(rule.until)}）`;
  if (rule.from) return `（${describeDate(rule.from)}起）`;
  if (rule.until) return `（至${describeDate(rule.until)}）`;
  return '';
}

/**
 * A Chinese description of a rule for the UI and posters, e.g. `每周二、周五 08:00–11:30`,
 * `农历逢三六九 07:30–11:00`, `农历每月初一、十五 08:00–11:00`, `2026年12月1日 08:00–11:30`,
 * with the rule's bounds after it when it has any: `每月 5、15、25 日 08:00–11:30（2026年3月1日起）`.
 */
export function describeRule(rule: ScheduleRule): string {
  return `${describeDays(rule)} ${rule.startTime}–${rule.endTime}${describeBounds(rule)}`;
}
