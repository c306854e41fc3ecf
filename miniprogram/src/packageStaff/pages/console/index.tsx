import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { QueueEntryView, StandQueueResponse } from '@shared/schemas/booking'
import type { ReadingView } from '@shared/schemas/reading'
import { callNext, getStandQueue, serveEntry } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { usePolling } from '../../../services/use-polling'
import { useSessionUser } from '../../../services/use-session-user'
import { isStaffUser, NoStaffAccess } from '../../staff-access'
import { ReadingSheet } from '../../components/reading-sheet'
import { ConsoleHead } from '../../components/console-head'
import { CheckInBox } from '../../components/check-in-box'
import { ServiceTabs } from '../../components/service-tabs'
import { CallNextButton } from '../../components/call-next-button'
import { WalkInPanel } from '../../components/walk-in-panel'
import { QueueList, type EntryRowProps } from '../../components/queue-list'
import { ExpectedList } from '../../components/expected-list'
import { ConsoleLinks } from '../../components/console-links'
import { numberText, who } from '../../components/queue-entry-text'
import { useCheckIn } from './use-check-in'
import { useWalkIns } from './use-walk-ins'
import { PrivacyPrompt } from '../../../components/privacy-prompt'
import { decodeParam } from '../../../services/navigation'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

export { OVERRIDE_FULL_LABEL } from '../../components/walk-in-panel'
export const CONSOLE_REFRESH_MS = 10_000

type Service = StandQueueResponse['services'][number]
type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: StandQueueResponse }


export default function StandConsolePage() {
  const { params } = useRouter()
  const standId = decodeParam(params.standId)
  const [user] = useSessionUser()
  const allowed = isStaffUser(user)

  const [state, setState] = useState<LoadState>(() => (standId ? { status: 'loading' } : { status: 'error', message: '没有指定服务点，请从工作台进入' }))
  const [serviceId, setServiceId] = useState<string | null>(null)
  const loadId = useRef(0)

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

  const checkIn = useCheckIn(standId, (entry) => {
    setServiceId(entry.serviceId)
    void load()
  })
  const walkIn = useWalkIns({ standId, busy, setBusy, reload: () => void load() })

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

  /** Check in someone on the expected list (e.g. they came without their phone). */
  const checkInExpected = async (entry: QueueEntryView) => {
    if (!entry.code || busy) return
    setBusy(`checkin:${entry.id}`)
    try {
      await checkIn.submit(entry.code)
    } finally {
      setBusy(null)
    }
  }

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

  const head = state.status === 'ready' ? state.data.stand : null
  const byStatus = (status: QueueEntryView['status']) => (current ? current.queue.filter((e) => e.status === status) : [])
  const waiting = byStatus('checked_in')
  const called = byStatus('called')
  const served = byStatus('served')
  /** Props that give a row its 记录血压 button, for services that keep health readings. */
  const readingProps = (entry: QueueEntryView): Pick<EntryRowProps, 'onRecord' | 'recorded'> =>
    current?.keepsHealthReadings ? { onRecord: () => setReadingFor(entry), recorded: recorded[entry.id] } : {}

  return (
    <Page className='staff-page console-page'>
      <PrivacyPrompt purpose='扫预约码要用手机的相机。' />
      {head ? <ConsoleHead stand={head} /> : null}

      <CheckInBox
        code={checkIn.code}
        error={checkIn.codeError}
        busy={checkIn.checkingIn}
        result={checkIn.result}
        onInput={checkIn.changeCode}
        onSubmit={() => void checkIn.submit(checkIn.code)}
        onScan={() => void checkIn.scan()}
      />

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

      <ServiceTabs services={services} currentId={current?.serviceId} onSelect={setServiceId} />

      {state.status === 'ready' && services.length === 0 ? (
        <View className='card'>
          <Text className='plain-line'>这个服务点还没有服务项目。</Text>
        </View>
      ) : null}

      {current ? (
        <View className='service-panel' key={current.serviceId}>
          <View className='card'>
            <Text className='card-title'>{current.name}</Text>
            <CallNextButton
              serviceId={current.serviceId}
              next={waiting[0]}
              calling={busy === `call:${current.serviceId}`}
              disabled={!!busy}
              onCall={() => void callNextFor(current.serviceId)}
            />
            <WalkInPanel
              key={`walkin-${current.serviceId}`}
              state={walkIn.walkIns[current.serviceId]}
              taking={busy === `walkin:${current.serviceId}`}
              disabled={!!busy}
              onTake={(overrideFull) => walkIn.take(current.serviceId, overrideFull)}
              onRetry={walkIn.retry}
            />
          </View>

          <QueueList
            modifier='called'
            title='正在服务'
            entries={called}
            rowProps={(entry) => ({ busy: busy === `serve:${entry.id}`, onServe: () => void serve(entry), ...readingProps(entry) })}
          />
          <QueueList title={`排队中（${waiting.length} 人）`} entries={waiting} emptyText='现在没有人在等。' rowProps={readingProps} />
          <ExpectedList entries={current.expected} disabled={!!busy || checkIn.checkingIn} onCheckIn={(entry) => void checkInExpected(entry)} />
          <QueueList modifier='served' title={`已完成（${served.length} 人）`} entries={served} rowProps={readingProps} />
        </View>
      ) : null}

      {standId ? <ConsoleLinks standId={standId} /> : null}

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
    </Page>
  )
}
