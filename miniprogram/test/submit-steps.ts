import { fireEvent } from '@testing-library/react'
import Taro from './mocks/taro'
import type { RequestCall } from './fixtures'

/** The 提意见 form's steps shared by its tests (pages/submit/*.test.tsx). */
export const submissionPosts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST' && c.url.endsWith('/submissions'))

export function type(container: HTMLElement, selector: string, value: string) {
  fireEvent.change(container.querySelector(selector) as Element, { target: { value } })
}

/** 道路交通, 老街口的路灯坏了两个星期, at 老街口. */
export function fillIn(container: HTMLElement) {
  fireEvent.click(container.querySelectorAll('.category-chip')[1] as Element)
  type(container, '.text-input.textarea-input', '老街口的路灯坏了两个星期')
  type(container, '.place-input', '老街口')
}
