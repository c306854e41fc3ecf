import { Button, Picker, Text, View } from '@tarojs/components'
import type { ServiceView } from '@shared/schemas/admin'
import { chinaDate, formatChinaDate } from '@shared/time'
import { LUNAR_PRESETS, lunarDayLabel, RULE_KINDS, sameDays, toggleNumber, WEEKDAY_NAMES, type RuleDraft } from '../rule-draft'
import { ChipGroup } from '../../components/ui/chip-group'

interface Props {
  index: number
  draft: RuleDraft
  services: ServiceView[]
  /** This rule's messages, keyed by field (`days`, `startTime` …), from the shared schema or the API. */
  errors: Record<string, string>
  onChange: (patch: Partial<RuleDraft>) => void
  /** Absent when this is the only rule. */
  onRemove?: () => void
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

function FieldError({ message, className }: { message?: string; className: string }) {
  return message ? <Text className={`field-error ${className}`}>{message}</Text> : null
}

/** `2026-03-01` → `2026年3月1日` (with the weekday when `long`). */
function dateLabel(date: string, long: boolean): string {
  const [y, m, d] = date.split('-').map(Number)
  return long ? `${y}年${formatChinaDate(date)}` : `${y}年${m}月${d}日`
}

function PickerField({ mode, value, placeholder, className, start, long = false, onChange }: {
  mode: 'date' | 'time'
  value: string
  placeholder: string
  className: string
  start?: string
  /** A date shown with its weekday (a full-width field). */
  long?: boolean
  onChange: (value: string) => void
}) {
  // Taro's Picker needs a value: an empty date opens on today
  const initial = value || (mode === 'date' ? chinaDate(new Date()) : '08:00')
  const label = value ? (mode === 'date' ? dateLabel(value, long) : value) : placeholder
  return (
    <Picker mode={mode} value={initial} start={start} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`picker-field ${className}${value ? '' : ' picker-field--empty'}${mode === 'date' && !long ? ' picker-field--small' : ''}`}>
        <Text className='picker-value'>{label}</Text>
        <Text className='picker-arrow'>›</Text>
      </View>
    </Picker>
  )
}

/** One schedule rule: kind, days (weekday / month-day / lunar-day chips, or a date), times, services, bounds. */
export function RuleEditor({ index, draft, services, errors, onChange, onRemove }: Props) {
  const dayError = draft.kind === 'weekly' ? errors.weekdays : draft.kind === 'date' ? errors.date : errors.days
  const shown = new Set(['weekdays', 'date', 'days', 'startTime', 'endTime', 'serviceIds', 'from', 'until'])
  const other = Object.entries(errors).filter(([key]) => !shown.has(key.split('.')[0])).map(([, message]) => message)

  return (
    <View className='card rule-card'>
      <View className='rule-head'>
        <Text className='rule-title'>排期规则 {index + 1}</Text>
        {onRemove ? (
          <Button className='btn btn--secondary btn--compact rule-remove' onClick={onRemove}>删除规则</Button>
        ) : null}
      </View>

      <Text className='field-label'>按什么排</Text>
      <View className='kind-row' role='radiogroup'>
        {RULE_KINDS.map(({ kind, label }) => (
          <View
            key={kind}
            className={`rule-kind rule-kind--${kind}${draft.kind === kind ? ' rule-kind--on' : ''}`}
            role='radio'
            aria-checked={draft.kind === kind}
            onClick={() => onChange({ kind })}
          >
            <Text className='rule-kind-text'>{label}</Text>
          </View>
        ))}
      </View>

      {draft.kind === 'lunar' ? (
        <View className='rule-days'>
          <Text className='field-label'>农历每月哪几天</Text>
          <Text className='field-hint'>常见集日，点一下就选好：</Text>
          <View className='preset-row'>
            {LUNAR_PRESETS.map((preset) => (
              <View
                key={preset.id}
                className={`preset preset-${preset.id}${sameDays(draft.lunarDays, preset.days) ? ' preset--on' : ''}`}
                role='button'
                onClick={() => onChange({ lunarDays: [...preset.days] })}
              >
                <Text className='preset-text'>{preset.label}</Text>
              </View>
            ))}
          </View>
          <ChipGroup
            label='农历哪几天'
            kind='checkbox'
            columns={5}
            chipClass='lunar-day'
            options={range(1, 30).map((day) => ({ value: day, label: lunarDayLabel(day) }))}
            isOn={(value) => draft.lunarDays.includes(value)}
            onTap={(value) => onChange({ lunarDays: toggleNumber(draft.lunarDays, value) })}
          />
          <Text className='field-hint'>小月没有三十；闰月照常赶集。</Text>
        </View>
      ) : null}

      {draft.kind === 'weekly' ? (
        <View className='rule-days'>
          <Text className='field-label'>每周哪几天</Text>
          <ChipGroup
            label='每周哪几天'
            kind='checkbox'
            columns={4}
            chipClass='weekday'
            options={WEEKDAY_NAMES.map((name, i) => ({ value: i + 1, label: name }))}
            isOn={(value) => draft.weekdays.includes(value)}
            onTap={(value) => onChange({ weekdays: toggleNumber(draft.weekdays, value) })}
          />
        </View>
      ) : null}

      {draft.kind === 'monthly' ? (
        <View className='rule-days'>
          <Text className='field-label'>每月哪几号（公历）</Text>
          <ChipGroup
            label='每月哪几号'
            kind='checkbox'
            columns={7}
            chipClass='month-day'
            options={range(1, 31).map((day) => ({ value: day, label: `${day}` }))}
            isOn={(value) => draft.monthDays.includes(value)}
            onTap={(value) => onChange({ monthDays: toggleNumber(draft.monthDays, value) })}
          />
          <Text className='field-hint'>没有 31 号的月份，那天不排。</Text>
        </View>
      ) : null}

      {draft.kind === 'date' ? (
        <View className='rule-days'>
          <Text className='field-label'>哪一天</Text>
          <PickerField mode='date' long value={draft.date} placeholder='选择日期' className='rule-date' start={chinaDate(new Date())} onChange={(date) => onChange({ date })} />
        </View>
      ) : null}
      <FieldError message={dayError} className='rule-days-error' />

      <Text className='field-label'>时间</Text>
      <View className='time-row'>
        <View className='time-col'>
          <PickerField mode='time' value={draft.startTime} placeholder='开始' className='rule-start' onChange={(startTime) => onChange({ startTime })} />
        </View>
        <Text className='time-dash'>至</Text>
        <View className='time-col'>
          <PickerField mode='time' value={draft.endTime} placeholder='结束' className='rule-end' onChange={(endTime) => onChange({ endTime })} />
        </View>
      </View>
      <FieldError message={errors.startTime} className='rule-start-error' />
      <FieldError message={errors.endTime} className='rule-end-error' />

      <Text className='field-label'>提供哪些服务</Text>
      {services.length === 0 ? (
        <Text className='plain-line'>还没有服务项目，请先在“服务项目”里添加。</Text>
      ) : (
        <ChipGroup
          label='提供哪些服务'
          kind='checkbox'
          columns={2}
          chipClass='rule-service'
          options={services.map((service) => ({ value: service.id, label: service.name }))}
          isOn={(id) => draft.serviceIds.includes(id)}
          onTap={(id) => onChange({ serviceIds: draft.serviceIds.includes(id) ? draft.serviceIds.filter((other) => other !== id) : [...draft.serviceIds, id] })}
        />
      )}
      <FieldError message={errors.serviceIds} className='rule-services-error' />

      {draft.kind !== 'date' ? (
        <View className='bounds'>
          <Text className='field-label'>起止日期（可以不填）</Text>
          <View className='time-row'>
            <View className='time-col'>
              <PickerField mode='date' value={draft.from} placeholder='从哪天起' className='rule-from' onChange={(from) => onChange({ from })} />
            </View>
            <Text className='time-dash'>至</Text>
            <View className='time-col'>
              <PickerField mode='date' value={draft.until} placeholder='到哪天止' className='rule-until' onChange={(until) => onChange({ until })} />
            </View>
          </View>
          <FieldError message={errors.from} className='rule-from-error' />
          <FieldError message={errors.until} className='rule-until-error' />
          {draft.from || draft.until ? (
            <View className='link-button clear-bounds' role='button' onClick={() => onChange({ from: '', until: '' })}>
              <Text className='link-text'>清除起止日期</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      {other.map((message) => (
        <Text key={message} className='field-error rule-error'>{message}</Text>
      ))}
    </View>
  )
}
