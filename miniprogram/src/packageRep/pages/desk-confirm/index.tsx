import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { DESK_ROLES } from '@shared/contract/roles'
import type { Role } from '@shared/roles'
import type { DeskTicketView } from '@shared/schemas/desk-login'
import { cancelDeskTicket, confirmDeskTicket, getDeskTicket } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { decodeParam, goBackOrMe } from '../../../services/navigation'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { chinaDateTime } from '../../../services/submissions'
import { PageState } from '../../../components/page-state'
import { AccessGate } from '../../../components/ui/access-gate'
import { BusyButton } from '../../../components/ui/busy-button'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

/** What the phone says of a ticket it can no longer confirm. */
const OVER: Record<Exclude<DeskTicketView['status'], 'pending'>, string> = {
  confirmed: '已确认登录。电脑上马上进入连心工作台。',
  cancelled: '已取消这次登录。',
  used: '这个二维码已经用过了。如需登录，请在电脑上刷新二维码后重新扫码。',
  expired: '二维码已过期。请在电脑上点击刷新，再扫一次。',
}

/**
 * 在电脑上登录连心工作台？ — opened by scanning a desk QR code (`?ticket=`; locally on H5, a second tab): which browser
 * asks, 确认登录 or 取消. The browser then signs in with a session of its own; this phone stays signed in as it was.
 */
export default function DeskConfirmPage() {
  const { params } = useRouter()
  const ticketId = decodeParam(params.ticket) ?? ''
  const [user] = useSessionUser()
  const [busy, setBusy] = useState<'confirm' | 'cancel' | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const allowed = !!user && (DESK_ROLES as readonly Role[]).includes(user.role)
  const { state, retry, setData } = usePageData(() => getDeskTicket(ticketId), [ticketId], {
    enabled: allowed && !!ticketId,
    initial: () => (ticketId ? { status: 'loading' } : { status: 'error', message: '没有找到这个登录二维码，请重新扫码' }),
  })

  if (!allowed) return <AccessGate user={user} pageClass='rep-page desk-confirm-page' gateClass='no-desk-access' refusal='电脑工作台只对工作室的党代表、工作人员和管理员开放。' />
  if (state.status !== 'ready') {
    return (
      <Page className='rep-page desk-confirm-page'>
        <PageState state={state} onRetry={retry} />
      </Page>
    )
  }
  const ticket = state.data

  const settle = async (outcome: 'confirm' | 'cancel') => {
    if (busy) return
    setBusy(outcome)
    setFailure(null)
    try {
      setData(await (outcome === 'confirm' ? confirmDeskTicket(ticket.ticketId) : cancelDeskTicket(ticket.ticketId)))
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Page className='rep-page desk-confirm-page'>
      <View className='card desk-login-card'>
        {ticket.status === 'pending' ? (
          <View>
            <Text className='desk-confirm-question'>在电脑上登录连心工作台？</Text>
            <Text className='plain-line desk-browser'>请求登录的浏览器：{ticket.browser}</Text>
            <Text className='plain-line'>登录的是您的账号（{user!.displayName}）。二维码在 {chinaDateTime(ticket.expiresAt)} 前有效。</Text>
            <Text className='field-hint'>如果不是您本人刚刚在电脑上打开的二维码，请点“取消”。</Text>
            {failure ? <Text className='error-message desk-confirm-error'>{failure}</Text> : null}
            <BusyButton className='btn--primary desk-confirm' label='确认登录' busyLabel='正在确认…' busy={busy === 'confirm'} disabled={!!busy} onClick={() => void settle('confirm')} />
            <BusyButton className='btn--secondary desk-cancel' label='取消' busyLabel='正在取消…' busy={busy === 'cancel'} disabled={!!busy} onClick={() => void settle('cancel')} />
          </View>
        ) : (
          <View role='status'>
            <Text className={`plain-line desk-confirm-outcome desk-confirm-outcome--${ticket.status}`}>{OVER[ticket.status]}</Text>
            <Button className='btn btn--secondary' onClick={goBackOrMe}>返回</Button>
          </View>
        )}
      </View>
    </Page>
  )
}
