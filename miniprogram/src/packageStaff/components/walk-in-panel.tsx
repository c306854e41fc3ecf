import { Button, Text, View } from '@tarojs/components'
import type { QueueEntryView } from '@shared/schemas/booking'
import { numberText } from './queue-entry-text'

export const OVERRIDE_FULL_LABEL = '仍然加号（会被记录）'

/** The outcome of 现场取号 for one service. */
export type WalkInState =
  | { kind: 'ok'; entry: QueueEntryView }
  | { kind: 'full'; message: string }
  | { kind: 'error'; message: string; retry: boolean }

interface WalkInPanelProps {
  /** The outcome of the last 现场取号 for this service, if any. */
  state: WalkInState | undefined
  /** A walk-in for this service is being sent. */
  taking: boolean
  /** Another action is running. */
  disabled: boolean
  /** A new number; `overrideFull` when staff chose to add one to a full service. */
  onTake: (overrideFull: boolean) => void
  /** Sends again the request whose answer was lost. */
  onRetry: () => void
}

/** 现场取号 for one service: the button, then the number given, the recorded override when full, or a retry. */
export function WalkInPanel({ state, taking, disabled, onTake, onRetry }: WalkInPanelProps) {
  return (
    <>
      <Button
        className={`btn btn--secondary walkin-button${taking ? ' btn--busy' : ''}`}
        loading={taking || undefined}
        disabled={disabled || undefined}
        onClick={() => onTake(false)}
      >
        现场取号
      </Button>

      {state?.kind === 'ok' ? (
        <View className='walkin-result walkin-result--ok' role='status'>
          <Text className='result-title'>现场取号成功</Text>
          <Text className='result-number walkin-number'>{numberText(state.entry)} 号</Text>
          <Text className='result-line'>请把号码告诉居民，{state.entry.serviceName}</Text>
        </View>
      ) : null}
      {state?.kind === 'full' ? (
        <View className='walkin-result walkin-result--full' role='alert'>
          <Text className='result-message'>{state.message}</Text>
          <Text className='result-line'>如果确实还能服务，可以加号，系统会记下是谁加的。</Text>
          <Button className='btn btn--secondary walkin-override' disabled={disabled || undefined} onClick={() => onTake(true)}>
            {OVERRIDE_FULL_LABEL}
          </Button>
        </View>
      ) : null}
      {state?.kind === 'error' ? (
        <View className='walkin-result walkin-result--error' role='alert'>
          <Text className='result-message'>{state.message}</Text>
          {state.retry ? (
            <Button className='btn btn--secondary walkin-retry' disabled={disabled || undefined} onClick={() => onRetry()}>
              重试取号（不会重复）
            </Button>
          ) : null}
        </View>
      ) : null}
    </>
  )
}
