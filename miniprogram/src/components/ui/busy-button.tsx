import { Button } from '@tarojs/components'

/**
 * The button of an action that waits for the server: while `busy` it says so (`busyLabel`), shows WeChat's spinner
 * and takes no second tap. On H5 a Taro Button is a web component that keeps its own nodes beside React's text, so
 * a new label is a new Button (keyed by the label), never a text changed in place.
 */
export function BusyButton({ label, busyLabel, busy, className, disabled = false, onClick }: {
  label: string
  busyLabel: string
  busy: boolean
  className: string
  disabled?: boolean
  onClick: () => void
}) {
  const text = busy ? busyLabel : label
  return (
    <Button
      key={text}
      className={`btn ${className}${busy ? ' btn--busy' : ''}`}
      loading={busy || undefined}
      disabled={busy || disabled || undefined}
      onClick={onClick}
    >
      {text}
    </Button>
  )
}
