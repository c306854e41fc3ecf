import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { QueueEntryView } from '@shared/schemas/booking'
import { recordReadingRequest, type ReadingView } from '@shared/schemas/reading'
import { parseWith } from '@shared/validation'
import { recordReading } from '../../services/api'
import { errorMessage, isApiError, outcomeUnknown } from '../../services/request'
import { newRequestId } from '../../services/request-id'
import { Sheet } from '../../components/ui/sheet'

/** The API refuses (409) when the resident has not given the separate consent: staff tell the reading aloud. */

type FieldKey = 'systolic' | 'diastolic' | 'pulse'

type Result =
  | { kind: 'ok'; reading: ReadingView }
  /** 409: nothing was kept (no consent, no account, not checked in …). */
  | { kind: 'refused'; message: string; sayAloud: boolean }
  | { kind: 'error'; message: string }

/** '' → undefined (not filled in); anything else → a number, or NaN for the schema to reject. */
function toNumber(text: string): number | undefined {
  const trimmed = text.trim()
  return trimmed === '' ? undefined : Number(trimmed)
}

interface Props {
  standId: string
  entry: QueueEntryView
  /** "12 号 王阿姨" */
  who: string
  onRecorded: (reading: ReadingView) => void
  onClose: () => void
}

/** 记录血压 for one queue entry: the shared schema checks the numbers, the API checks the consent. */
export function ReadingSheet({ standId, entry, who, onRecorded, onClose }: Props) {
  const [values, setValues] = useState<Record<FieldKey, string>>({ systolic: '', diastolic: '', pulse: '' })
  const [fields, setFields] = useState<Partial<Record<FieldKey, string>>>({})
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Result | null>(null)
  /**
   * The retry key of an attempt whose outcome is unknown (no answer, 5xx): the numbers stay as sent and 重新保存
   * sends the same key, so a reading is never kept twice. Cleared once the API has answered yes or no.
   */
  const [pendingKey, setPendingKey] = useState<string | null>(null)

  const change = (key: FieldKey, value: string) => {
    setValues((v) => ({ ...v, [key]: value.replace(/[^\d]/g, '').slice(0, 3) }))
    if (fields[key]) setFields((f) => ({ ...f, [key]: undefined }))
    if (result && result.kind !== 'ok') setResult(null)
  }

  const submit = async () => {
    if (busy) return
    const requestId = pendingKey ?? newRequestId()
    const input: Record<string, string | number | undefined> = { requestId, systolic: toNumber(values.systolic), diastolic: toNumber(values.diastolic) }
    const pulse = toNumber(values.pulse)
    if (pulse !== undefined) input.pulse = pulse
    const parsed = parseWith(recordReadingRequest, input)
    if (!parsed.ok) {
      setFields({ systolic: parsed.fields.systolic, diastolic: parsed.fields.diastolic, pulse: parsed.fields.pulse })
      return
    }
    setFields({})
    setResult(null)
    setBusy(true)
    Taro.showLoading({ title: '正在保存…', mask: true })
    try {
      const reading = await recordReading(standId, entry.id, parsed.value)
      Taro.hideLoading()
      setPendingKey(null)
      setResult({ kind: 'ok', reading })
      onRecorded(reading)
    } catch (error) {
      Taro.hideLoading()
      setPendingKey(outcomeUnknown(error) ? requestId : null)
      if (isApiError(error) && error.status === 409) {
        setResult({ kind: 'refused', message: error.message, sayAloud: error.reason === 'no_health_consent' || error.reason === 'no_account' })
      } else if (isApiError(error) && Object.keys(error.fields).length > 0) {
        setFields({ systolic: error.fields.systolic, diastolic: error.fields.diastolic, pulse: error.fields.pulse })
        if (!error.fields.systolic && !error.fields.diastolic && !error.fields.pulse) setResult({ kind: 'error', message: errorMessage(error) })
      } else {
        setResult({ kind: 'error', message: errorMessage(error) })
      }
    } finally {
      setBusy(false)
    }
  }

  const typed = `高压 ${values.systolic}，低压 ${values.diastolic}${values.pulse ? `，脉搏 ${values.pulse}` : ''}`
  const done = result?.kind === 'ok' || result?.kind === 'refused'
  const submitLabel = busy ? '正在保存…' : result?.kind === 'error' ? '重新保存' : '保存读数'

  const field = (key: FieldKey, label: string, unit: string, placeholder: string) => (
    <View className='reading-field'>
      <Text className='field-label'>{label}</Text>
      <View className='reading-input-row'>
        <Input
          className={`text-input reading-input ${key}-input${fields[key] ? ' text-input--error' : ''}`}
          type='number'
          value={values[key]}
          maxlength={3}
          disabled={done || pendingKey !== null || undefined}
          placeholder={placeholder}
          placeholderClass='input-placeholder'
          onInput={(e) => change(key, e.detail.value)}
        />
        <Text className='reading-unit'>{unit}</Text>
      </View>
      {fields[key] ? <Text className={`field-error ${key}-error`}>{fields[key]}</Text> : null}
    </View>
  )

  return (
    <Sheet title='记录血压' className='reading-sheet'>
      <Text className='reading-who'>{who}</Text>

      {field('systolic', '高压（收缩压）', 'mmHg', '例如 135')}
      {field('diastolic', '低压（舒张压）', 'mmHg', '例如 85')}
      {field('pulse', '脉搏（可以不填）', '次/分', '例如 72')}

      {result?.kind === 'ok' ? (
        <View className='reading-result reading-result--ok' role='status'>
          <Text className='result-title'>已保存</Text>
          <Text className='reading-result-values'>
            {result.reading.systolic}/{result.reading.diastolic}
            {result.reading.pulse !== undefined ? ` · 脉搏 ${result.reading.pulse}` : ''}
          </Text>
          <Text className='result-line'>居民可以在“我的血压记录”里查看和删除。</Text>
        </View>
      ) : null}
      {result?.kind === 'refused' ? (
        <View className='reading-result reading-result--refused' role='alert'>
          <Text className='result-title'>读数没有保存</Text>
          <Text className='result-message reading-result-message'>{result.message}</Text>
          {result.sayAloud ? <Text className='result-line reading-say-aloud'>请当面告诉居民：{typed}。</Text> : null}
        </View>
      ) : null}
      {result?.kind === 'error' ? (
        <View className='reading-result reading-result--error' role='alert'>
          <Text className='result-message reading-result-message'>{result.message}</Text>
          {pendingKey ? <Text className='result-line reading-retry-hint'>读数没有改动。网络好了再点“重新保存”，不会重复记录。</Text> : null}
        </View>
      ) : null}

      {/* a new label is a new Button (on H5 a Button's text must not change in place) */}
      {done ? (
        <Button key='done' className='btn btn--primary btn--huge reading-done' onClick={onClose}>
          {result?.kind === 'ok' ? '完成' : '知道了'}
        </Button>
      ) : (
        <View>
          <Button
            key={submitLabel}
            className={`btn btn--primary btn--huge reading-submit${busy ? ' btn--busy' : ''}`}
            loading={busy || undefined}
            disabled={busy || undefined}
            onClick={() => void submit()}
          >
            {submitLabel}
          </Button>
          <Button className='btn btn--secondary reading-close' disabled={busy || undefined} onClick={onClose}>
            不记了
          </Button>
        </View>
      )}
    </Sheet>
  )
}
