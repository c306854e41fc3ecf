import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { fillReplyTemplate, REPLY_TEMPLATE_PLACEHOLDERS, type ReplyTemplateFacts, type ReplyTemplatePlaceholder } from '@shared/submission/reply-templates'

/** As in the shared schema (`replyTemplateSchema`): the inputs stop there, the schema says so if it is passed. */
export const TITLE_MAX = 10
export const TEXT_MAX = 500

export interface TemplateDraft {
  key: number
  title: string
  text: string
}

const KNOWN_WORDS: readonly string[] = REPLY_TEMPLATE_PLACEHOLDERS

/** `{…}` in a content that are none of the five words: they would be sent as they are. */
export function unknownWords(text: string): string[] {
  const found = new Set<string>()
  for (const m of text.matchAll(/\{([^{}\s]{1,10})\}/g)) if (!KNOWN_WORDS.includes(m[1])) found.add(`{${m[1]}}`)
  return [...found]
}

/** What each word becomes when a template is used. */
export const PLACEHOLDER_HINTS: Record<ReplyTemplatePlaceholder, string> = {
  类别: '意见的类别，例如“道路交通”',
  部门: '交办的部门；没有交办时写“有关部门”',
  期限: '部门办结的日期；没有时写“近期”',
  地点: '居民写的地点；没写时写“您说的地方”',
  工作室: '本工作室的名称',
}

/** `templates.1.title` → 第 2 个模板：… ; other keys as they are. */
export function labelled(key: string, message: string): string {
  const m = /^templates\.(\d+)(\.|$)/.exec(key)
  return m ? `第 ${Number(m[1]) + 1} 个模板：${message}` : message
}

/** The five words a template may use, and what each becomes. */
export function PlaceholderHelp() {
  return (
    <View className='card placeholder-help'>
      <Text className='card-label'>模板里可以用这些词</Text>
      <Text className='field-hint'>用模板时，会自动换成这条意见的内容：</Text>
      {REPLY_TEMPLATE_PLACEHOLDERS.map((name) => (
        <View key={name} className='placeholder-line'>
          <Text className='placeholder-word'>{`{${name}}`}</Text>
          <Text className='placeholder-desc'>{PLACEHOLDER_HINTS[name]}</Text>
        </View>
      ))}
    </View>
  )
}

interface TemplateCardProps {
  draft: TemplateDraft
  index: number
  titleError?: string
  textError?: string
  /** The card being edited shows the word chips and the preview. */
  active: boolean
  /** What the preview is filled with. */
  facts: ReplyTemplateFacts
  onActivate: () => void
  onRemove: () => void
  onChange: (patch: Partial<Pick<TemplateDraft, 'title' | 'text'>>) => void
  /** Where the cursor is in the content, so a chip inserts its word there. */
  onCursor: (cursor: number) => void
  onInsert: (word: ReplyTemplatePlaceholder) => void
}

/** One template: its name and content with their messages, and — while being edited — word chips and a preview. */
export function TemplateCard({ draft: d, index, titleError, textError, active, facts, onActivate, onRemove, onChange, onCursor, onInsert }: TemplateCardProps) {
  const unknown = unknownWords(d.text)
  return (
    <View className={`card template-card${active ? ' template-card--active' : ''}`} onClick={onActivate}>
      <View className='rule-head'>
        <Text className='rule-title'>模板 {index + 1}</Text>
        <Button className='btn btn--secondary btn--compact template-remove' onClick={onRemove}>删除</Button>
      </View>
      <Text className='field-label'>模板名称（答复时点的按钮上写的字）</Text>
      <Input
        className={`text-input text-input--plain template-title-input${titleError ? ' text-input--error' : ''}`}
        value={d.title}
        maxlength={TITLE_MAX}
        placeholder='例如：已转交部门'
        placeholderClass='input-placeholder'
        onFocus={onActivate}
        onInput={(e) => onChange({ title: e.detail.value })}
      />
      {titleError ? <Text className='field-error template-title-error'>{labelled(`templates.${index}.title`, titleError)}</Text> : null}

      <Text className='field-label'>模板内容</Text>
      <Textarea
        className={`text-input textarea-input template-text-input${textError ? ' text-input--error' : ''}`}
        value={d.text}
        maxlength={TEXT_MAX}
        placeholder='例如：您反映的{类别}问题已转交{部门}……'
        placeholderClass='input-placeholder'
        onFocus={onActivate}
        onBlur={(e) => {
          if (typeof e.detail?.cursor === 'number') onCursor(e.detail.cursor)
        }}
        onInput={(e) => {
          if (typeof e.detail.cursor === 'number') onCursor(e.detail.cursor)
          onChange({ text: e.detail.value })
        }}
      />
      <Text className={`text-count template-count${d.text.length > TEXT_MAX - 50 ? ' text-count--near' : ''}`}>{d.text.length} / {TEXT_MAX} 字</Text>
      {textError ? <Text className='field-error template-text-error'>{labelled(`templates.${index}.text`, textError)}</Text> : null}

      {active ? (
        <View className='template-tools'>
          <Text className='field-hint'>点一下，把词加到内容里：</Text>
          <View className='chip-row chip-row--compact placeholder-chips'>
            {REPLY_TEMPLATE_PLACEHOLDERS.map((name) => (
              <View key={name} className='chip chip--small placeholder-chip' hoverClass='chip--pressed' role='button' aria-label={`插入${name}`} onClick={() => onInsert(name)}>
                <Text>{`{${name}}`}</Text>
              </View>
            ))}
          </View>
          {unknown.length > 0 ? <Text className='field-hint template-unknown'>{unknown.join(' ')} 不是上面这些词，用的时候会原样发出。</Text> : null}
          <View className='template-preview'>
            <Text className='template-preview-label'>预览（用一条示例意见填好）</Text>
            <Text className='template-preview-text'>{d.text.trim() ? fillReplyTemplate(d.text, facts) : '写好内容后，这里会显示填好的样子。'}</Text>
          </View>
        </View>
      ) : (
        <Text className='field-hint template-tools-hint'>点这个模板，可以插入词语、看预览。</Text>
      )}
    </View>
  )
}
