import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { BookingView } from '@shared/schemas/booking'
import { formatChinaDate } from '@shared/time'
import { cancelBooking, getBooking } from '../../services/api'
import { errorMessage } from '../../services/request'
import { isUsable, rememberBooking, rememberedBooking, ticketCodeGroups } from '../../services/bookings'
import { openMyBookings, decodeParam } from '../../services/navigation'
import { usePolling } from '../../services/use-polling'
import { usePageData } from '../../services/use-page-data'
import { StatusBadge } from '../../components/status-badge'
import { TicketQr } from '../../components/ticket-qr'
import { PageState } from '../../components/page-state'
import { agreementText, lastAgreementFor } from '../../services/subscribe'
import { Page } from '../../components/ui/page'
import './index.css'

/** While the person waits at the stand, the ticket follows the queue (签到 → 叫号 → 完成) by itself. */
const WAITING_REFRESH_MS = 15_000

/** Said under a ticket that can no longer be used (its QR code is not shown). */
const INACTIVE_NOTES: Partial<Record<BookingView['status'], string>> = {
  cancelled: '这个预约已取消，预约码不能再使用。',
  served: '服务已完成，谢谢您的到来。',
  no_show: '这次没有到场，预约码已失效。',
}


/** Checked in or called: the person is in the queue, the ticket follows it. */
function isWaiting(booking: BookingView): boolean {
  return booking.status === 'checked_in' || booking.status === 'called'
}

function TicketCode({ code }: { code: string }) {
  return (
    <View className='ticket-code' role='img' aria-label={`预约码 ${code.split('').join(' ')}`}>
      {ticketCodeGroups(code).map((group, g) => (
        <View className='ticket-code-group' key={g}>
          {group.map((char, i) => <Text className='ticket-code-char' key={i}>{char}</Text>)}
        </View>
      ))}
    </View>
  )
}

function Row({ label, value, className = '' }: { label: string; value: string; className?: string }) {
  return (
    <View className='confirm-row'>
      <Text className='confirm-label'>{label}</Text>
      <Text className={`confirm-value ${className}`}>{value}</Text>
    </View>
  )
}

function Ticket({ booking, onCancel, busy }: { booking: BookingView; onCancel: () => void; busy: boolean }) {
  const usable = isUsable(booking)
  return (
    <View className={`card ticket-card${usable ? '' : ' ticket-card--inactive'}`}>
      <View className='ticket-head'>
        <Text className='ticket-service'>{booking.serviceName}</Text>
        <StatusBadge status={booking.status} className='ticket-status' />
      </View>
      {booking.providerName ? <Text className='plain-line ticket-provider'>由{booking.providerName}提供</Text> : null}

      {booking.status === 'called' ? (
        <View className='ticket-called'>
          <Text className='ticket-called-text'>叫到您了，请到{booking.serviceName}服务台</Text>
        </View>
      ) : null}

      {booking.queueNumber !== undefined && usable ? (
        <View className='ticket-number-box'>
          <Text className='ticket-number-label'>您的排队号</Text>
          <Text className='ticket-number'>{booking.queueNumber} 号</Text>
        </View>
      ) : null}

      {booking.code ? (
        <View className='ticket-code-box'>
          <Text className='ticket-code-label'>预约码</Text>
          <TicketCode code={booking.code} />
          {booking.status === 'booked' ? (
            <Text className='ticket-hint'>到服务点后，出示或念出这个预约码</Text>
          ) : null}
        </View>
      ) : null}

      {booking.code && usable ? <TicketQr text={booking.code} className='ticket-qr' /> : null}

      {INACTIVE_NOTES[booking.status] ? <Text className='ticket-inactive-note'>{INACTIVE_NOTES[booking.status]}</Text> : null}

      <View className='confirm-rows ticket-rows'>
        <Row label='日期' value={formatChinaDate(booking.date)} className='ticket-date' />
        <Row label='时间' value={`${booking.startTime}–${booking.endTime}`} className='ticket-time' />
        <Row label='地点' value={booking.venueName} className='ticket-place' />
        {booking.address ? <Row label='地址' value={booking.address} className='ticket-address' /> : null}
        <Row label='主办' value={booking.studioName} className='ticket-studio' />
      </View>

      {booking.status === 'booked' ? (
        <Button
          className={`btn btn--secondary cancel-booking${busy ? ' btn--busy' : ''}`}
          loading={busy || undefined}
          disabled={busy || undefined}
          onClick={onCancel}
        >
          取消预约
        </Button>
      ) : null}
    </View>
  )
}

export default function TicketPage() {
  const { params } = useRouter()
  const bookingId = decodeParam(params.id)
  const isNew = params.new === '1'
  // what the booking tap agreed to (WeChat only; null on H5 or without templates)
  const agreement = isNew ? lastAgreementFor('booking') : null
  const [cancelling, setCancelling] = useState(false)
  const { state, reload, retry, setData } = usePageData(() => getBooking(bookingId as string), [bookingId], {
    enabled: !!bookingId,
    initial: () => {
      const known = rememberedBooking(bookingId)
      if (known) return { status: 'ready', data: known }
      return bookingId ? { status: 'loading' } : { status: 'error', message: '没有找到这张预约凭证' }
    },
    // keep a ticket we already show (weak signal at the market); otherwise say what went wrong
    onRefreshError: 'keep',
    onData: rememberBooking,
    // coming back to the ticket: refresh (while waiting, usePolling does it)
    reloadOnShow: (shown) => !(shown.status === 'ready' && isWaiting(shown.data)),
    pullDownRefresh: true,
  })
  const booking = state.status === 'ready' ? state.data : null

  usePolling(reload, WAITING_REFRESH_MS, !!booking && isWaiting(booking))

  const cancel = async () => {
    if (!booking || cancelling) return
    const { confirm } = await Taro.showModal({
      title: '取消预约',
      content: `确定取消 ${formatChinaDate(booking.date)} ${booking.startTime} 的${booking.serviceName}吗？名额会留给其他人。`,
      confirmText: '取消预约',
      confirmColor: '#C8161D',
      cancelText: '不取消',
    }).catch(() => ({ confirm: false }))
    if (!confirm) return
    setCancelling(true)
    Taro.showLoading({ title: '正在取消…', mask: true })
    try {
      const updated = await cancelBooking(booking.id)
      rememberBooking(updated)
      setData(updated) // an older refresh still on its way must not bring back "已预约"
      Taro.hideLoading()
      Taro.showToast({ title: '已取消预约', icon: 'success' })
    } catch (error) {
      Taro.hideLoading()
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
      void reload()
    } finally {
      setCancelling(false)
    }
  }

  return (
    <Page className='ticket-page'>
      <PageState state={state} onRetry={bookingId ? retry : undefined} />

      {booking ? (
        <View>
          {isNew && booking.status === 'booked' ? (
            <View className='notice notice--success ticket-success'>
              <Text className='notice-title notice-title--success'>预约成功</Text>
              <Text className='notice-body'>请按时到服务点，出示下面的预约码。</Text>
              {agreement ? <Text className='notice-body subscribe-note'>{agreementText(agreement)}</Text> : null}
            </View>
          ) : null}
          <Ticket booking={booking} busy={cancelling} onCancel={() => void cancel()} />
        </View>
      ) : null}

      <Button className='btn btn--secondary my-bookings-link' onClick={openMyBookings}>
        查看我的全部预约
      </Button>
    </Page>
  )
}
