import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { checkInRequest, walkInRequest, type QueueEntryView, type StandQueueResponse } from '@shared/schemas/booking'
import type { ReadingView } from '@shared/schemas/reading'
import { formatChinaDate } from '@shared/time'
import { parseWith } from '@shared/validation'
import { addWalkIn, callNext, checkIn, getStandQueue, serveEntry } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { newRequestId } from '../../../services/request-id'
import { usePolling } from '../../../services/use-polling'
import { useSessionUser } from '../../../services/use-session-user'
import { isWeapp, SCREEN_PAGE, STAFF_ON_BEHALF_PAGE, STAFF_SUMMARY_PAGE } from '../../../services/platform'
import { openPage } from '../../../services/navigation'
import { StatusBadge } from '../../../components/status-badge'
import { isStaffUser, NoStaffAccess } from '../../staff-access'
import { ReadingSheet } from '../../components/reading-sheet'

export const CONSOLE_REFRESH_MS = 10_000
export const OVERRIDE_FULL_LABEL = '仍然加号（会被记录）'
/** The API answers 409 for several conflicts; these two are told apart by their message. */
const SERVICE_FULL = /约满/

type Service = StandQueueResponse['services'][number]
type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: StandQueueResponse }

/** What the check-in box shows after a code was sent. */
type CheckInResult =
  | { kind: 'ok'; entry: QueueEntryView }
  /** 409 "已于 09:12 由 王志强 签到": the ticket was already used — not the staff's mistake. */
  | { kind: 'already'; message: string }
  /** Another 409: a ticket for another stand or day, a cancelled booking … */
  | { kind: 'refused'; message: string }
  | { kind: 'error'; message: string }

/** The outcome of 现场取号 for one service. */
type WalkInState =
  | { kind: 'ok'; entry: QueueEntryView }
  | { kind: 'full'; message: string }
  | { kind: 'error'; message: string; retry: boolean }

interface PendingWalkIn {
  serviceId: string
  requestId: string
  overrideFull: boolean
}

function decodeParam(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function who(entry: QueueEntryView): string {
  if (entry.residentName) return entry.residentName
  return entry.kind === 'walk_in' ? '现场取号' : '预约居民'
}

function numberText(entry: QueueEntryView): string {
  return entry.queueNumber !== undefined ? `${entry.queueNumber}` : '—'
}

function CheckInResultView({ result }: { result: CheckInResult }) {
  if (result.kind === 'ok') {
    const { entry } = result
    return (
      <View className='checkin-result checkin-result--ok' role='status'>
        <Text className='result-title'>签到成功</Text>
        <Text className='result-number'>{numberText(entry)} 号</Text>
        <Text className='result-line'>{entry.serviceName} · {who(entry)}</Text>
        <Text className='result-line'>预约时段 {entry.startTime}–{entry.endTime}</Text>
      </View>
    )
  }
  if (result.kind === 'already') {
    return (
      <View className='checkin-result checkin-result--already' role='status'>
        <Text className='result-title'>这张预约码已经签到过</Text>
        <Text className='result-message'>{result.message}</Text>
        <Text className='result-line'>不用再签，请居民排队等叫号。</Text>
      </View>
    )
  }
  if (result.kind === 'refused') {
    return (
      <View className='checkin-result checkin-result--already' role='status'>
        <Text className='result-title'>不能签到</Text>
        <Text className='result-message'>{result.message}</Text>
      </View>
    )
  }
  return (
    <View className='checkin-result checkin-result--error' role='alert'>
      <Text className='result-title'>没有签到</Text>
      <Text className='result-message'>{result.message}</Text>
    </View>
  )
}

/** Only someone who is here (checked in, called or served) can have a reading recorded. */
const CAN_RECORD: ReadonlyArray<QueueEntryView['status']> = ['checked_in', 'called', 'served']

interface EntryRowProps {
  entry: QueueEntryView
  onServe?: () => void
  busy?: boolean
  /** Set for a service that keeps health readings: opens the 记录血压 form. */
  onRecord?: () => void
  /** The reading recorded for this entry while this page was open. */
  recorded?: ReadingView
}

function EntryRow({ entry, onServe, busy, onRecord, recorded }: EntryRowProps) {
  const here = !!onRecord && CAN_RECORD.includes(entry.status)
  // a walk-in has no account, so nothing can be kept for them (the API would answer 409)
  const canRecord = here && entry.kind !== 'walk_in'
  return (
    <View className={`queue-entry queue-entry--${entry.status.replace('_', '-')}`}>
      <Text className='queue-number'>{numberText(entry)}</Text>
      <View className='queue-who'>
        <Text className='queue-name'>{who(entry)}</Text>
        <View className='queue-meta'>
          <StatusBadge status={entry.status} className='queue-status' />
          {entry.kind === 'walk_in'
            ? entry.residentName ? <Text className='queue-kind'>现场取号</Text> : null
            : <Text className='queue-kind'>{entry.startTime}</Text>}
          {entry.overrideFull ? <Text className='queue-kind queue-kind--override'>加号</Text> : null}
        </View>
        {recorded ? (
          <Text className='reading-recorded'>已记录血压 {recorded.systolic}/{recorded.diastolic}</Text>
        ) : canRecord ? (
          <Button className='btn btn--secondary btn--compact record-reading' onClick={onRecord}>记录血压</Button>
        ) : here ? (
          <Text className='reading-walkin-note'>现场取号没有账号，血压读数请口头告知</Text>
        ) : null}
      </View>
      {onServe ? (
        <Button className={`btn btn--primary btn--compact serve-button${busy ? ' btn--busy' : ''}`} disabled={busy || undefined} onClick={onServe}>
          完成
        </Button>
      ) : null}
    </View>
  )
}

export default function StandConsolePage() {
  const { params } = useRouter()
  const standId = decodeParam(params.standId)
  const [user] = useSessionUser()
  const allowed = isStaffUser(user)

  const [state, setState] = useState<LoadState>(() => (standId ? { status: 'loading' } : { status: 'error', message: '没有指定服务点，请从工作台进入' }))
  const [serviceId, setServiceId] = useState<string | null>(null)
  const loadId = useRef(0)

  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string | null>(null)
  const [checkingIn, setCheckingIn] = useState(false)
  const [checkInResult, setCheckInResult] = useState<CheckInResult | null>(null)

  const [walkIns, setWalkIns] = useState<Record<string, WalkInState>>({})
  const pendingWalkIn = useRef<PendingWalkIn | null>(null)
  /** Which action is running: 'walkin:<serviceId>', 'call:<serviceId>', 'serve:<entryId>', 'checkin:<entryId>'. */
  const [busy, setBusy] = useState<string | null>(null)

  /** The entry whose blood pressure is being recorded, and what was recorded while this page is open. */
  const [readingFor, setReadingFor] = useState<QueueEntryView | null>(null)
  const [recorded, setRecorded] = useState<Record<string, ReadingView>>({})

  const load = useCallback(async () => {
    if (!standId || !allowed) return
    const id = ++loadId.current
    try {
      const data = await getStandQueue(standId)
      if (id !== loadId.current) return
      setState({ status: 'ready', data })
    } catch (error) {
      if (id !== loadId.current) return
      setState((previous) => (previous.status === 'ready' ? previous : { status: 'error', message: errorMessage(error) }))
    }
  }, [standId, allowed])

  useEffect(() => {
    void load()
  }, [load])

  usePolling(load, CONSOLE_REFRESH_MS, allowed && !!standId)

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  if (!allowed) return <NoStaffAccess user={user} />

  const services = state.status === 'ready' ? state.data.services : []
  const current: Service | undefined = services.find((s) => s.serviceId === serviceId) ?? services[0]

  /* ---------- check-in ---------- */
  const submitCheckIn = async (raw: string) => {
    if (!standId || checkingIn) return
    const parsed = parseWith(checkInRequest, { code: raw })
    if (!parsed.ok) {
      setCodeError(parsed.fields.code ?? Object.values(parsed.fields)[0] ?? '预约码不正确')
      return
    }
    setCodeError(null)
    setCheckingIn(true)
    setCheckInResult(null)
    Taro.showLoading({ title: '正在签到…', mask: true })
    try {
      const entry = await checkIn(standId, parsed.value)
      Taro.hideLoading()
      setCheckInResult({ kind: 'ok', entry })
      setCode('')
      setServiceId(entry.serviceId)
      void load()
    } catch (error) {
      Taro.hideLoading()
      if (isApiError(error) && error.status === 409) {
        setCheckInResult({ kind: error.reason === 'already_checked_in' ? 'already' : 'refused', message: error.message })
      }
      else if (isApiError(error) && error.fields.code) setCodeError(error.fields.code)
      else setCheckInResult({ kind: 'error', message: errorMessage(error) })
    } finally {
      setCheckingIn(false)
    }
  }

  const scanToCheckIn = async () => {
    let text: string
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch (error) {
      const message = (error as { errMsg?: string } | null)?.errMsg ?? ''
      if (!/cancel/i.test(message)) Taro.showToast({ title: '没有扫到，请再试一次或手动输入', icon: 'none' })
      return
    }
    setCode(text)
    void submitCheckIn(text)
  }

  /** Check in someone on the expected list (e.g. they came without their phone). */
  const checkInExpected = async (entry: QueueEntryView) => {
    if (!entry.code || busy) return
    setBusy(`checkin:${entry.id}`)
    try {
      await submitCheckIn(entry.code)
    } finally {
      setBusy(null)
    }
  }

  /* ---------- walk-in ---------- */
  const sendWalkIn = async (pending: PendingWalkIn) => {
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
      void load()
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
  const takeWalkIn = (sid: string, overrideFull = false) => {
    if (busy) return
    const pending = pendingWalkIn.current
    if (pending && pending.serviceId === sid && pending.overrideFull === overrideFull) void sendWalkIn(pending)
    else void sendWalkIn({ serviceId: sid, requestId: newRequestId(), overrideFull })
  }

  /* ---------- call and serve ---------- */
  const callNextFor = async (sid: string) => {
    if (!standId || busy) return
    setBusy(`call:${sid}`)
    try {
      const entry = await callNext(standId, sid)
      Taro.showToast({ title: `请 ${numberText(entry)} 号${entry.residentName ? ` ${entry.residentName}` : ''}`, icon: 'none', duration: 2500 })
      void load()
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 })
      if (isApiError(error) && error.status === 404) void load()
    } finally {
      setBusy(null)
    }
  }

  const serve = async (entry: QueueEntryView) => {
    if (!standId || busy) return
    setBusy(`serve:${entry.id}`)
    try {
      await serveEntry(standId, entry.id)
      Taro.showToast({ title: `${numberText(entry)} 号已完成`, icon: 'success' })
      void load()
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
      void load()
    } finally {
      setBusy(null)
    }
  }

  /* ---------- view ---------- */
  const head = state.status === 'ready' ? state.data.stand : null
  const walkIn = current ? walkIns[current.serviceId] : undefined
  const waiting = current ? current.queue.filter((e) => e.status === 'checked_in') : []
  const called = current ? current.queue.filter((e) => e.status === 'called') : []
  const served = current ? current.queue.filter((e) => e.status === 'served') : []
  // a new label is a new Button (see booking-sheet.tsx): H5 Buttons must not have their text changed in place
  const callLabel = `叫下一位${waiting.length > 0 ? `（${numberText(waiting[0])} 号）` : ''}`
  /** Props that give a row its 记录血压 button, for services that keep health readings. */
  const readingProps = (entry: QueueEntryView): Pick<EntryRowProps, 'onRecord' | 'recorded'> =>
    current?.keepsHealthReadings ? { onRecord: () => setReadingFor(entry), recorded: recorded[entry.id] } : {}

  return (
    <View className='page staff-page console-page'>
      {head ? (
        <View className='card stand-card console-head'>
          <Text className='stand-studio-name'>{head.studioName}</Text>
          <Text className='console-venue'>{head.venueName}</Text>
          <Text className='plain-line'>{formatChinaDate(head.date)} {head.startTime}–{head.endTime}</Text>
          {head.status === 'cancelled' ? <Text className='field-error'>本次服务点已取消</Text> : null}
        </View>
      ) : null}

      {/* ---------- check-in ---------- */}
      <View className='card checkin-card'>
        <Text className='card-title'>签到</Text>
        <Input
          className={`text-input checkin-input${codeError ? ' text-input--error' : ''}`}
          value={code}
          maxlength={9}
          placeholder='输入 6 位预约码'
          placeholderClass='input-placeholder'
          confirmType='done'
          onInput={(e) => {
            setCode(e.detail.value.toUpperCase())
            if (codeError) setCodeError(null)
          }}
          onConfirm={() => void submitCheckIn(code)}
        />
        {codeError ? <Text className='field-error checkin-error'>{codeError}</Text> : null}
        <View className='button-row'>
          <Button
            className={`btn btn--primary checkin-submit${checkingIn ? ' btn--busy' : ''}`}
            loading={checkingIn || undefined}
            disabled={checkingIn || undefined}
            onClick={() => void submitCheckIn(code)}
          >
            签到
          </Button>
          {isWeapp() ? (
            <Button className='btn btn--secondary scan-checkin' disabled={checkingIn || undefined} onClick={() => void scanToCheckIn()}>
              扫码签到
            </Button>
          ) : null}
        </View>
        {checkInResult ? <CheckInResultView result={checkInResult} /> : null}
      </View>

      {state.status === 'loading' ? <Text className='loading-text'>正在加载排队情况…</Text> : null}
      {state.status === 'error' ? (
        <View className='card error-card'>
          <Text className='error-message'>{state.message}</Text>
          <Button
            className='btn btn--primary retry-button'
            onClick={() => {
              setState({ status: 'loading' })
              void load()
            }}
          >
            重试
          </Button>
        </View>
      ) : null}

      {/* ---------- services ---------- */}
      {services.length > 0 ? (
        <View className='service-tabs' role='tablist'>
          {services.map((s) => {
            const on = current?.serviceId === s.serviceId
            const count = s.queue.filter((e) => e.status === 'checked_in').length
            return (
              <View
                key={s.serviceId}
                className={`service-tab${on ? ' service-tab--on' : ''}`}
                role='tab'
                aria-selected={on}
                onClick={() => setServiceId(s.serviceId)}
              >
                <Text className='service-tab-name'>{s.name}</Text>
                <Text className='service-tab-count'>等 {count} 人</Text>
              </View>
            )
          })}
        </View>
      ) : null}

      {state.status === 'ready' && services.length === 0 ? (
        <View className='card'>
          <Text className='plain-line'>这个服务点还没有服务项目。</Text>
        </View>
      ) : null}

      {current ? (
        <View className='service-panel' key={current.serviceId}>
          <View className='card'>
            <Text className='card-title'>{current.name}</Text>
            <Button
              key={`call-${current.serviceId}-${callLabel}`}
              className={`btn btn--primary btn--huge call-next${busy === `call:${current.serviceId}` ? ' btn--busy' : ''}`}
              loading={busy === `call:${current.serviceId}` || undefined}
              disabled={!!busy || undefined}
              onClick={() => void callNextFor(current.serviceId)}
            >
              {callLabel}
            </Button>
            <Button
              key={`walkin-${current.serviceId}`}
              className={`btn btn--secondary walkin-button${busy === `walkin:${current.serviceId}` ? ' btn--busy' : ''}`}
              loading={busy === `walkin:${current.serviceId}` || undefined}
              disabled={!!busy || undefined}
              onClick={() => takeWalkIn(current.serviceId)}
            >
              现场取号
            </Button>

            {walkIn?.kind === 'ok' ? (
              <View className='walkin-result walkin-result--ok' role='status'>
                <Text className='result-title'>现场取号成功</Text>
                <Text className='result-number walkin-number'>{numberText(walkIn.entry)} 号</Text>
                <Text className='result-line'>请把号码告诉居民，{walkIn.entry.serviceName}</Text>
              </View>
            ) : null}
            {walkIn?.kind === 'full' ? (
              <View className='walkin-result walkin-result--full' role='alert'>
                <Text className='result-message'>{walkIn.message}</Text>
                <Text className='result-line'>如果确实还能服务，可以加号，系统会记下是谁加的。</Text>
                <Button
                  className='btn btn--secondary walkin-override'
                  disabled={!!busy || undefined}
                  onClick={() => takeWalkIn(current.serviceId, true)}
                >
                  {OVERRIDE_FULL_LABEL}
                </Button>
              </View>
            ) : null}
            {walkIn?.kind === 'error' ? (
              <View className='walkin-result walkin-result--error' role='alert'>
                <Text className='result-message'>{walkIn.message}</Text>
                {walkIn.retry ? (
                  <Button
                    className='btn btn--secondary walkin-retry'
                    disabled={!!busy || undefined}
                    onClick={() => {
                      const pending = pendingWalkIn.current
                      if (pending) void sendWalkIn(pending)
                    }}
                  >
                    重试取号（不会重复）
                  </Button>
                ) : null}
              </View>
            ) : null}
          </View>

          {called.length > 0 ? (
            <View className='card queue-card queue-card--called'>
              <Text className='queue-title'>正在服务</Text>
              {called.map((entry) => (
                <EntryRow key={entry.id} entry={entry} busy={busy === `serve:${entry.id}`} onServe={() => void serve(entry)} {...readingProps(entry)} />
              ))}
            </View>
          ) : null}

          <View className='card queue-card'>
            <Text className='queue-title'>排队中（{waiting.length} 人）</Text>
            {waiting.length > 0 ? (
              waiting.map((entry) => <EntryRow key={entry.id} entry={entry} {...readingProps(entry)} />)
            ) : (
              <Text className='plain-line queue-empty'>现在没有人在等。</Text>
            )}
          </View>

          <View className='card queue-card'>
            <Text className='queue-title'>已预约未到（{current.expected.length} 人）</Text>
            {current.expected.length > 0 ? (
              current.expected.map((entry) => (
                <View key={entry.id} className='queue-entry expected-entry'>
                  <Text className='expected-time'>{entry.startTime}</Text>
                  <View className='queue-who'>
                    <Text className='queue-name'>{who(entry)}</Text>
                    <View className='queue-meta'>
                      {entry.status === 'no_show' ? <StatusBadge status={entry.status} className='queue-status' /> : null}
                      {entry.code ? <Text className='queue-kind expected-code'>码 {entry.code}</Text> : null}
                    </View>
                  </View>
                  {entry.code ? (
                    <Button
                      className='btn btn--secondary btn--compact expected-checkin'
                      disabled={!!busy || checkingIn || undefined}
                      onClick={() => void checkInExpected(entry)}
                    >
                      签到
                    </Button>
                  ) : null}
                </View>
              ))
            ) : (
              <Text className='plain-line queue-empty'>预约的人都到了。</Text>
            )}
          </View>

          {served.length > 0 ? (
            <View className='card queue-card queue-card--served'>
              <Text className='queue-title'>已完成（{served.length} 人）</Text>
              {served.map((entry) => <EntryRow key={entry.id} entry={entry} {...readingProps(entry)} />)}
            </View>
          ) : null}
        </View>
      ) : null}

      {standId ? (
        <Button className='btn btn--secondary on-behalf-link' onClick={() => openPage(`${STAFF_ON_BEHALF_PAGE}?standId=${encodeURIComponent(standId)}`)}>
          代填意见（纸质意见征询表等）
        </Button>
      ) : null}
      {standId ? (
        <View className='button-row'>
          <Button className='btn btn--secondary stand-summary' onClick={() => openPage(`${STAFF_SUMMARY_PAGE}?standId=${encodeURIComponent(standId)}`)}>
            服务小结
          </Button>
          <Button className='btn btn--secondary screen-link' onClick={() => openPage(`${SCREEN_PAGE}?standId=${encodeURIComponent(standId)}`)}>
            打开叫号大屏
          </Button>
        </View>
      ) : null}

      {standId && readingFor ? (
        <ReadingSheet
          key={readingFor.id}
          standId={standId}
          entry={readingFor}
          who={`${numberText(readingFor)} 号 · ${who(readingFor)}`}
          onRecorded={(reading) => setRecorded((r) => ({ ...r, [readingFor.id]: reading }))}
          onClose={() => setReadingFor(null)}
        />
      ) : null}
    </View>
  )
}
