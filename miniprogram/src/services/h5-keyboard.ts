/**
 * The browser build's keyboard access, which Taro's H5 components do not give: a Taro `Button` is a
 * `<taro-button-core>` that cannot be reached with Tab nor pressed with Enter, and each page is a scrolling `<div>`
 * that the keyboard cannot scroll (axe: scrollable-region-focusable). Watching the document, this makes every button
 * focusable (`tabindex=0`, `role=button`) and pressable with Enter and Space, and every page focusable, so that the
 * representatives' desk console and the 大屏 work from a keyboard. WeChat has no keyboard: never called there.
 */
const BUTTONS = 'taro-button-core'
const PAGES = '.taro_page'
/** Taro's H5 navigation bar (app.config.ts `navigationStyle: 'default'`): its 返回 and 首页 are bare divs. */
const BAR_BUTTONS: [selector: string, label: string][] = [
  ['.taro-navigation-bar-back', '返回'],
  ['.taro-navigation-bar-home', '回首页'],
]
const PRESSABLE = [BUTTONS, ...BAR_BUTTONS.map(([selector]) => selector)].join(', ')

/** Taro H5 writes `disabled="false"` for a Button given `disabled={false}`: that one is not disabled. */
const isDisabled = (el: Element) => el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false'

function prepare(root: ParentNode): void {
  for (const button of Array.from(root.querySelectorAll<HTMLElement>(BUTTONS))) {
    if (!button.hasAttribute('tabindex')) button.setAttribute('tabindex', isDisabled(button) ? '-1' : '0')
    if (!button.hasAttribute('role')) button.setAttribute('role', 'button')
  }
  for (const page of Array.from(root.querySelectorAll<HTMLElement>(PAGES))) if (!page.hasAttribute('tabindex')) page.setAttribute('tabindex', '0')
  for (const [selector, label] of BAR_BUTTONS) {
    for (const button of Array.from(root.querySelectorAll<HTMLElement>(selector))) {
      if (button.hasAttribute('role')) continue
      button.setAttribute('role', 'button')
      button.setAttribute('tabindex', '0')
      button.setAttribute('aria-label', label)
    }
  }
}

export function enableKeyboardAccess(doc: Document = document): () => void {
  prepare(doc)
  const observer = new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === 'attributes') {
        // a button disabled or enabled since: out of, or back in, the Tab order
        const button = change.target as HTMLElement
        if (!button.matches(BUTTONS)) continue
        button.setAttribute('tabindex', isDisabled(button) ? '-1' : '0')
        continue
      }
      for (const node of Array.from(change.addedNodes)) {
        if (!(node instanceof HTMLElement)) continue
        if (node.matches(PRESSABLE) || node.matches(PAGES)) prepare(node.parentElement ?? doc)
        else prepare(node)
      }
    }
  })
  observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] })
  const press = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    const target = event.target as HTMLElement | null
    if (!target?.matches?.(PRESSABLE) || isDisabled(target)) return
    event.preventDefault()
    target.click()
  }
  doc.addEventListener('keydown', press)
  return () => {
    observer.disconnect()
    doc.removeEventListener('keydown', press)
  }
}
