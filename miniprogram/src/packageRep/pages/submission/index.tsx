import { useEffect, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { acceptRequest, replyRequest, TRIAGES, type ReplyTemplate, type StudioSubmissionView } from '@shared/schemas/submission'
import { RATING_LABELS, TRIAGE_DESCRIPTIONS, TRIAGE_LABELS } from '@shared/submission/lifecycle'
import { DEFAULT_REPLY_TEMPLATES, fillReplyTemplate } from '@shared/submission/reply-templates'
import { parseWith } from '@shared/validation'
import { chinaDate, formatChinaDate } from '@shared/time'
import { acceptSubmission, approveBoard, getReplyTemplates, getStudioSubmission, replyToSubmission, resolveSubmission } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { openPage } from '../../../services/navigation'
import { REP_TEMPLATES_PAGE } from '../../../services/platform'
import { useSessionUser } from '../../../services/use-session-user'
import { usePageData } from '../../../services/use-page-data'
import { chinaDateTime, longChinaDate, param } from '../../../services/submissions'
import { SubmissionStatusBadge } from '../../../components/submission-status'
import { SubmissionTimeline } from '../../../components/submission-timeline'
import { PhotoGrid } from '../../../components/photo-grid'
import { PageState } from '../../../components/page-state'
import { isRepUser, NoRepAccess } from '../../rep-access'

type Triage = (typeof TRIAGES)[number]
type Update = (view: StudioSubmissionView) => void

/** Runs one action with a loading mask and a toast; a refusal (409 …) is shown and the page reloads. */
async function act(title: string, done: string, run: () => Promise<StudioSubmissionView>, onDone: Update, onRefused: () => void): Promise<boolean> {
  Taro.showLoading({ title, mask: true })
  try {
    const view = await run()
    Taro.hideLoading()
    Taro.showToast({ title: done, icon: 'success' })
    onDone(view)
    return true
  } catch (error) {
    Taro.hideLoading()
    Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    if (isApiError(error) && error.status === 409) onRefused()
    return false
  }
}

function AcceptPanel({ view, onDone, onRefused }: { view: StudioSubmissionView; onDone: Update; onRefused: () => void }) {
  const [triage, setTriage] = useState<Triage | null>(null)
  const [department, setDepartment] = useState('')
  const [dueDate, setDueDate] = useState('')
  const [note, setNote] = useState('')
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const input: Record<string, unknown> = { triage: triage ?? undefined }
    if (triage === 'major') {
      if (department.trim()) input.department = department
      if (dueDate) input.dueDate = dueDate
    }
    if (note.trim()) input.note = note
    const parsed = parseWith(acceptRequest, input)
    if (!parsed.ok) {
      setFields(parsed.fields)
      return
    }
    setFields({})
    setBusy(true)
    await act('正在受理…', '已受理', () => acceptSubmission(view.id, parsed.value), onDone, onRefused)
    setBusy(false)
  }

  const today = chinaDate(new Date())
  return (
    <View className='card action-panel accept-panel'>
      <Text className='card-title'>受理并分流</Text>
      <Text className='plain-line'>请在 {longChinaDate(view.acceptDueDate)} 前受理。</Text>
      {TRIAGES.map((t) => (
        <View
          key={t}
          className={`triage-option triage-${t}${triage === t ? ' triage-option--on' : ''}`}
          role='radio'
          aria-checked={triage === t}
          onClick={() => {
            setTriage(t)
            setFields({})
          }}
        >
          <View className='radio-dot'>{triage === t ? <View className='radio-dot-inner' /> : null}</View>
          <View className='triage-words'>
            <Text className='triage-label'>{TRIAGE_LABELS[t]}</Text>
            <Text className='triage-desc'>{TRIAGE_DESCRIPTIONS[t]}</Text>
          </View>
        </View>
      ))}
      {fields.triage ? <Text className='field-error triage-error'>{fields.triage}</Text> : null}

      {triage === 'major' ? (
        <View className='major-fields'>
          <Text className='field-label'>交办部门</Text>
          <Input
            className={`text-input text-input--plain department-input${fields.department ? ' text-input--error' : ''}`}
            value={department}
            maxlength={30}
            placeholder='例如：镇城管办'
            placeholderClass='input-placeholder'
            onInput={(e) => setDepartment(e.detail.value)}
          />
          {fields.department ? <Text className='field-error department-error'>{fields.department}</Text> : null}
          <Text className='field-label'>办理期限</Text>
          <Picker mode='date' value={dueDate || today} start={today} onChange={(e) => setDueDate(String(e.detail.value))}>
            <View className={`picker-field due-date-input${dueDate ? '' : ' picker-field--empty'}${fields.dueDate ? ' picker-field--error' : ''}`}>
              <Text className='picker-value'>{dueDate ? `${longChinaDate(dueDate)}（${formatChinaDate(dueDate).split(' ')[1]}）` : '选择日期'}</Text>
              <Text className='picker-arrow'>›</Text>
            </View>
          </Picker>
          {fields.dueDate ? <Text className='field-error dueDate-error'>{fields.dueDate}</Text> : null}
        </View>
      ) : null}

      <Text className='field-label'>内部备注（居民看不到，可以不填）</Text>
      <Input
        className='text-input text-input--plain note-input'
        value={note}
        maxlength={500}
        placeholder='例如：已电话联系，周三现场查看'
        placeholderClass='input-placeholder'
        onInput={(e) => setNote(e.detail.value)}
      />
      {fields.note ? <Text className='field-error note-error'>{fields.note}</Text> : null}
      <Button
        key={busy ? 'busy' : 'idle'}
        className={`btn btn--primary accept-submit${busy ? ' btn--busy' : ''}`}
        loading={busy || undefined}
        disabled={busy || undefined}
        onClick={() => void submit()}
      >
        {busy ? '正在受理…' : '受理'}
      </Button>
    </View>
  )
}

/** A template's words with this submission's facts in place of {类别} {部门} {期限} {地点} {工作室}. */
export function filledTemplate(text: string, view: StudioSubmissionView): string {
  return fillReplyTemplate(text, {
    category: view.category,
    studioName: view.studioName,
    department: view.department,
    dueDate: view.departmentDueDate ? longChinaDate(view.departmentDueDate) : undefined,
    place: view.place,
  })
}

/**
 * The studio's own reply templates (答复模板), read again each time the page is shown (they may just have been
 * edited); the built-in ones when they cannot be read, so replying never depends on them.
 */
function useReplyTemplates(studioId: string, shown: number): ReplyTemplate[] | null {
  const [templates, setTemplates] = useState<ReplyTemplate[] | null>(null)
  useEffect(() => {
    let current = true
    getReplyTemplates(studioId)
      .then((data) => {
        if (!current) return
        setTemplates(Array.isArray(data?.templates) ? data.templates.filter((t) => t && typeof t.title === 'string' && typeof t.text === 'string') : DEFAULT_REPLY_TEMPLATES)
      })
      .catch(() => {
        if (current) setTemplates((known) => known ?? DEFAULT_REPLY_TEMPLATES)
      })
    return () => {
      current = false
    }
  }, [studioId, shown])
  return templates
}

function ReplyPanel({ view, shown, onDone, onRefused }: { view: StudioSubmissionView; shown: number; onDone: Update; onRefused: () => void }) {
  const templates = useReplyTemplates(view.studioId, shown)
  const [text, setText] = useState('')
  /** The words last put in from a template: replacing them asks nothing, replacing what was typed asks first. */
  const [filled, setFilled] = useState('')
  const [isPublic, setPublic] = useState(view.public)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const parsed = parseWith(replyRequest, { text, public: isPublic })
    if (!parsed.ok) {
      setError(parsed.fields.text ?? Object.values(parsed.fields)[0] ?? '请填写答复内容')
      return
    }
    setError(null)
    setBusy(true)
    const ok = await act('正在答复…', '已答复', () => replyToSubmission(view.id, parsed.value), onDone, onRefused)
    setBusy(false)
    if (ok) {
      setText('')
      setFilled('')
    }
  }

  const pickTemplate = (template: ReplyTemplate) => {
    const words = filledTemplate(template.text, view)
    const put = () => {
      setText(words)
      setFilled(words)
      setError(null)
    }
    if (!text.trim() || text === filled) {
      put()
      return
    }
    Taro.showModal({ title: '换成模板', content: `用“${template.title}”替换已经写好的答复吗？`, confirmText: '替换', cancelText: '不换' })
      .then(({ confirm }) => {
        if (confirm) put()
      })
      .catch(() => undefined)
  }

  return (
    <View className='card action-panel reply-panel'>
      <Text className='card-title'>{view.status === 'replied' ? '补充答复' : '答复'}</Text>
      <Text className='field-hint'>点一个模板填入，再按实际情况修改：</Text>
      <View className='chip-row chip-row--compact reply-templates'>
        {templates === null ? <Text className='field-hint reply-templates-loading'>正在载入模板…</Text> : null}
        {templates !== null && templates.length === 0 ? <Text className='field-hint reply-templates-empty'>还没有模板。</Text> : null}
        {(templates ?? []).map((template, index) => (
          <View key={`${index}-${template.title}`} className='chip chip--small reply-template' hoverClass='chip--pressed' role='button' onClick={() => pickTemplate(template)}>
            <Text>{template.title}</Text>
          </View>
        ))}
      </View>
      <View className='link-button manage-templates' hoverClass='card--pressed' role='button' onClick={() => openPage(REP_TEMPLATES_PAGE)}>
        <Text className='link-text'>管理模板 ›</Text>
      </View>
      <Textarea
        className={`text-input textarea-input reply-input${error ? ' text-input--error' : ''}`}
        value={text}
        maxlength={1000}
        placeholder='答复以工作室的名义发出'
        placeholderClass='input-placeholder'
        onInput={(e) => {
          setText(e.detail.value)
          if (error) setError(null)
        }}
      />
      <Text className='text-count'>{text.length} / 1000 字</Text>
      {error ? <Text className='field-error reply-error'>{error}</Text> : null}
      <View
        className={`consent-switch reply-public${isPublic ? ' consent-switch--on' : ''}`}
        role='switch'
        aria-checked={isPublic}
        hoverClass='consent-switch--pressed'
        onClick={() => setPublic(!isPublic)}
      >
        <Text className='consent-switch-label'>公开答复到公示墙</Text>
        <View className='switch-track'>
          <Text className='switch-text'>{isPublic ? '开' : '关'}</Text>
          <View className='switch-knob' />
        </View>
      </View>
      <Text className='field-hint'>
        {!view.public ? '居民没有同意公开，这条不会上公示墙。' : isPublic ? '答复会和意见一起公开（不显示个人信息）。' : '只有居民本人能看到这条答复。'}
      </Text>
      <Button
        key={busy ? 'busy' : 'idle'}
        className={`btn btn--primary reply-submit${busy ? ' btn--busy' : ''}`}
        loading={busy || undefined}
        disabled={busy || undefined}
        onClick={() => void submit()}
      >
        {busy ? '正在答复…' : '发送答复'}
      </Button>
    </View>
  )
}

export default function RepSubmissionPage() {
  const { params } = useRouter()
  const id = param(params.id)
  const [user] = useSessionUser()
  const [busy, setBusy] = useState(false)
  /** Counts the times the page is shown: back from 管理模板, the reply templates are read again. */
  const [shown, setShown] = useState(0)
  const studioId = isRepUser(user) ? user.studioId : ''
  const { state, reload, retry, setData } = usePageData(() => getStudioSubmission(studioId, id), [studioId, id], {
    enabled: !!studioId && !!id,
    initial: () => (id ? { status: 'loading' } : { status: 'error', message: '没有找到这条意见' }),
    reloadOnShow: true,
    pullDownRefresh: true,
    onRefreshError: 'error',
  })
  useDidShow(() => setShown((n) => n + 1))

  if (!isRepUser(user)) return <NoRepAccess user={user} />
  if (state.status !== 'ready') {
    return (
      <View className='page rep-page'>
        <PageState state={state} onRetry={retry} />
      </View>
    )
  }

  const view = state.data
  const onDone: Update = setData
  const onRefused = () => void reload()
  const can = (action: string) => view.allowedActions.includes(action)

  const resolve = () => {
    if (busy) return
    Taro.showModal({ title: '办结', content: '确认这件事已经办好，可以办结了吗？办结后居民可以评价。', confirmText: '办结', cancelText: '再等等' })
      .then(async ({ confirm }) => {
        if (!confirm) return
        setBusy(true)
        await act('正在办结…', '已办结', () => resolveSubmission(view.id), onDone, onRefused)
        setBusy(false)
      })
      .catch(() => undefined)
  }

  const approve = async () => {
    if (busy) return
    setBusy(true)
    await act('正在提交…', '已准予公示', () => approveBoard(view.id), onDone, onRefused)
    setBusy(false)
  }

  return (
    <View className='page rep-page rep-submission-page'>
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
        {view.triage ? (
          <Text className='plain-line triage-line'>
            分流：{TRIAGE_LABELS[view.triage]}{view.department ? `，交办${view.department}` : ''}{view.departmentDueDate ? `，${longChinaDate(view.departmentDueDate)}前办结` : ''}
          </Text>
        ) : null}
        {view.rating ? <Text className='plain-line rating-line'>居民评价：{RATING_LABELS[view.rating]}</Text> : null}
      </View>

      {view.phone ? (
        <View className='card phone-card'>
          <Text className='card-label'>居民留的手机号（只用于办理这条意见）</Text>
          <Text className='phone-number'>{view.phone}</Text>
          <Button
            className='btn btn--secondary btn--compact call-phone'
            onClick={() => {
              Taro.makePhoneCall?.({ phoneNumber: view.phone as string })?.catch?.(() => undefined)
            }}
          >
            拨打电话
          </Button>
        </View>
      ) : null}

      {view.contentHeld ? (
        <View className='notice content-held'>
          <Text className='notice-title'>内容待审核，暂不公示</Text>
          <Text className='notice-body'>系统发现这条意见可能含有个人信息或不宜公开的内容。核对无误后，可以准予公示。</Text>
          {view.contentHeld ? (
            <Button className='btn btn--primary approve-board' disabled={busy || undefined} onClick={() => void approve()}>准予公示</Button>
          ) : null}
        </View>
      ) : null}

      {can('accept') ? <AcceptPanel view={view} onDone={onDone} onRefused={onRefused} /> : null}
      {can('reply') ? <ReplyPanel view={view} shown={shown} onDone={onDone} onRefused={onRefused} /> : null}
      {can('resolve') ? (
        <View className='card action-panel resolve-panel'>
          <Text className='card-title'>办结</Text>
          <Text className='plain-line'>已经答复并办好了，就办结。办结后居民可以评价。</Text>
          <Button className='btn btn--primary resolve-button' disabled={busy || undefined} onClick={resolve}>办结</Button>
        </View>
      ) : null}

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
