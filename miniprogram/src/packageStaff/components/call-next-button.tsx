import { Button } from '@tarojs/components'
import type { QueueEntryView } from '@shared/schemas/booking'
import { numberText } from './queue-entry-text'

interface CallNextButtonProps {
  serviceId: string
  /** The first one waiting, named on the button. */
  next: QueueEntryView | undefined
  /** This call is being sent. */
  calling: boolean
  /** Another action is running. */
  disabled: boolean
  onCall: () => void
}

/** 叫下一位 for one service, naming the number that will be called. */
export function CallNextButton({ serviceId, next, calling, disabled, onCall }: CallNextButtonProps) {
  // a new label is a new Button (see booking-sheet.tsx): H5 Buttons must not have their text changed in place
  const label = `叫下一位${next ? `（${numberText(next)} 号）` : ''}`
  return (
    <Button
      key={`call-${serviceId}-${label}`}
      className={`btn btn--primary btn--huge call-next${calling ? ' btn--busy' : ''}`}
      loading={calling || undefined}
      disabled={disabled || undefined}
      onClick={() => onCall()}
    >
      {label}
    </Button>
  )
}
