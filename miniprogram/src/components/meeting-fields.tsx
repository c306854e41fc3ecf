import { Input, Textarea } from '@tarojs/components'
import { Field } from './ui/field'

/** What every meeting form asks (a studio's 协商, a town's 协调会): topic, date, time, place, the agenda one item a line. */
export interface MeetingTyped {
  topic: string
  date: string
  time: string
  place: string
  agenda: string
}

/**
 * The meeting's fields, each with its reason in red below; `prefix` names them for the page's styles and tests
 * (`<prefix>-topic-input`, `<prefix>-topic-error` …); `examples` are the placeholders of topic, time, place, agenda.
 */
export function MeetingFields({ prefix, typed, fields, change, examples }: {
  prefix: string
  typed: MeetingTyped
  fields: Record<string, string>
  change: (patch: Partial<MeetingTyped>) => void
  examples: { topic: string; time: string; place: string; agenda: string }
}) {
  const input = (name: 'topic' | 'date' | 'time' | 'place', placeholder: string, maxlength: number) => (
    <Input className={`text-input text-input--plain ${prefix}-${name}-input`} value={typed[name]} maxlength={maxlength} placeholder={placeholder} placeholderClass='input-placeholder' onInput={(e) => change({ [name]: e.detail.value })} />
  )
  return (
    <>
      <Field label='议题' error={fields.topic} errorClass={`${prefix}-topic-error`}>{input('topic', `例如：${examples.topic}`, 60)}</Field>
      <Field label='日期（年-月-日）' error={fields.date} errorClass={`${prefix}-date-error`}>{input('date', '例如：2026-12-10', 10)}</Field>
      <Field label='时间（时:分）' error={fields.time} errorClass={`${prefix}-time-error`}>{input('time', `例如：${examples.time}`, 5)}</Field>
      <Field label='地点' error={fields.place} errorClass={`${prefix}-place-error`}>{input('place', `例如：${examples.place}`, 60)}</Field>
      <Field label='议程（一行一项）' error={fields.agenda} errorClass={`${prefix}-agenda-error`}>
        <Textarea className={`textarea-input ${prefix}-agenda-input`} value={typed.agenda} maxlength={500} placeholder={`例如：\n${examples.agenda}`} placeholderClass='input-placeholder' onInput={(e) => change({ agenda: e.detail.value })} />
      </Field>
    </>
  )
}

/** The agenda as typed, one item a line, blank lines left out. */
export const agendaOf = (typed: string) => typed.split('\n').map((a) => a.trim()).filter(Boolean)
