import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { BookingView } from '@shared/schemas/booking'
import { formatChinaDate } from '@shared/time'
import { getMyBookings } from '../../services/api'
import { rememberBooking, ticketPageUrl } from '../../services/bookings'
import { HOME_PAGE } from '../../services/platform'
import { usePageData } from '../../services/use-page-data'
import { useSessionUser } from '../../services/use-session-user'
import { StatusBadge } from '../../components/status-badge'
import { PageState } from '../../components/page-state'
import { LoadMore } from '../../components/load-more'
import { SignInCard } from '../../components/sign-in-card'
import { Page } from '../../components/ui/page'
import './index.css'

function BookingItem({ booking, past }: { booking: BookingView; past?: boolean }) {
  const open = () => {
    rememberBooking(booking)
    Taro.navigateTo({ url: ticketPageUrl(booking.id) }).catch(() => {
      Taro.showToast({ title: '页面打开失败，请重试', icon: 'none' })
    })
  }
  return (
    <View
      className={`card card--link booking-item${past ? ' booking-item--past' : ''}`}
      hoverClass='card--pressed'
      role='button'
      onClick={open}
    >
      <View className='booking-item-head'>
        <Text className='booking-item-service'>{booking.serviceName}</Text>
        <StatusBadge status={booking.status} className='booking-status' />
      </View>
      {booking.providerName ? <Text className='plain-line'>由{booking.providerName}提供</Text> : null}
      <Text className='booking-item-when'>
        {formatChinaDate(booking.date)} {booking.startTime}–{booking.endTime}
      </Text>
      <Text className='plain-line booking-item-place'>{booking.venueName}</Text>
      {booking.queueNumber !== undefined && !past ? <Text className='plain-line'>排队号：{booking.queueNumber} 号</Text> : null}
      <Text className='card-action'>{past ? '查看详情 ›' : '出示预约码 ›'}</Text>
    </View>
  )
}

export default function BookingsPage() {
  const [user] = useSessionUser()
  const signedIn = !!user
  // back from a ticket (maybe cancelled) or from signing in: load again; a failed refresh keeps the list (weak signal), in a toast
  const { state, retry, setData } = usePageData(() => getMyBookings(), [], { enabled: signedIn, reloadOnShow: true, pullDownRefresh: true })

  if (!signedIn) {
    return (
      <Page className='bookings-page'>
        <SignInCard why='登录后可以看到您预约过的服务。' />
      </Page>
    )
  }

  return (
    <Page className='bookings-page'>
      <PageState state={state} onRetry={retry} />

      {state.status === 'ready' ? (
        <View>
          <Text className='section-title'>即将到来</Text>
          {state.data.upcoming.length > 0 ? (
            state.data.upcoming.map((booking) => <BookingItem key={booking.id} booking={booking} />)
          ) : (
            <View className='card bookings-empty'>
              <Text className='plain-line'>现在没有要去的预约。</Text>
              <Text className='plain-line'>扫一扫服务点的二维码，就能预约量血压、修鞋等服务。</Text>
              <Button className='btn btn--secondary' onClick={() => Taro.switchTab({ url: HOME_PAGE })}>去首页</Button>
            </View>
          )}

          {state.data.past.length > 0 ? (
            <View>
              <Text className='section-title'>以往预约</Text>
              {state.data.past.map((booking) => <BookingItem key={booking.id} booking={booking} past />)}
            </View>
          ) : null}
          <LoadMore
            shown={state.data}
            setData={setData}
            loadNext={getMyBookings}
            merge={(shown, next) => ({ upcoming: [...shown.upcoming, ...next.upcoming], past: [...shown.past, ...next.past] })}
            label='更早的预约'
          />
        </View>
      ) : null}
    </Page>
  )
}
