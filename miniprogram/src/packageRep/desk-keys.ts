import { useEffect, useRef } from 'react'

/** Where typing is typing: j, k and Enter there are letters and new lines, not moves. */
const isTyping = (target: EventTarget | null) => {
  const el = target as HTMLElement | null
  if (!el?.closest) return false
  return !!el.closest('input, textarea, select, [contenteditable="true"], taro-input-core, taro-textarea-core')
}

/**
 * The desk console's keyboard (H5 at ≥ 1280 px, `enabled`): the list's items (`itemSelector`) and the page's tabs,
 * filters and link buttons join the Tab order; j / ↓ and k / ↑ move the focus from item to item; Enter or Space on
 * an item (or on a tab or filter) presses it. A visible focus ring comes from packageRep/styles.css.
 */
export function useDeskKeys(enabled: boolean, rootSelector: string, itemSelector: string): void {
  const selectors = useRef({ rootSelector, itemSelector })
  selectors.current = { rootSelector, itemSelector }

  useEffect(() => {
    if (!enabled || typeof document === 'undefined') return undefined
    const pressables = () => {
      const { rootSelector: root, itemSelector: item } = selectors.current
      return Array.from(document.querySelectorAll<HTMLElement>(`${root} ${item}, ${root} [role="tab"], ${root} [role="radio"], ${root} [role="button"]:not(taro-button-core)`))
    }
    const items = () => Array.from(document.querySelectorAll<HTMLElement>(`${selectors.current.rootSelector} ${selectors.current.itemSelector}`))
    // the list is drawn again as pages load: every drawing's items and buttons become reachable by Tab
    const reachable = () => {
      for (const el of pressables()) if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
    }
    reachable()
    const observer = new MutationObserver(reachable)
    observer.observe(document.body, { childList: true, subtree: true })

    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return
      const list = items()
      const at = list.findIndex((el) => el === document.activeElement || el.contains(document.activeElement))
      const step = event.key === 'j' || event.key === 'ArrowDown' ? 1 : event.key === 'k' || event.key === 'ArrowUp' ? -1 : 0
      if (step !== 0 && list.length > 0) {
        // from outside the list, ↓ and j start at its first item
        const next = at < 0 ? 0 : Math.min(list.length - 1, Math.max(0, at + step))
        if (at < 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) return // arrows outside the list scroll the page
        event.preventDefault()
        list[next]!.focus()
        return
      }
      if (event.key === 'Enter' || event.key === ' ') {
        const target = event.target as HTMLElement | null
        if (target && pressables().includes(target)) {
          event.preventDefault()
          target.click()
        }
      }
    }
    document.addEventListener('keydown', onKey)
    return () => {
      observer.disconnect()
      document.removeEventListener('keydown', onKey)
    }
  }, [enabled])
}
