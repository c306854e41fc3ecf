import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { walkInRequest } from '@shared/schemas/booking'
import { parseWith } from '@shared/validation'
import { addWalkIn } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { newRequestId } from '../../../services/request-id'
import type { WalkInState } from '../../components/walk-in-panel'

/** The API answers 409 for several conflicts; these two are told apart by their message. */
const SERVICE_FULL = /约满/

interface PendingWalkIn {
  serviceId: string
  requestId: string
  overrideFull: boolean
}

interface WalkInOptions {
  standId: string | undefined
  /** The page's running action (shared with 叫号, 完成, 签到): nothing starts while one runs. */
  busy: string | null
  setBusy: (busy: string | null) => void
  /** Reloads the queue after a number was given. */
  reload: () => void
}

/**
 * 现场取号: the outcome per service, and the request whose answer was lost, which is sent again as it was
 * (same requestId) so that one tap never gives two numbers.
 */
export function useWalkIns({ standId, busy, setBusy, reload }: WalkInOptions) {
  const [walkIns, setWalkIns] = useState<Record<string, WalkInState>>({})
  const pendingWalkIn = useRef<PendingWalkIn | null>(null)

  const send = async (pending: PendingWalkIn) => {
    if (!standId) return
    const parsed = parseWith(walkInRequest, { serviceId: pending.serviceId, requestId: pending.requestId, overrideFull: pending.overrideFull })
    if (!parsed.ok) {
      setWalkIns((w) => ({ ...w, [pending.serviceId]: { kind: 'error', message: Object.values(parsed.fields)[0] ?? '取号信息有误', retry: false } }))
      return
    }
    pendingWalkIn.current = pending
    setBusy(`walkin:${pending.serviceId}`)
    Taro.showLoading({ title: '正在取号…', mask: true })
    try {
      const entry = await addWalkIn(standId, parsed.value)
      pendingWalkIn.current = null
      Taro.hideLoading()
      setWalkIns((w) => ({ ...w, [pending.serviceId]: { kind: 'ok', entry } }))
      reload()
    } catch (error) {
      Taro.hideLoading()
      const unknown = !isApiError(error) || error.status === 0 || error.status >= 500
      if (!unknown) pendingWalkIn.current = null
      const state: WalkInState = isApiError(error) && error.status === 409 && !pending.overrideFull && SERVICE_FULL.test(error.message)
        ? { kind: 'full', message: error.message }
        : { kind: 'error', message: errorMessage(error), retry: unknown }
      setWalkIns((w) => ({ ...w, [pending.serviceId]: state }))
    } finally {
      setBusy(null)
    }
  }

  /** A new number; after a network failure the same request is sent again (never two numbers for one tap). */
  const take = (serviceId: string, overrideFull = false) => {
    if (busy) return
    const pending = pendingWalkIn.current
    if (pending && pending.serviceId === serviceId && pending.overrideFull === overrideFull) void send(pending)
    else void send({ serviceId, requestId: newRequestId(), overrideFull })
  }

  /** 重试取号: sends the request whose answer was lost, as it was. */
  const retry = () => {
    const pending = pendingWalkIn.current
    if (pending) void send(pending)
  }

  return { walkIns, take, retry }
}
