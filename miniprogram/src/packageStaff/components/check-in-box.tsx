import { Button, Input, Text, View } from '@tarojs/components'
import type { QueueEntryView } from '@shared/schemas/booking'
import { isWeapp } from '../../services/platform'
import { numberText, who } from './queue-entry-text'

/** What the check-in box shows after a code was sent. */
export type CheckInResult =
  | { kind: 'ok'; entry: QueueEntryView }
  /** 409 "已于 09:12 由 王志强 签到": the ticket was already used — not the staff's mistake. */
  | { kind: 'already'; message: string }
  /** Another 409: a ticket for another stand or day, a cancelled booking … */
  | { kind: 'refused'; message: string }
  | { kind: 'error'; message: string }

/** The outcome of one check-in: the number given, or why none was. */
export function CheckInResultView({ result }: { result: CheckInResult }) {
  if (result.kind === 'ok') {
    const { entry } = result
    return (
      <View className='checkin-result checkin-result--ok' role='status'>
        <Text className='result-title'>签到成功</Text>
        <Text className='result-number'>{numberText(entry)} 号</Text>
        <Text className='result-line'>{entry.serviceName} · {who(entry)}</Text>
        <Text className='result-line'>预约时段 {entry.startTime}–{entry.endTime}</Text>
      </View>
    )
  }
  if (result.kind === 'already') {
    return (
      <View className='checkin-result checkin-result--already' role='status'>
        <Text className='result-title'>这张预约码已经签到过</Text>
        <Text className='result-message'>{result.message}</Text>
        <Text className='result-line'>不用再签，请居民排队等叫号。</Text>
      </View>
    )
  }
  if (result.kind === 'refused') {
    return (
      <View className='checkin-result checkin-result--already' role='status'>
        <Text className='result-title'>不能签到</Text>
        <Text className='result-message'>{result.message}</Text>
      </View>
    )
  }
  return (
    <View className='checkin-result checkin-result--error' role='alert'>
      <Text className='result-title'>没有签到</Text>
      <Text className='result-message'>{result.message}</Text>
    </View>
  )
}

interface CheckInBoxProps {
  /** The code as typed (or scanned). */
  code: string
  /** What is wrong with the code, shown under the field. */
  error: string | null
  /** A check-in is being sent. */
  busy: boolean
  result: CheckInResult | null
  onInput: (value: string) => void
  onSubmit: () => void
  /** 扫码签到; the button is offered on WeChat only. */
  onScan: () => void
}

/** The 签到 card: a code typed or scanned (WeChat), and the outcome of the last check-in. */
export function CheckInBox({ code, error, busy, result, onInput, onSubmit, onScan }: CheckInBoxProps) {
  return (
    <View className='card checkin-card'>
      <Text className='card-title'>签到</Text>
      <Input
        className={`text-input checkin-input${error ? ' text-input--error' : ''}`}
        value={code}
        maxlength={9}
        placeholder='输入 6 位预约码'
        placeholderClass='input-placeholder'
        confirmType='done'
        onInput={(e) => onInput(e.detail.value)}
        onConfirm={() => onSubmit()}
      />
      {error ? <Text className='field-error checkin-error'>{error}</Text> : null}
      <View className='button-row'>
        <Button
          className={`btn btn--primary checkin-submit${busy ? ' btn--busy' : ''}`}
          loading={busy || undefined}
          disabled={busy || undefined}
          onClick={() => onSubmit()}
        >
          签到
        </Button>
        {isWeapp() ? (
          <Button className='btn btn--secondary scan-checkin' disabled={busy || undefined} onClick={() => onScan()}>
            扫码签到
          </Button>
        ) : null}
      </View>
      {result ? <CheckInResultView result={result} /> : null}
    </View>
  )
}
