import { useEffect, useState } from 'react'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { acceptRequest, askMoreRequest, progressRequest, TRIAGES, type StudioSubmissionView } from '@shared/schemas/submission'
import { TRIAGE_DESCRIPTIONS, TRIAGE_LABELS } from '@shared/submission/lifecycle'
import { parseWith } from '@shared/validation'
import { chinaDate, formatChinaDate } from '@shared/time'
import { acceptSubmission, askForMore, listDepartments, postProgress, triageSubmission } from '../../../services/api'
import type { DepartmentView } from '@shared/schemas/departments'
import { longChinaDate } from '../../../services/submissions'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { act, type Update } from './act'

type Triage = (typeof TRIAGES)[number]

/**
 * 受理并分流 (`accept`), or, once accepted, 重新分流 (`triage`): hand a 大事 on to another department or with another
 * date, or take it back as 小事/私事. The same choices and checks; the second starts from the current triage.
 */
export function TriagePanel({ mode, view, onDone, onRefused }: { mode: 'accept' | 'triage'; view: StudioSubmissionView; onDone: Update; onRefused: () => void }) {
  const again = mode === 'triage'
  const [triage, setTriage] = useState<Triage | null>(again ? (view.triage ?? null) : null)
  const [department, setDepartment] = useState(again && !view.departmentId ? (view.department ?? '') : '')
  // a department of the studio's list (its liaisons are told and answer); the free text stays for any other unit
  const [departmentId, setDepartmentId] = useState<string | undefined>(again ? view.departmentId : undefined)
  const [departments, setDepartments] = useState<DepartmentView[]>([])
  useEffect(() => {
    let live = true
    listDepartments(view.studioId)
      .then((r) => live && setDepartments(r.departments.filter((d) => d.active)))
      .catch(() => undefined) // the free text still works without the list
    return () => {
      live = false
    }
  }, [view.studioId])
  const [dueDate, setDueDate] = useState(again ? (view.departmentDueDate ?? '') : '')
  const [note, setNote] = useState('')
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const input: Record<string, unknown> = { triage: triage ?? undefined }
    if (triage === 'major') {
      if (departmentId) input.departmentId = departmentId
      else if (department.trim()) input.department = department
      if (dueDate) input.dueDate = dueDate
    }
    if (note.trim()) input.note = note
    const parsed = parseWith(acceptRequest, input)
    if (!parsed.ok) {
      setFields(parsed.fields)
      return
    }
    setFields({})
    setBusy(true)
    await act(again ? '正在保存…' : '正在受理…', again ? '已重新分流' : '已受理', () => (again ? triageSubmission(view.id, parsed.value) : acceptSubmission(view.id, parsed.value)), onDone, onRefused)
    setBusy(false)
  }

  const today = chinaDate(new Date())
  return (
    <View className={`card action-panel ${again ? 'triage-panel' : 'accept-panel'}`}>
      <Text className='card-title'>{again ? '重新分流' : '受理并分流'}</Text>
      <Text className='plain-line'>{again ? '改交别的部门、改定期限，或收回由党代表办理。居民会看到这一步。' : `请在 ${longChinaDate(view.acceptDueDate)} 前受理。`}</Text>
      {TRIAGES.map((t) => (
        <View
          key={t}
          className={`triage-option triage-${t}${triage === t ? ' triage-option--on' : ''}`}
          role='radio'
          aria-checked={triage === t}
          onClick={() => {
            setTriage(t)
            setFields({})
          }}
        >
          <View className='radio-dot'>{triage === t ? <View className='radio-dot-inner' /> : null}</View>
          <View className='triage-words'>
            <Text className='triage-label'>{TRIAGE_LABELS[t]}</Text>
            <Text className='triage-desc'>{TRIAGE_DESCRIPTIONS[t]}</Text>
          </View>
        </View>
      ))}
      {fields.triage ? <Text className='field-error triage-error'>{fields.triage}</Text> : null}

      {triage === 'major' ? (
        <View className='major-fields'>
          <Text className='field-label'>交办部门</Text>
          {departments.length ? (
            <ChipGroup
              label='交办部门'
              kind='radio'
              columns={2}
              chipClass='department-chip'
              options={departments.map((d) => ({ value: d.id, label: d.memberUnit ? `${d.name}（成员单位）` : d.name }))}
              isOn={(id) => id === departmentId}
              onTap={(id) => {
                setDepartmentId(id)
                setDepartment('')
              }}
            />
          ) : null}
          {fields.departmentId ? <Text className='field-error departmentId-error'>{fields.departmentId}</Text> : null}
          <Input
            className={`text-input text-input--plain department-input${fields.department ? ' text-input--error' : ''}`}
            value={department}
            maxlength={30}
            placeholder={departments.length ? '不在上面的部门，写在这里' : '例如：镇城管办'}
            placeholderClass='input-placeholder'
            onInput={(e) => {
              setDepartment(e.detail.value)
              if (e.detail.value.trim()) setDepartmentId(undefined)
            }}
          />
          {fields.department ? <Text className='field-error department-error'>{fields.department}</Text> : null}
          <Text className='field-label'>办理期限</Text>
          <Picker mode='date' value={dueDate || today} start={today} onChange={(e) => setDueDate(String(e.detail.value))}>
            <View className={`picker-field due-date-input${dueDate ? '' : ' picker-field--empty'}${fields.dueDate ? ' picker-field--error' : ''}`}>
              <Text className='picker-value'>{dueDate ? `${longChinaDate(dueDate)}（${formatChinaDate(dueDate).split(' ')[1]}）` : '选择日期'}</Text>
              <Text className='picker-arrow'>›</Text>
            </View>
          </Picker>
          {fields.dueDate ? <Text className='field-error dueDate-error'>{fields.dueDate}</Text> : null}
        </View>
      ) : null}

      <Text className='field-label'>内部备注（居民看不到，可以不填）</Text>
      <Input
        className='text-input text-input--plain note-input'
        value={note}
        maxlength={500}
        placeholder='例如：已电话联系，周三现场查看'
        placeholderClass='input-placeholder'
        onInput={(e) => setNote(e.detail.value)}
      />
      {fields.note ? <Text className='field-error note-error'>{fields.note}</Text> : null}
      <Button
        key={busy ? 'busy' : 'idle'}
        className={`btn btn--primary ${again ? 'triage-submit' : 'accept-submit'}${busy ? ' btn--busy' : ''}`}
        loading={busy || undefined}
        disabled={busy || undefined}
        onClick={() => void submit()}
      >
        {busy ? (again ? '正在保存…' : '正在受理…') : again ? '保存分流' : '受理'}
      </Button>
    </View>
  )
}

/** 办理进展: a milestone of the work, told to the resident (not an answer: that is 答复). */
export function ProgressPanel({ view, onDone, onRefused }: { view: StudioSubmissionView; onDone: Update; onRefused: () => void }) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (busy) return
    const parsed = parseWith(progressRequest, { text })
    if (!parsed.ok) {
      setError(parsed.fields.text)
      return
    }
    setError(undefined)
    setBusy(true)
    if (await act('正在发布…', '已发布进展', () => postProgress(view.id, parsed.value), onDone, onRefused)) setText('')
    setBusy(false)
  }
  return (
    <View className='card action-panel progress-panel'>
      <Text className='card-title'>办理进展</Text>
      <Field label='这一步做了什么（居民会看到）' error={error} errorClass='progress-error'>
        <Textarea
          className={`text-input textarea-input progress-input${error ? ' text-input--error' : ''}`}
          value={text}
          maxlength={300}
          placeholder='例如：已到现场查看，报修单已交供电所'
          placeholderClass='input-placeholder'
          onInput={(e) => setText(e.detail.value)}
        />
      </Field>
      <BusyButton label='发布进展' busyLabel='正在发布…' busy={busy} className='btn--secondary progress-submit' onClick={() => void submit()} />
    </View>
  )
}

/** 需补充: ask the resident for what is missing; shown as waiting until they answer. */
export function AskMorePanel({ view, onDone, onRefused }: { view: StudioSubmissionView; onDone: Update; onRefused: () => void }) {
  const [question, setQuestion] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  if (view.moreAsked) {
    return (
      <View className='card card--hint ask-more-waiting' role='status'>
        <Text className='plain-line'>已请居民补充：{view.moreAsked.question}（等居民回复）</Text>
      </View>
    )
  }
  const submit = async () => {
    if (busy) return
    const parsed = parseWith(askMoreRequest, { question })
    if (!parsed.ok) {
      setError(parsed.fields.question)
      return
    }
    setError(undefined)
    setBusy(true)
    if (await act('正在发送…', '已请居民补充', () => askForMore(view.id, parsed.value), onDone, onRefused)) setQuestion('')
    setBusy(false)
  }
  return (
    <View className='card action-panel ask-more-panel'>
      <Text className='card-title'>请居民补充</Text>
      <Field label='需要居民补充什么（居民会收到消息）' error={error} errorClass='ask-more-error'>
        <Textarea
          className={`text-input textarea-input ask-more-input${error ? ' text-input--error' : ''}`}
          value={question}
          maxlength={200}
          placeholder='例如：请说一下是哪条路、哪一段'
          placeholderClass='input-placeholder'
          onInput={(e) => setQuestion(e.detail.value)}
        />
      </Field>
      <BusyButton label='请居民补充' busyLabel='正在发送…' busy={busy} className='btn--secondary ask-more-submit' onClick={() => void submit()} />
    </View>
  )
}
