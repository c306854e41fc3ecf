import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ZodTypeAny } from 'zod'
import { parseWith } from '@shared/validation'
import { errorMessage, isApiError, outcomeUnknown } from './request'
import { newRequestId } from './request-id'

/**
 * A form's sends (发起, 记录, 公示 …): the fields checked by the contract's schema first (the reason under each field, nothing
 * sent), one send at a time (`busy` names it), the server's field errors shown the same way, any failure said in a toast
 * — what was typed stays. `retryKey()` is the key of a create whose answer was lost (the network dropped): sending
 * again reuses it, so the server makes one thing at most.
 */
export function useFormSend() {
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<string>()
  const pendingKey = useRef<string>()
  const retryKey = () => pendingKey.current ?? newRequestId()

  async function send<S extends ZodTypeAny, R>(name: string, schema: S, body: unknown, request: (value: S['_output']) => Promise<R>, done: (result: R) => void | Promise<void>, key?: string): Promise<void> {
    if (busy) return
    const parsed = parseWith(schema, body)
    if (!parsed.ok) {
      setFields(parsed.fields)
      Taro.showToast({ title: '请按红字提示修改', icon: 'none' })
      return
    }
    pendingKey.current = key
    setBusy(name)
    try {
      const result = await request(parsed.value)
      pendingKey.current = undefined
      setFields({})
      await done(result)
    } catch (error) {
      if (!outcomeUnknown(error)) pendingKey.current = undefined
      if (isApiError(error) && error.fields) setFields(error.fields)
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(undefined)
    }
  }

  return { fields, busy, send, retryKey }
}
