/**
 * The venue editor's working copy of a schedule rule. Every kind keeps its own selection, so switching between
 * 单日 / 每周 / 每月 / 农历 never loses what was chosen; `ruleFromDraft` sends only the chosen kind's fields
 * (the shared schema is strict).
 *
 * Deliberately does not import `@shared/schedule`: that pulls in the whole lunar calendar (~330 KB). The chips
 * only need the names of lunar days; the API describes rules and finds the next market days.
 */
import type { ScheduleRule, ScheduleRuleKind } from '@shared/schemas/venue'

export interface RuleDraft {
  /** A stable React key. */
  key: string
  kind: ScheduleRuleKind
  date: string
  weekdays: number[]
  monthDays: number[]
  lunarDays: number[]
  startTime: string
  endTime: string
  /** '' when not bounded. */
  from: string
  until: string
  serviceIds: string[]
}

export const RULE_KINDS: Array<{ kind: ScheduleRuleKind; label: string }> = [
  { kind: 'lunar', label: '农历' },
  { kind: 'weekly', label: '每周' },
  { kind: 'monthly', label: '每月' },
  { kind: 'date', label: '单日' },
]

/** ISO weekdays 1 (Monday) … 7 (Sunday). */
export const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十 (the same names as `lunarDayName` in @shared/schedule). */
export function lunarDayLabel(day: number): string {
  if (day <= 10) return `初${day === 10 ? '十' : DIGITS[day]}`
  if (day < 20) return `十${DIGITS[day - 10]}`
  if (day === 20) return '二十'
  if (day < 30) return `廿${DIGITS[day - 20]}`
  return '三十'
}

/** Common market patterns: 逢三六九 is the 3rd, 6th and 9th of each ten days of the lunar month. */
export const LUNAR_PRESETS: Array<{ id: string; label: string; days: number[] }> = [
  { id: '369', label: '逢三六九', days: [3, 6, 9, 13, 16, 19, 23, 26, 29] },
  { id: '147', label: '逢一四七', days: [1, 4, 7, 11, 14, 17, 21, 24, 27] },
  { id: '258', label: '逢二五八', days: [2, 5, 8, 12, 15, 18, 22, 25, 28] },
  { id: '1-15', label: '初一、十五', days: [1, 15] },
]

export const DEFAULT_START = '08:00'
export const DEFAULT_END = '11:30'

let keys = 0
const nextKey = () => `rule-${++keys}`

export function emptyRule(serviceIds: string[] = []): RuleDraft {
  return {
    key: nextKey(),
    kind: 'lunar',
    date: '',
    weekdays: [],
    monthDays: [],
    lunarDays: [],
    startTime: DEFAULT_START,
    endTime: DEFAULT_END,
    from: '',
    until: '',
    serviceIds: [...serviceIds],
  }
}

export function draftFromRule(rule: ScheduleRule): RuleDraft {
  const draft = emptyRule(rule.serviceIds)
  draft.kind = rule.kind
  draft.startTime = rule.startTime
  draft.endTime = rule.endTime
  draft.from = rule.from ?? ''
  draft.until = rule.until ?? ''
  if (rule.kind === 'date') draft.date = rule.date
  if (rule.kind === 'weekly') draft.weekdays = [...rule.weekdays]
  if (rule.kind === 'monthly') draft.monthDays = [...rule.days]
  if (rule.kind === 'lunar') draft.lunarDays = [...rule.days]
  return draft
}

/** The request body of one rule, to be checked by the shared `upsertVenueRequest`. */
export function ruleFromDraft(draft: RuleDraft): Record<string, unknown> {
  const rule: Record<string, unknown> = { kind: draft.kind, startTime: draft.startTime, endTime: draft.endTime, serviceIds: draft.serviceIds }
  if (draft.kind === 'date') rule.date = draft.date || undefined
  if (draft.kind === 'weekly') rule.weekdays = draft.weekdays
  if (draft.kind === 'monthly') rule.days = draft.monthDays
  if (draft.kind === 'lunar') rule.days = draft.lunarDays
  // a single date needs no bounds (the editor does not show them for it)
  if (draft.kind !== 'date' && draft.from) rule.from = draft.from
  if (draft.kind !== 'date' && draft.until) rule.until = draft.until
  return rule
}

/** Adds or removes a number, keeping the list sorted. */
export function toggleNumber(list: number[], value: number): number[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value].sort((a, b) => a - b)
}

export function sameDays(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i])
}
