import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { usePolling } from '../../services/use-polling'
import { usePageData } from '../../services/use-page-data'
import { Button, Text, View } from '@tarojs/components'
import { parseVenueScene } from '@shared/scene'
import { chinaDate, chinaTime, formatChinaDate } from '@shared/time'
import type { BookingView } from '@shared/schemas/booking'
import type { SlotView, StandPageResponse, StandServiceView } from '@shared/schemas/stand'
import { getMyBookings, getStandByScene, standAnsweredAlready } from '../../services/api'
import { rememberedStandPage, rememberStandPage, saveLastStand, type RememberedStandPage } from '../../services/last-stand'
import { errorMessage, outcomeUnknown } from '../../services/request'
import { openLogin, openPage } from '../../services/navigation'
import { boardPageUrl, submitPageUrl } from '../../services/submissions'
import { useSessionUser } from '../../services/use-session-user'
import { HOME_PAGE, STAND_PAGE } from '../../services/platform'
import { useShare } from '../../services/share'
import { getUser } from '../../services/session'
import { isUsable, rememberBooking, ticketPageUrl } from '../../services/bookings'
import { BookingSheet, emptyDraft, slotKey, type BookingDraft } from '../../components/booking-sheet'
import { PageState } from '../../components/page-state'
import { Page } from '../../components/ui/page'
import { CareModeToggle } from '../../components/care-mode-toggle'
import { StudioTownLine } from '../../components/studio-town-line'
import './index.css'

export const BAD_SCENE_MESSAGE = '二维码内容不完整，请重新扫描服务点的二维码'

/** A slot with places left can be tapped to book; a full one says so and cannot. */
type PickSlot = (service: StandServiceView, slot: SlotView) => void

/** The signed-in person's usable bookings on this page, by slot (`slotKey`): their slot shows 您已预约 and opens the ticket. */
type MySlots = Record<string, string>

function SlotRow({ service, slot, onPick, mine }: { service: StandServiceView; slot: SlotView; onPick?: PickSlot; mine?: string }) {
  const full = slot.left <= 0
  const open = !mine && !full && !slot.past && !!onPick
  const state = mine ? '✓ 您已预约' : slot.past ? '已过' : full ? '已约满' : `余 ${slot.left} 位`
  const openTicket = mine ? () => void openPage(ticketPageUrl(mine)) : undefined
  return (
    <View
      className={`slot${full ? ' slot--full' : ''}${slot.past ? ' slot--past' : ''}${open ? ' slot--open' : ''}${mine ? ' slot--mine' : ''}`}
      hoverClass={open || mine ? 'slot--pressed' : undefined}
      role='button'
      aria-disabled={!open && !mine}
      // what the row shows, in its order (axe: the name holds the visible text), then the service
      aria-label={`${slot.startTime}–${slot.endTime} ${state}${open ? ' 预约' : mine ? ' 预约码' : ''}，${service.name}`}
      onClick={open ? () => onPick(service, slot) : openTicket}
    >
      <Text className='slot-time'>{slot.startTime}–{slot.endTime}</Text>
      <View className='slot-side'>
        <Text className={`slot-left${full || slot.past ? ' slot-left--full' : ''}${mine ? ' slot-left--mine' : ''}`}>{state}</Text>
        {open ? <Text className='slot-book'>预约 ›</Text> : mine ? <Text className='slot-book'>预约码 ›</Text> : null}
      </View>
    </View>
  )
}

function ServiceCard({ service, onPick, standId, mySlots }: { service: StandServiceView; onPick?: PickSlot; standId: string; mySlots: MySlots }) {
  return (
    <View className='card service-card'>
      <View className='service-head'>
        <Text className='service-name'>{service.name}</Text>
        {service.homeVisit ? <Text className='tag'>可上门</Text> : null}
      </View>
      {service.providerName ? <Text className='service-provider'>由{service.providerName}提供</Text> : null}
      {service.description ? <Text className='service-desc'>{service.description}</Text> : null}
      <Text className='service-minutes'>每人约 {service.minutesPerPerson} 分钟</Text>
      {service.slots.length > 0 ? (
        <View className='slots'>
          {service.slots.map((slot) => <SlotRow key={slot.id} service={service} slot={slot} onPick={onPick} mine={mySlots[slotKey(standId, service.id, slot.startTime)]} />)}
        </View>
      ) : (
        <Text className='service-noslot'>不用预约，到现场排队即可</Text>
      )}
    </View>
  )
}

/** Service cards drawn with the page's first frame (the first screen holds the stand's card and about one service). */
const FIRST_SERVICE_CARDS = 1

/**
 * The first service cards, then all of them a moment later: on a slow phone each card with its slots costs tens of
 * milliseconds to draw, and the stand and its first service come on screen sooner without the cards below the fold.
 */
function useServicesDrawn(services: StandServiceView[]): StandServiceView[] {
  const [all, setAll] = useState(services.length <= FIRST_SERVICE_CARDS)
  useEffect(() => {
    if (all) return undefined
    const next = setTimeout(() => setAll(true), 0)
    return () => clearTimeout(next)
  }, [all])
  return all ? services : services.slice(0, FIRST_SERVICE_CARDS)
}

/** `onPick` absent: nothing can be booked (the stand as last seen, not yet confirmed by the API). */
function StandDetails({ data, account, onPick, mySlots }: { data: StandPageResponse; account: ReactNode; onPick?: PickSlot; mySlots: MySlots }) {
  const { studio, venue, stand, services } = data
  const bookable = stand.status !== 'cancelled'
  const drawn = useServicesDrawn(services)
  return (
    <View>
      <View className='card stand-card'>
        <Text className='stand-studio-name'>{studio.name}</Text>
        <StudioTownLine studioId={studio.id} studioName={studio.name} />
        <Text className='stand-venue-name'>{venue.name}</Text>
        {venue.address ? <Text className='stand-address'>地址：{venue.address}</Text> : null}
        <View className='stand-when'>
          <View className='stand-date'>
            {stand.isToday ? <Text className='badge-today'>今天</Text> : <Text className='stand-next'>下次服务：</Text>}
            <Text>{formatChinaDate(stand.date)}</Text>
          </View>
          <Text className='stand-time'>{stand.startTime}–{stand.endTime}</Text>
        </View>
      </View>

      {data.endedToday ? (
        <View className='notice notice--ended' role='status'>
          <Text className='notice-title'>今天的服务已结束</Text>
          <Text className='notice-body'>{`今天 ${data.endedToday.endTime} 已经结束。下一次服务：${formatChinaDate(stand.date)} ${stand.startTime}–${stand.endTime}，现在就可以预约。`}</Text>
        </View>
      ) : stand.isToday && services.some((s) => s.slots.length > 0) && services.every((s) => s.slots.every((slot) => slot.past)) ? (
        <View className='notice notice--ended' role='status'>
          <Text className='notice-title'>今天的服务已结束</Text>
          <Text className='notice-body'>请留意工作室通知的下一次服务时间。</Text>
        </View>
      ) : null}

      {stand.status === 'cancelled' ? (
        <View className='notice notice--cancelled'>
          <Text className='notice-title'>本次服务已取消</Text>
          <Text className='notice-body'>请留意工作室通知的下一次服务时间。</Text>
        </View>
      ) : null}

      {account}

      <View className='submit-board-row'>
        <Button className='btn btn--primary btn--huge stand-submit' onClick={() => openPage(submitPageUrl(studio.id, stand.id))}>
          提意见建议
        </Button>
        <Button className='btn btn--secondary board-entry' onClick={() => openPage(boardPageUrl(studio.id))}>
          看公示墙：大家反映的事和答复
        </Button>
      </View>

      <Text className='section-title'>服务项目</Text>
      {services.length > 0 ? (
        drawn.map((service) => <ServiceCard key={service.id} service={service} onPick={bookable ? onPick : undefined} standId={stand.id} mySlots={mySlots} />)
      ) : (
        <View className='card'>
          <Text className='plain-line'>本次还没有公布服务项目，请到现场咨询。</Text>
        </View>
      )}
    </View>
  )
}

/** `2025-11-22T00:30:00Z` → 今天 08:30 (or 11月21日 周五 08:30 when it was another day), China time. */
function seenAt(savedAt: string): string {
  const day = chinaDate(savedAt)
  return `${day === chinaDate(new Date()) ? '今天' : formatChinaDate(day)} ${chinaTime(savedAt)}`
}

/**
 * Above the stand as last seen on this phone, until the API has answered: it is not today's word on places left, and
 * nothing can be booked from it. With no answer (no signal), it says so and offers 重试; polling tries again as well.
 */
function RememberedNotice({ savedAt, failure, onRetry }: { savedAt: string; failure: string | null; onRetry: () => void }) {
  return (
    <View className='notice notice--remembered' role='status'>
      <Text className='notice-title'>{failure ? '暂时没能更新' : '正在更新…'}</Text>
      <Text className='notice-body'>{`下面是${seenAt(savedAt)} 看到的信息，余位以更新后为准，更新后才能预约。`}</Text>
      {failure ? <Text className='notice-body'>{failure}</Text> : null}
      {failure ? <Button className='btn btn--secondary refresh-button' onClick={onRetry}>重试</Button> : null}
    </View>
  )
}

/** How often an open stand page refreshes its places left. */
const STAND_REFRESH_MS = 10_000

/**
 * What the page opens with, before its own call: the API's answer when index.html has it already (H5, a QR code's
 * address: config/stand-head-start.ts), else the stand as this phone last saw it (`savedAt`), else nothing (正在加载…).
 */
function openingStand(scene: string | null): { page: StandPageResponse } | RememberedStandPage | null {
  if (!scene) return null
  const answer = standAnsweredAlready(scene)
  return answer ? { page: answer } : rememberedStandPage(scene)
}

export default function StandPage() {
  const { params } = useRouter()
  const rawScene = params.scene
  const scene = useMemo(() => {
    const parsed = parseVenueScene(rawScene)
    return parsed ? `v=${parsed.venueId}` : null
  }, [rawScene])
  // A weak signal at the market takes seconds: the page opens with the answer index.html already has, or else with the
  // stand as last seen on this phone, marked as such and not bookable until the API's answer replaces it.
  const [opening] = useState(() => openingStand(scene))
  const remembered = opening && 'savedAt' in opening ? opening : null
  const [confirmed, setConfirmed] = useState(!remembered)
  /** Why the remembered stand could not be refreshed (no answer): shown in its notice with 重试. */
  const [refreshFailure, setRefreshFailure] = useState<string | null>(null)
  /** For 首页's shortcut, 提意见 and 公示墙 elsewhere, and the next opening of this page. */
  const keepStand = (data: StandPageResponse) => {
    if (!scene) return
    saveLastStand({ scene, venueName: data.venue.name, venueAddress: data.venue.address, studioName: data.studio.name, studioId: data.studio.id, standId: data.stand.id })
    rememberStandPage(scene, data)
  }
  const loadStand = async (): Promise<StandPageResponse> => {
    try {
      return await getStandByScene(scene as string)
    } catch (error) {
      setRefreshFailure(errorMessage(error))
      throw error
    }
  }
  const { state, reload, retry } = usePageData<StandPageResponse>(loadStand, [scene], {
    enabled: !!scene,
    initial: () => (!scene ? { status: 'error', message: BAD_SCENE_MESSAGE } : opening ? { status: 'ready', data: opening.page } : { status: 'loading' }),
    opensWithAnswer: !!opening && !remembered,
    // back from the login page (or the ticket page): places left may have changed
    reloadOnShow: (shown) => shown.status === 'ready',
    // no answer while the remembered stand is shown: it stays, with its notice; the API's refusal (404) replaces it
    onRefreshError: (error) => (!confirmed && outcomeUnknown(error) ? 'keep' : 'error'),
    onData: (data) => {
      setConfirmed(true)
      setRefreshFailure(null)
      keepStand(data)
    },
  })
  // forwarded to a village group: the market's name and its next day, opening the same venue's page
  useShare(() =>
    state.status === 'ready' && scene
      ? { title: `${state.data.venue.name} ${formatChinaDate(state.data.stand.date)} 流动服务点，可在线预约`, page: STAND_PAGE, query: `scene=${encodeURIComponent(scene)}` }
      : null,
  )
  const [user] = useSessionUser()
  /** The slot whose confirm sheet is open. */
  const [picked, setPicked] = useState<{ serviceId: string; slotId: string } | null>(null)
  /** What was typed per slot, kept while the sheet is closed and reopened (and the retry key with it). */
  const [drafts, setDrafts] = useState<Record<string, BookingDraft>>({})
  /** A slot tapped before signing in: its sheet opens when the person comes back signed in. */
  const afterSignIn = useRef<{ serviceId: string; slotId: string } | null>(null)

  // The person's own bookings, to mark their slots (read again on show: a booking made or cancelled elsewhere)
  const [mySlots, setMySlots] = useState<MySlots>({})
  const loadMySlots = () => {
    if (!getUser()) {
      setMySlots({})
      return
    }
    getMyBookings()
      .then((mine) => setMySlots(Object.fromEntries((mine.upcoming ?? []).filter(isUsable).map((b) => [slotKey(b.standId, b.serviceId, b.startTime), b.id]))))
      .catch(() => undefined) // the slots still show; only the mark is missing
  }
  useDidShow(loadMySlots)

  // Places left stay current within seconds while the page is open (paused while a booking sheet is up).
  // A background refresh that fails keeps what is on screen; the next one tries again.
  usePolling(() => reload({ quiet: true }), STAND_REFRESH_MS, state.status === 'ready' && !picked)

  useEffect(() => {
    if (scene) saveLastStand({ scene })
    if (opening && !remembered) keepStand(opening.page) // the answer index.html received: the page's first data
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scene])

  useDidShow(() => {
    const pending = afterSignIn.current
    if (pending && getUser()) {
      afterSignIn.current = null
      const slot = state.status === 'ready'
        ? state.data.services.find((s) => s.id === pending.serviceId)?.slots.find((s) => s.id === pending.slotId)
        : undefined
      if (!slot || slot.left > 0) setPicked(pending)
      else Taro.showToast({ title: '这个时段已约满，请选别的时段', icon: 'none', duration: 3000 })
    }
  })

  const pickSlot: PickSlot = (service, slot) => {
    const target = { serviceId: service.id, slotId: slot.id }
    if (!getUser()) {
      afterSignIn.current = target
      Taro.showToast({ title: '请先登录，登录后回到这里预约', icon: 'none', duration: 2000 })
      openLogin()
      return
    }
    setPicked(target)
  }

  const onBooked = (booking: BookingView) => {
    rememberBooking(booking)
    setMySlots((previous) => ({ ...previous, [slotKey(booking.standId, booking.serviceId, booking.startTime)]: booking.id }))
    if (state.status === 'ready') {
      const key = slotKey(state.data.stand.id, booking.serviceId, booking.startTime)
      setDrafts((previous) => {
        const next = { ...previous }
        delete next[key]
        return next
      })
    }
    setPicked(null)
    void reload() // places left
    Taro.navigateTo({ url: `${ticketPageUrl(booking.id)}&new=1` }).catch(() => {
      Taro.showToast({ title: '预约成功，可在“我的预约”查看', icon: 'none', duration: 3000 })
    })
  }

  let sheet: ReactNode = null
  if (picked && state.status === 'ready') {
    const service = state.data.services.find((s) => s.id === picked.serviceId)
    const slot = service?.slots.find((s) => s.id === picked.slotId)
    if (service && slot) {
      const key = slotKey(state.data.stand.id, service.id, slot.startTime)
      sheet = (
        <BookingSheet
          data={state.data}
          service={service}
          slot={slot}
          draft={drafts[key] ?? emptyDraft()}
          onDraftChange={(patch) => setDrafts((previous) => ({ ...previous, [key]: { ...(previous[key] ?? emptyDraft()), ...patch } }))}
          onClose={() => setPicked(null)}
          onBooked={onBooked}
          onRefused={() => void reload()}
        />
      )
    }
  }

  usePullDownRefresh(() => {
    // from the error card, 正在加载… shows again while it loads
    void (state.status === 'error' ? retry() : reload()).finally(() => Taro.stopPullDownRefresh())
  })

  const account = (
    <View className='account-bar'>
      {user ? (
        <Text className='greeting'>您好，{user.displayName}</Text>
      ) : (
        <View className='account-signin'>
          <Text className='account-hint'>登录后可以预约服务、查看答复</Text>
          <Button className='btn btn--primary login-button' onClick={openLogin}>登录</Button>
        </View>
      )}
      <CareModeToggle compact />
    </View>
  )

  return (
    <Page className='stand-page'>
      <PageState
        state={state}
        skeleton
        onRetry={scene ? retry : undefined}
        errorActions={<Button className='btn btn--secondary' onClick={() => Taro.switchTab({ url: HOME_PAGE })}>回到首页</Button>}
      />

      {state.status === 'ready' && !confirmed && remembered ? (
        <RememberedNotice
          savedAt={remembered.savedAt}
          failure={refreshFailure}
          onRetry={() => {
            setRefreshFailure(null)
            void reload()
          }}
        />
      ) : null}
      {state.status === 'ready' ? <StandDetails data={state.data} account={account} onPick={confirmed ? pickSlot : undefined} mySlots={mySlots} /> : null}
      {sheet}
    </Page>
  )
}
