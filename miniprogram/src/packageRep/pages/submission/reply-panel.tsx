import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { replyRequest, type ReplyTemplate, type StudioSubmissionView } from '@shared/schemas/submission'
import { DEFAULT_REPLY_TEMPLATES, fillReplyTemplate } from '@shared/submission/reply-templates'
import { parseWith } from '@shared/validation'
import { maskPersonalDetails } from '@shared/submission/mask'
import { getReplyTemplates, replyToSubmission } from '../../../services/api'
import { openPage } from '../../../services/navigation'
import { REP_TEMPLATES_PAGE } from '../../../services/platform'
import { longChinaDate } from '../../../services/submissions'
import { BusyButton } from '../../../components/ui/busy-button'
import { act, type Update } from './act'

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

/**
 * What the public board will show once this reply is sent — the resident's words and the reply, through the same
 * masking the board uses — so the representative reads it as a neighbour will, and edits the reply if a name or an
 * address in words is still there (masking finds numbers, e-mail, WeChat/QQ ids and 门牌号, not names).
 */
export function BoardPreview({ view, reply, boardText, onBoardText }: { view: StudioSubmissionView; reply: string; boardText: string; onBoardText: (text: string) => void }) {
  const shownText = maskPersonalDetails(boardText)
  const shownReply = maskPersonalDetails(reply)
  const masked = shownText !== view.text || shownReply !== reply
  return (
    <View className='card board-preview' role='region' aria-label='公示墙上会这样显示'>
      <Text className='card-label'>公示墙上会这样显示</Text>
      <Text className='plain-line board-preview-text'>{shownText}</Text>
      <Text className='plain-line board-preview-reply'>答复：{shownReply}</Text>
      <Text className='field-hint board-preview-hint'>
        {masked ? '标 * 的地方已自动隐去（电话、证件号、邮箱、微信号、门牌号）。' : ''}如果还有姓名或住址，请改写下面居民的原文或上面的答复。
      </Text>
      <Text className='field-label'>公示时居民的原文（可以改写，居民本人看到的不变）</Text>
      <Textarea className='text-input textarea-input board-text-input' value={boardText} maxlength={1000} placeholderClass='input-placeholder' onInput={(e) => onBoardText(e.detail.value)} />
    </View>
  )
}

/** 答复: from the studio's templates, public or private, signed as the studio. */
export function ReplyPanel({ view, shown, onDone, onRefused }: { view: StudioSubmissionView; shown: number; onDone: Update; onRefused: () => void }) {
  const templates = useReplyTemplates(view.studioId, shown)
  const [text, setText] = useState('')
  /** The words last put in from a template: replacing them asks nothing, replacing what was typed asks first. */
  const [filled, setFilled] = useState('')
  const [isPublic, setPublic] = useState(view.public)
  /** The resident's words for the board: as last published, else theirs masked; sent only when changed. */
  const original = maskPersonalDetails(view.boardText ?? view.text)
  const [boardText, setBoardText] = useState(original)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const rewritten = view.public && isPublic && boardText.trim() !== original.trim()
    const parsed = parseWith(replyRequest, { text, public: isPublic, ...(rewritten ? { boardText } : {}) })
    if (!parsed.ok) {
      setError(parsed.fields.text ?? parsed.fields.boardText ?? Object.values(parsed.fields)[0] ?? '请填写答复内容')
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
      {view.public && isPublic && text.trim() ? <BoardPreview view={view} reply={text} boardText={boardText} onBoardText={setBoardText} /> : null}
      <BusyButton label='发送答复' busyLabel='正在答复…' busy={busy} className='btn--primary reply-submit' onClick={() => void submit()} />
    </View>
  )
}
