import Taro from '@tarojs/taro'
import { isH5 } from './platform'

const FIELD_ERROR = '.field-error'
const INPUT = 'input, textarea'

/**
 * After a form refused to send: bring its first red message into view (a toast alone was missed when the message was
 * above the fold, on a small phone) and, in the browser, put the cursor in that field's input. A field is its label,
 * its control and its message, side by side (submission-fields.tsx), so the input is found walking back from the
 * message to the field's label. Call it once the messages have rendered.
 */
export function revealFirstError(): void {
  Taro.pageScrollTo({ selector: FIELD_ERROR, offsetTop: -160, duration: 200 })?.catch?.(() => undefined)
  if (!isH5() || typeof document === 'undefined') return
  const message = document.querySelector(FIELD_ERROR)
  for (let node = message?.previousElementSibling; node; node = node.previousElementSibling) {
    const input = node.matches(INPUT) ? node : node.querySelector(INPUT)
    if (input) {
      ;(input as HTMLElement).focus({ preventScroll: true })
      return
    }
    if (node.classList.contains('field-label')) return
  }
}
