import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { RATING_LABELS, TRIAGE_LABELS } from '@shared/submission/lifecycle'
import { acceptSubmission, approveBoard, getStudioSubmission, revealSubmissionPhone } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { usePageData } from '../../../services/use-page-data'
import { chinaDateTime, longChinaDate } from '../../../services/submissions'
import { SubmissionStatusBadge } from '../../../components/submission-status'
import { SubmissionTimeline } from '../../../components/submission-timeline'
import { PhotoGrid } from '../../../components/photo-grid'
import { PageState } from '../../../components/page-state'
import { act, type Update } from './act'
import { ReplyPanel } from './reply-panel'
import { ResolvePanel } from './resolve-panel'
import { AskMorePanel, ProgressPanel, TriagePanel } from './triage-panel'
import { secondsLine } from '../../../components/second-button'

/**
 * The phone a resident left, masked until a representative taps 显示完整号码 — each reveal is recorded in the studio's
 * 操作记录, so the number is only looked at when someone is about to call.
 */
function PhoneCard({ studioId, submissionId, masked }: { studioId: string; submissionId: string; masked: string }) {
  const [whole, setWhole] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const reveal = async () => {
    if (busy) return
    setBusy(true)
    try {
      setWhole((await revealSubmissionPhone(studioId, submissionId)).phone)
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card phone-card'>
      <Text className='card-label'>居民留的手机号（只用于办理这条意见）</Text>
      <Text className='phone-number'>{whole ?? masked}</Text>
      {whole ? (
        <Button
          className='btn btn--secondary btn--compact call-phone'
          onClick={() => {
            Taro.makePhoneCall?.({ phoneNumber: whole })?.catch?.(() => undefined)
          }}
        >
          拨打电话
        </Button>
      ) : (
        <View>
          <Button className='btn btn--secondary btn--compact reveal-phone' loading={busy || undefined} disabled={busy || undefined} onClick={() => void reveal()}>
            显示完整号码
          </Button>
          <Text className='plain-line phone-audit-note'>查看完整号码会记入操作记录</Text>
        </View>
      )}
    </View>
  )
}

/**
 * One submission as its representative handles it: the matter, the phone left, the steps that may come next, notes and
 * the timeline. The page of its own on a phone; the right pane of the inbox on a desk screen (≥ 1280 px).
 */
/** 受理为小事: what a grid head may do with a new matter of their grid (大事 and 私事 are the representatives'). */
function GridAcceptPanel({ id, onDone, onRefused }: { id: string; onDone: Update; onRefused: () => void }) {
  const [busy, setBusy] = useState(false)
  const accept = async () => {
    if (busy) return
    setBusy(true)
    await act('正在受理…', '已受理为小事', () => acceptSubmission(id, { triage: 'minor' }), onDone, onRefused)
    setBusy(false)
  }
  return (
    <View className='card grid-accept'>
      <Text className='card-title'>受理</Text>
      <Text className='plain-line'>网格里能办的小事，由您受理、办理和答复；大事、私事请告诉党代表，由他们分流。</Text>
      <Button className='btn btn--primary grid-accept-submit' disabled={busy || undefined} onClick={() => void accept()}>受理为小事</Button>
    </View>
  )
}

/**
 * One matter, everything the studio sees of it and the steps that can be taken now. A grid head (`gridHead`: the matter
 * is of their grid) sees it too, and takes the steps of a 小事 — 受理, 进展, 答复, 办结 — not the representatives' own
 * (分流, 交办, 需补充, the whole phone number, 准予公示).
 */
export function SubmissionDetail({ studioId, id, onChanged, gridHead = false }: { studioId: string; id: string; /** After a step: the inbox beside it reloads. */ onChanged?: () => void; gridHead?: boolean }) {
  const [busy, setBusy] = useState(false)
  /** Counts the times the page is shown: back from 管理模板, the reply templates are read again. */
  const [shown, setShown] = useState(0)
  const { state, reload, retry, setData } = usePageData(() => getStudioSubmission(studioId, id), [studioId, id], {
    enabled: !!studioId && !!id,
    initial: () => (id ? { status: 'loading' } : { status: 'error', message: '没有找到这条意见' }),
    reloadOnShow: true,
    pullDownRefresh: true,
    onRefreshError: 'error',
  })
  useDidShow(() => setShown((n) => n + 1))

  if (state.status !== 'ready') return <PageState state={state} onRetry={retry} />

  const view = state.data
  const onDone: Update = (next) => {
    setData(next)
    onChanged?.()
  }
  const onRefused = () => void reload()
  // a grid head: only the steps of a 小事 of their grid (the server checks again)
  const can = (action: string) => view.allowedActions.includes(action) && (!gridHead || ((view.triage ?? 'minor') === 'minor' && ['accept', 'reply', 'resolve'].includes(action)))
  const minorOrNew = !gridHead || (view.triage ?? 'minor') === 'minor'

  const approve = async () => {
    if (busy) return
    setBusy(true)
    await act('正在提交…', '已准予公示', () => approveBoard(view.id), onDone, onRefused)
    setBusy(false)
  }

  return (
    <View className='submission-detail'>
      <View className='card submission-card'>
        <View className='item-head'>
          <Text className='item-category'>{view.category}</Text>
          <SubmissionStatusBadge status={view.status} className='submission-status' />
        </View>
        <Text className='submission-text'>{view.text}</Text>
        <PhotoGrid photos={view.photos} />
        {view.place ? <Text className='plain-line'>地点：{view.place}</Text> : null}
        {view.venueName ? <Text className='plain-line'>来自服务点：{view.venueName}</Text> : null}
        <Text className='plain-line'>收到：{chinaDateTime(view.createdAt)}{view.source === 'on_behalf' ? '（工作人员代填）' : ''}</Text>
        <Text className='plain-line'>{view.public ? '居民同意公开到公示墙' : '居民不同意公开'}</Text>
        <Text className='due-line'>受理期限：{longChinaDate(view.acceptDueDate)}</Text>
        <Text className='due-line'>答复期限：{longChinaDate(view.replyDueDate)}</Text>
        {view.urgent ? <Text className='due-line due-line--overdue urgent-due'>紧急：{chinaDateTime(view.urgent.acceptBy)} 前受理，{chinaDateTime(view.urgent.actBy)} 前答复</Text> : null}
        {view.dueDateNote ? <Text className='field-hint due-note'>{view.dueDateNote}</Text> : null}
        {view.triage ? (
          <Text className='plain-line triage-line'>
            分流：{TRIAGE_LABELS[view.triage]}{view.department ? `，交办${view.department}` : ''}{view.departmentDueDate ? `，${longChinaDate(view.departmentDueDate)}前办结` : ''}
          </Text>
        ) : null}
        {view.handOn ? <Text className='plain-line hand-on-line'>部门：{view.handOn.stateLabel}{view.handOn.returnReason ? `（退回原因：${view.handOn.returnReason}）` : ''}</Text> : null}
        {view.closure ? <Text className='plain-line closure-line'>办结：{view.closure.label}{view.closure.note ? `（${view.closure.note}）` : ''}</Text> : null}
        {view.rating ? <Text className='plain-line rating-line'>居民评价：{RATING_LABELS[view.rating]}</Text> : null}
        {view.seconds ? <Text className='plain-line seconds-line'>附议：{secondsLine(view.seconds)}</Text> : null}
      </View>

      {view.phone && !gridHead ? <PhoneCard studioId={studioId} submissionId={view.id} masked={view.phone} /> : null}

      {view.contentHeld && !gridHead ? (
        <View className='notice content-held'>
          <Text className='notice-title'>内容待审核，暂不公示</Text>
          <Text className='notice-body'>系统发现这条意见可能含有个人信息或不宜公开的内容。核对无误后，可以准予公示。</Text>
          {view.contentHeld ? (
            <Button className='btn btn--primary approve-board' disabled={busy || undefined} onClick={() => void approve()}>准予公示</Button>
          ) : null}
        </View>
      ) : null}

      {can('accept') && gridHead ? <GridAcceptPanel id={view.id} onDone={onDone} onRefused={onRefused} /> : null}
      {can('accept') && !gridHead ? <TriagePanel mode='accept' view={view} onDone={onDone} onRefused={onRefused} /> : null}
      {can('triage') && !can('accept') ? <TriagePanel mode='triage' view={view} onDone={onDone} onRefused={onRefused} /> : null}
      {minorOrNew && ['accepted', 'handed_on', 'reopened'].includes(view.status) ? <ProgressPanel view={view} onDone={onDone} onRefused={onRefused} /> : null}
      {!gridHead && view.source === 'resident' && ['submitted', 'accepted', 'handed_on', 'reopened'].includes(view.status) ? <AskMorePanel view={view} onDone={onDone} onRefused={onRefused} /> : null}
      {can('reply') ? <ReplyPanel view={view} shown={shown} onDone={onDone} onRefused={onRefused} /> : null}
      {can('resolve') ? <ResolvePanel view={view} onDone={onDone} onRefused={onRefused} /> : null}

      {view.notes.length > 0 ? (
        <View className='card notes-card'>
          <Text className='card-label'>内部备注（居民看不到）</Text>
          {view.notes.map((note, index) => (
            <View key={`${note.at}-${index}`} className='note-item'>
              <Text className='note-text'>{note.text}</Text>
              <Text className='timeline-meta'>{chinaDateTime(note.at)} · {note.by}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <Text className='section-title'>办理进度</Text>
      <View className='card'>
        <SubmissionTimeline events={view.timeline} />
      </View>
    </View>
  )
}
