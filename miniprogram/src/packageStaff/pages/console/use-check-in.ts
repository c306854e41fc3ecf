import { useState } from 'react'
import Taro from '@tarojs/taro'
import { checkInRequest, type QueueEntryView } from '@shared/schemas/booking'
import { parseWith } from '@shared/validation'
import { checkIn } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import type { CheckInResult } from '../../components/check-in-box'

/**
 * The state of the 签到 box: the code, what is wrong with it, and the outcome of sending it.
 * `onCheckedIn` runs after a successful check-in (the page shows that service and reloads the queue).
 */
export function useCheckIn(standId: string | undefined, onCheckedIn: (entry: QueueEntryView) => void) {
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string | null>(null)
  const [checkingIn, setCheckingIn] = useState(false)
  const [result, setResult] = useState<CheckInResult | null>(null)

  const changeCode = (value: string) => {
    setCode(value.toUpperCase())
    if (codeError) setCodeError(null)
  }

  const submit = async (raw: string) => {
    if (!standId || checkingIn) return
    const parsed = parseWith(checkInRequest, { code: raw })
    if (!parsed.ok) {
      setCodeError(parsed.fields.code ?? Object.values(parsed.fields)[0] ?? '预约码不正确')
      return
    }
    setCodeError(null)
    setCheckingIn(true)
    setResult(null)
    Taro.showLoading({ title: '正在签到…', mask: true })
    try {
      const entry = await checkIn(standId, parsed.value)
      Taro.hideLoading()
      setResult({ kind: 'ok', entry })
      setCode('')
      onCheckedIn(entry)
    } catch (error) {
      Taro.hideLoading()
      if (isApiError(error) && error.status === 409) {
        setResult({ kind: error.reason === 'already_checked_in' ? 'already' : 'refused', message: error.message })
      }
      else if (isApiError(error) && error.fields.code) setCodeError(error.fields.code)
      else setResult({ kind: 'error', message: errorMessage(error) })
    } finally {
      setCheckingIn(false)
    }
  }

  const scan = async () => {
    let text: string
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch (error) {
      const message = (error as { errMsg?: string } | null)?.errMsg ?? ''
      if (!/cancel/i.test(message)) Taro.showToast({ title: '没有扫到，请再试一次或手动输入', icon: 'none' })
      return
    }
    setCode(text)
    void submit(text)
  }

  return { code, codeError, checkingIn, result, changeCode, submit, scan }
}
