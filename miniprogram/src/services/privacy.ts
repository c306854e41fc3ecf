import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { isWeapp } from './platform'

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

/**
 * WeChat's privacy flow: the first time the app uses something its 用户隐私保护指引 declares (the album or camera for a
 * photo, the camera for scanning a ticket), WeChat holds that call and asks the app to show its own privacy prompt
 * (`onNeedPrivacyAuthorization`). The prompt (components/privacy-prompt.tsx) is mounted by the parts that use such
 * things; the held call goes on when the person taps 同意 (an `agreePrivacyAuthorization` button) and fails when they
 * decline. With no prompt on screen the request is declined at once, so that a call never hangs unseen.
 */
let pending: Resolve | null = null
const prompts = new Set<() => void>()

export function watchPrivacyRequests(): void {
  if (!isWeapp() || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve: Resolve) => {
    if (prompts.size === 0) {
      resolve({ event: 'disagree' })
      return
    }
    pending = resolve
    resolve({ event: 'exposureAuthorization' }) // the prompt is shown: tell WeChat, as it asks
    for (const show of prompts) show()
  })
}

function settle(option: Parameters<Resolve>[0]): void {
  const resolve = pending
  pending = null
  for (const show of prompts) show()
  resolve?.(option)
}

/** For the prompt: whether WeChat is waiting for an answer, and the two answers. */
export function usePrivacyRequest(): { asking: boolean; agree: (buttonId: string) => void; decline: () => void } {
  const [, rerender] = useState(0)
  useEffect(() => {
    const show = () => rerender((n) => n + 1)
    prompts.add(show)
    return () => {
      prompts.delete(show)
    }
  }, [])
  return { asking: pending !== null, agree: (buttonId) => settle({ event: 'agree', buttonId }), decline: () => settle({ event: 'disagree' }) }
}

/** The whole 用户隐私保护指引 as WeChat keeps it (weapp); elsewhere the summary on 我的数据 is what there is. */
export function openPrivacyGuide(): void {
  if (isWeapp() && typeof Taro.openPrivacyContract === 'function') Taro.openPrivacyContract({ fail: () => undefined })
}
