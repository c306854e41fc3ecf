import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { CLOSURE_LABELS, CLOSURE_OUTCOMES, resolveRequest, type ClosureOutcome, type StudioSubmissionView } from '@shared/schemas/submission'
import { parseWith } from '@shared/validation'
import { resolveSubmission } from '../../../services/api'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { act, type Update } from './act'

/**
 * 办结, saying how: 已解决 — or closed without a fix (不属于职责, 无法解决, 重复反映, 需长期解决) with the reason the resident
 * will read. Only 已解决 counts towards 解决率.
 */
export function ResolvePanel({ view, onDone, onRefused }: { view: StudioSubmissionView; onDone: Update; onRefused: () => void }) {
  const [outcome, setOutcome] = useState<ClosureOutcome | null>(null)
  const [note, setNote] = useState('')
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const parsed = parseWith(resolveRequest, { outcome: outcome ?? undefined, ...(note.trim() ? { note } : {}) })
    if (!parsed.ok) {
      setFields(parsed.fields)
      return
    }
    setFields({})
    setBusy(true)
    await act('正在办结…', '已办结', () => resolveSubmission(view.id, parsed.value), onDone, onRefused)
    setBusy(false)
  }

  const unfixed = outcome !== null && outcome !== 'fixed'
  return (
    <View className='card action-panel resolve-panel'>
      <Text className='card-title'>办结</Text>
      <Text className='plain-line'>已经答复了，就办结。请如实选择：只有“已解决”计入解决率。办结后居民可以评价。</Text>
      <Field label='办结方式' error={fields.outcome} errorClass='closure-error'>
        <ChipGroup
          label='办结方式'
          kind='radio'
          chipClass='closure-outcome'
          options={CLOSURE_OUTCOMES.map((o) => ({ value: o, label: CLOSURE_LABELS[o] }))}
          isOn={(o) => o === outcome}
          onTap={(o) => {
            setOutcome(o as ClosureOutcome)
            setFields({})
          }}
        />
      </Field>
      <Field label={unfixed ? '原因（居民会看到）' : '说明（可以不填）'} error={fields.note} errorClass='closure-note-error'>
        <Textarea
          className={`text-input textarea-input closure-note${fields.note ? ' text-input--error' : ''}`}
          value={note}
          maxlength={200}
          placeholder={unfixed ? '例如：此事归县交通局管理，已把情况转告' : '例如：路灯已修好'}
          placeholderClass='input-placeholder'
          onInput={(e) => setNote(e.detail.value)}
        />
      </Field>
      <BusyButton label='办结' busyLabel='正在办结…' busy={busy} className='btn--primary resolve-button' onClick={() => void submit()} />
    </View>
  )
}
