import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { addMoreRequest, RATINGS, rateRequest, type SubmissionView } from '@shared/schemas/submission'
import { RATING_LABELS } from '@shared/submission/lifecycle'
import { parseWith } from '@shared/validation'
import { addMore, chaseSubmission, getSubmission, rateSubmission } from '../../services/api'
import { errorMessage } from '../../services/request'
import { openPage } from '../../services/navigation'
import { usePageData } from '../../services/use-page-data'
import { canRate, chinaDateTime, isReplyEvent, longChinaDate, param } from '../../services/submissions'
import { BOARD_PAGE, SUBMISSIONS_PAGE } from '../../services/platform'
import { SubmissionStatusBadge } from '../../components/submission-status'
import { SubmissionTimeline } from '../../components/submission-timeline'
import { PhotoGrid } from '../../components/photo-grid'
import { PageState } from '../../components/page-state'
import { agreementText, lastAgreementFor } from '../../services/subscribe'
import { Page } from '../../components/ui/page'
import { BusyButton } from '../../components/ui/busy-button'
import './index.css'
import { useShare } from '../../services/share'

type Rating = (typeof RATINGS)[number]

/**
 * 催办: once the due date has passed and it still waits, one tap tells whoever holds it (once per matter). Before
 * then, the day from which it can be done; afterwards, when it was done.
 */
function ChaseCard({ view, onChased }: { view: SubmissionView; onChased: (view: SubmissionView) => void }) {
  const [busy, setBusy] = useState(false)
  if (view.chasedAt) {
    return (
      <View className='card card--hint chase-card chase-card--done' role='status'>
        <Text className='plain-line'>您已在 {longChinaDate(view.chasedAt.slice(0, 10))} 催办，工作室会尽快办理。</Text>
      </View>
    )
  }
  if (view.chaseFrom) {
    return (
      <View className='card card--hint chase-card'>
        <Text className='plain-line chase-from'>如果到 {longChinaDate(view.chaseFrom)} 还没有答复，可以在这里催办。</Text>
      </View>
    )
  }
  if (!view.canChase) return null
  const chase = () => {
    if (busy) return
    Taro.showModal({ title: '催办', content: '已经过了办理期限。催办会提醒负责的党代表尽快办理，每件事可以催办一次。', confirmText: '催办', cancelText: '再等等' })
      .then(async ({ confirm }) => {
        if (!confirm) return
        setBusy(true)
        try {
          const fresh = await chaseSubmission(view.id)
          Taro.showToast({ title: '已催办，工作室会尽快办理', icon: 'none', duration: 3000 })
          onChased(fresh)
        } catch (e) {
          Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
        } finally {
          setBusy(false)
        }
      })
      .catch(() => undefined)
  }
  return (
    <View className='card chase-card chase-card--open'>
      <Text className='plain-line'>已经过了办理期限，还没有答复。</Text>
      <BusyButton label='催办' busyLabel='正在催办…' busy={busy} className='btn--primary chase-button' onClick={chase} />
    </View>
  )
}

/** 需补充: the studio's question, and the resident's answer (kept on screen if sending fails). */
function AddMoreCard({ view, onAdded }: { view: SubmissionView; onAdded: (view: SubmissionView) => void }) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!view.moreAsked) return null
  const send = async () => {
    if (busy) return
    const parsed = parseWith(addMoreRequest, { text })
    if (!parsed.ok) {
      setError(parsed.fields.text ?? '请填写补充的内容')
      return
    }
    setError(null)
    setBusy(true)
    try {
      const fresh = await addMore(view.id, parsed.value)
      Taro.showToast({ title: '已补充，谢谢您', icon: 'none', duration: 2500 })
      setText('')
      onAdded(fresh)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card add-more-card'>
      <Text className='card-title'>工作室请您补充</Text>
      <Text className='plain-line add-more-question'>{view.moreAsked.question}</Text>
      <Textarea
        className={`text-input textarea-input add-more-input${error ? ' text-input--error' : ''}`}
        value={text}
        maxlength={500}
        placeholder='在这里写补充的情况'
        placeholderClass='input-placeholder'
        onInput={(e) => setText(e.detail.value)}
      />
      {error ? <Text className='field-error add-more-error'>{error}</Text> : null}
      <BusyButton label='补充' busyLabel='正在发送…' busy={busy} className='btn--primary add-more-submit' onClick={() => void send()} />
    </View>
  )
}

export const REOPEN_EXPLANATION = '选“不满意”，这件事会退回给党代表重新办理一次，请在下面写明哪里不满意。'

function RatingPanel({ view, onRated }: { view: SubmissionView; onRated: (view: SubmissionView) => void }) {
  const [rating, setRating] = useState<Rating | null>(null)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const send = async () => {
    if (busy) return
    const parsed = parseWith(rateRequest, { rating: rating ?? undefined, ...(comment.trim() ? { comment } : {}) })
    if (!parsed.ok) {
      setError(parsed.fields.rating ?? parsed.fields.comment ?? Object.values(parsed.fields)[0] ?? '请选择满意程度')
      return
    }
    setError(null)
    setBusy(true)
    Taro.showLoading({ title: '正在提交…', mask: true })
    try {
      const fresh = await rateSubmission(view.id, parsed.value)
      Taro.hideLoading()
      Taro.showToast({
        title: fresh.status === 'reopened' ? '已退回党代表重新办理' : '谢谢您的评价',
        icon: 'none',
        duration: 3000,
      })
      onRated(fresh)
    } catch (e) {
      Taro.hideLoading()
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card rating-card'>
      <Text className='card-title'>这件事办得怎么样？</Text>
      <View className='rating-row'>
        {RATINGS.map((value) => (
          <View
            key={value}
            className={`choice rate-choice rate-${value}${rating === value ? ' choice--on' : ''}`}
            role='radio'
            aria-checked={rating === value}
            onClick={() => {
              setRating(value)
              setError(null)
            }}
          >
            <Text>{RATING_LABELS[value]}</Text>
          </View>
        ))}
      </View>
      {rating === 'dissatisfied' ? <Text className='notice-body reopen-explanation'>{REOPEN_EXPLANATION}</Text> : null}
      <Text className='field-label'>{rating === 'dissatisfied' ? '哪里不满意？（可以不填）' : '还想说点什么？（可以不填）'}</Text>
      <Input
        className='text-input text-input--plain rating-comment'
        value={comment}
        maxlength={200}
        placeholder='最多 200 字'
        placeholderClass='input-placeholder'
        onInput={(e) => setComment(e.detail.value)}
      />
      {error ? <Text className='field-error rating-error'>{error}</Text> : null}
      <Button
        key={busy ? 'busy' : 'idle'}
        className={`btn btn--primary rate-submit${busy ? ' btn--busy' : ''}`}
        loading={busy || undefined}
        disabled={busy || undefined}
        onClick={() => void send()}
      >
        {busy ? '正在提交…' : '提交评价'}
      </Button>
    </View>
  )
}

export default function SubmissionPage() {
  const { params } = useRouter()
  const id = param(params.id)
  const isNew = params.new === '1'
  // what the submit tap agreed to (WeChat only; null on H5 or without templates)
  const agreement = isNew ? lastAgreementFor('submission') : null
  const { state, retry, setData } = usePageData(() => getSubmission(id), [id], {
    enabled: !!id,
    initial: () => (id ? { status: 'loading' } : { status: 'error', message: '没有找到这条意见' }),
    reloadOnShow: true,
    pullDownRefresh: true,
    onRefreshError: 'error',
  })
  // a public matter with a public reply is on the board: 转发 takes the family group there (never this private page)
  useShare(() => {
    if (state.status !== 'ready' || !state.data.public || !state.data.timeline.some(isReplyEvent)) return null
    return { title: `${state.data.studioName} 公示墙：「${state.data.category}」已答复`, page: BOARD_PAGE, query: `studioId=${encodeURIComponent(state.data.studioId)}` }
  })

  if (state.status !== 'ready') {
    return (
      <Page className='submission-page'>
        <PageState state={state} onRetry={id ? retry : undefined} />
      </Page>
    )
  }

  const view = state.data
  const replies = view.timeline.filter(isReplyEvent)
  return (
    <Page className='submission-page'>
      {isNew ? (
        <View className='notice notice--success submitted-notice'>
          <Text className='notice-title notice-title--success'>已提交，谢谢您！</Text>
          <Text className='notice-body'>党代表会在 {longChinaDate(view.replyDueDate)} 前答复您。</Text>
          {agreement ? <Text className='notice-body subscribe-note'>{agreementText(agreement)}</Text> : null}
        </View>
      ) : null}

      <View className='card submission-card'>
        <View className='item-head'>
          <Text className='item-category submission-category'>{view.category}</Text>
          <SubmissionStatusBadge status={view.status} className='submission-status' />
        </View>
        <Text className='submission-text'>{view.text}</Text>
        <PhotoGrid photos={view.photos} />
        {view.place ? <Text className='plain-line submission-place'>地点：{view.place}</Text> : null}
        <Text className='plain-line'>提交给：{view.studioName}</Text>
        <Text className='plain-line'>提交时间：{chinaDateTime(view.createdAt)}</Text>
        <Text className='plain-line submission-public'>{view.public ? '答复后会公开到公示墙（不显示您的个人信息）' : '不公开'}</Text>
        <Text className='due-line reply-due'>答复期限：{longChinaDate(view.replyDueDate)}</Text>
        {view.urgent ? <Text className='due-line urgent-due'>紧急：{chinaDateTime(view.urgent.acceptBy)} 前受理，{chinaDateTime(view.urgent.actBy)} 前答复</Text> : null}
        {view.dueDateNote ? <Text className='field-hint due-note'>{view.dueDateNote}</Text> : null}
        {view.closure ? <Text className='plain-line closure-line'>办结：{view.closure.label}{view.closure.note ? `（${view.closure.note}）` : ''}</Text> : null}
      </View>

      {replies.length > 0 ? (
        <View className='card reply-card'>
          <Text className='card-label'>工作室的答复</Text>
          {replies.map((reply, index) => (
            <View key={`${reply.at}-${index}`} className='reply-block'>
              <Text className='reply-text'>{reply.text}</Text>
              <Text className='reply-meta'>{reply.by} · {chinaDateTime(reply.at)}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {view.status === 'reopened' ? (
        <View className='notice reopened-notice'>
          <Text className='notice-title'>正在重新办理</Text>
          <Text className='notice-body'>您的评价已转给党代表，他们会重新办理并再次答复您。</Text>
        </View>
      ) : null}

      <AddMoreCard view={view} onAdded={setData} />
      {canRate(view) ? <RatingPanel view={view} onRated={setData} /> : null}
      <ChaseCard view={view} onChased={setData} />

      <Text className='section-title'>办理进度</Text>
      <View className='card'>
        <SubmissionTimeline events={view.timeline} />
      </View>

      {isNew ? <Button className='btn btn--secondary' onClick={() => openPage(SUBMISSIONS_PAGE)}>查看我的意见</Button> : null}
    </Page>
  )
}
