import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { DeskTicketCreated } from '@shared/schemas/desk-login'
import { createDeskTicket, exchangeDeskTicket } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { saveSession } from '../../../services/session'
import { usePolling } from '../../../services/use-polling'
import { DEPT_QUEUE_PAGE, isH5, REP_DESK_CONFIRM_PAGE, REP_INBOX_PAGE, STAFF_STANDS_PAGE } from '../../../services/platform'
import { TicketQr } from '../../../components/ticket-qr'
import { BusyButton } from '../../../components/ui/busy-button'
import { Page } from '../../../components/ui/page'
import { forgetTicket, keepTicket, keptTicket } from './desk-ticket-store'
import '../../styles.css'

type Stage = { kind: 'loading' } | { kind: 'waiting'; ticket: DeskTicketCreated } | { kind: 'over'; message: string } | { kind: 'signed_in' }

const secondsLeft = (ticket: DeskTicketCreated) => Math.max(0, Math.ceil((Date.parse(ticket.expiresAt) - Date.now()) / 1000))

/** The confirm page's address in this build, for a second tab (H5, locally: the phone's scan played by hand). */
function confirmAddress(ticketId: string): string {
  const page = `${REP_DESK_CONFIRM_PAGE}?ticket=${encodeURIComponent(ticketId)}`
  return typeof window === 'undefined' ? page : `${window.location.origin}${window.location.pathname}#${page}`
}

/**
 * 扫码登录连心工作台 (the desk browser, not signed in): a QR code of a one-time ticket, a countdown, and a poll every 2 s
 * with the secret only this tab holds. Confirmed on a phone, the next poll brings this browser its own session and
 * the desk console opens; expired, cancelled or used, the code is refreshed with one click.
 */
export default function DeskLoginPage() {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' })
  const [left, setLeft] = useState(0)
  const [busy, setBusy] = useState(false)

  const fresh = useCallback(async () => {
    setBusy(true)
    forgetTicket()
    try {
      const ticket = await createDeskTicket()
      keepTicket(ticket)
      setLeft(secondsLeft(ticket))
      setStage({ kind: 'waiting', ticket })
    } catch (error) {
      setStage({ kind: 'over', message: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }, [])

  useEffect(() => {
    const kept = keptTicket(Date.now())
    if (kept) {
      setLeft(secondsLeft(kept))
      setStage({ kind: 'waiting', ticket: kept })
    } else void fresh()
  }, [fresh])

  // the countdown; at 0 the code is over (the server refuses it too)
  useEffect(() => {
    if (stage.kind !== 'waiting') return undefined
    const timer = setInterval(() => {
      const n = secondsLeft(stage.ticket)
      setLeft(n)
      if (n <= 0) {
        forgetTicket()
        setStage({ kind: 'over', message: '二维码已过期，请刷新后重新扫码' })
      }
    }, 1000)
    return () => clearInterval(timer)
  }, [stage])

  const poll = async () => {
    if (stage.kind !== 'waiting') return
    try {
      const answer = await exchangeDeskTicket(stage.ticket.ticketId, stage.ticket.secret)
      if (answer.status !== 'signed_in') return
      forgetTicket()
      saveSession(answer.session)
      setStage({ kind: 'signed_in' })
      const role = answer.session.user.role
      await Taro.reLaunch({ url: role === 'representative' || role === 'admin' ? REP_INBOX_PAGE : role === 'liaison' || role === 'unit_liaison' ? DEPT_QUEUE_PAGE : STAFF_STANDS_PAGE })
    } catch (error) {
      // refused (expired, cancelled on the phone, used): this code is over; a dropped network just tries again
      if (isApiError(error) && error.status >= 400 && error.status < 500) {
        forgetTicket()
        setStage({ kind: 'over', message: errorMessage(error) })
      }
    }
  }
  usePolling(poll, 2000, stage.kind === 'waiting')

  return (
    <Page className='rep-page desk-login-page'>
      <View className='card desk-login-card'>
        <Text className='section-title'>扫码登录连心工作台</Text>
        <Text className='plain-line'>请用连心小程序（党代表、工作人员、管理员的账号）扫描下面的二维码，并在手机上点“确认登录”。</Text>
        {stage.kind === 'loading' ? <Text className='plain-line'>正在生成二维码…</Text> : null}
        {stage.kind === 'waiting' ? (
          <View className='desk-ticket' data-ticket-id={stage.ticket.ticketId}>
            <TicketQr text={stage.ticket.qrPayload} className='desk-qr' label='登录连心工作台的二维码' />
            <Text className='desk-countdown'>{left} 秒后过期</Text>
            <Text className='field-hint'>二维码 2 分钟内有效，只能用一次；登录只在这台电脑的浏览器里有效。</Text>
            {isH5() ? (
              <View className='link-button desk-open-on-phone' role='link' data-href={confirmAddress(stage.ticket.ticketId)} onClick={() => window.open(confirmAddress(stage.ticket.ticketId), '_blank')}>
                <Text className='link-text'>在手机上打开 ›</Text>
              </View>
            ) : null}
          </View>
        ) : null}
        {stage.kind === 'over' ? (
          <View className='desk-over' role='alert'>
            <Text className='error-message'>{stage.message}</Text>
            <BusyButton className='btn--primary desk-refresh' label='二维码已过期，点击刷新' busyLabel='正在生成…' busy={busy} onClick={() => void fresh()} />
          </View>
        ) : null}
        {stage.kind === 'signed_in' ? <Text className='plain-line desk-signed-in'>登录成功，正在进入工作台…</Text> : null}
      </View>
    </Page>
  )
}
