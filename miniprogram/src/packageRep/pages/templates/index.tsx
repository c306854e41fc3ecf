import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { MAX_REPLY_TEMPLATES, replyTemplatesRequest, type ReplyTemplatesResponse } from '@shared/schemas/submission'
import type { ReplyTemplateFacts, ReplyTemplatePlaceholder } from '@shared/submission/reply-templates'
import { addDays, chinaDate } from '@shared/time'
import { parseWith } from '@shared/validation'
import { getReplyTemplates, saveReplyTemplates } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { isWeapp } from '../../../services/platform'
import { chinaDateTime, longChinaDate } from '../../../services/submissions'
import { useSessionUser } from '../../../services/use-session-user'
import { usePageData } from '../../../services/use-page-data'
import { PageState } from '../../../components/page-state'
import { isRepUser, NoRepAccess } from '../../rep-access'
import './index.css'
import { labelled, PlaceholderHelp, TEXT_MAX, TemplateCard, type TemplateDraft } from './template-card'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

type Errors = Record<string, string>
/** Why the last 保存 did not go through, shown next to the button with what to do. */
type Problem = 'conflict' | 'network' | null

let nextKey = 1

/** The list as loaded or saved; after a save the cards keep their keys, so the one being edited stays open. */
function draftsFrom(data: ReplyTemplatesResponse, keep?: TemplateDraft[]): TemplateDraft[] {
  return data.templates.map((t, i) => ({ key: keep?.[i]?.key ?? nextKey++, title: t.title, text: t.text }))
}

/** What the list looks like to the API, to tell whether anything was changed since it was loaded or saved. */
function snapshot(drafts: TemplateDraft[]): string {
  return JSON.stringify(drafts.map((d) => [d.title, d.text]))
}

/** The example the preview is filled with. */
export function sampleFacts(studioName: string | undefined, today: string): ReplyTemplateFacts {
  return { category: '道路交通', department: '镇城管办', dueDate: longChinaDate(addDays(today, 10)), place: '老街口', studioName: studioName || '本工作室' }
}

/**
 * 模板名称不能重复 is said of the whole list; point at the name that repeats an earlier one instead, so it shows
 * next to the field to change.
 */
function placeDuplicate(fields: Errors, drafts: TemplateDraft[]): Errors {
  if (!fields.templates) return fields
  const out = { ...fields }
  const seen = new Map<string, number>()
  let placed = false
  drafts.forEach((d, index) => {
    const title = d.title.trim()
    if (!title) return
    const first = seen.get(title)
    if (first === undefined) {
      seen.set(title, index)
    } else if (!out[`templates.${index}.title`]) {
      out[`templates.${index}.title`] = `模板名称不能重复（和第 ${first + 1} 个一样）`
      placed = true
    }
  })
  if (placed) delete out.templates
  return out
}

function firstMessage(fields: Errors): string {
  const key = Object.keys(fields).sort((a, b) => {
    // the first template first, its name before its content
    const ia = /^templates\.(\d+)/.exec(a)
    const ib = /^templates\.(\d+)/.exec(b)
    if (ia && ib) return Number(ia[1]) - Number(ib[1]) || (a.endsWith('title') ? -1 : 1)
    return ia ? -1 : ib ? 1 : 0
  })[0]
  return key ? labelled(key, fields[key]) : '有几处需要修改，请看红字'
}

/** Messages about one template move with it: after a delete the indexes change, so they are dropped. */
function withoutTemplateErrors(errors: Errors): Errors {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => k !== 'templates' && !k.startsWith('templates.')))
}

/**
 * 答复模板: the studio's own reply templates. Its representatives and admin edit them here; on the 意见办理 page a tap
 * fills the reply with one. `{类别}` and the other words are replaced with the submission's facts when used.
 */
export default function ReplyTemplatesPage() {
  const [user] = useSessionUser()
  const studioId = isRepUser(user) ? user.studioId : ''
  const [drafts, setDrafts] = useState<TemplateDraft[] | null>(null)
  const [version, setVersion] = useState(0)
  const [updatedAt, setUpdatedAt] = useState<string | undefined>(undefined)
  const [errors, setErrors] = useState<Errors>({})
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<Problem>(null)
  /** The template whose content the word chips go into, and whose preview is shown. */
  const [active, setActive] = useState<number | null>(null)
  const saved = useRef('')
  /** Where the caret was last seen in each content box (weapp and H5 report it on input and blur). */
  const cursors = useRef<Record<number, number>>({})
  const today = useRef(chinaDate(new Date())).current

  const apply = useCallback((data: ReplyTemplatesResponse, keep?: TemplateDraft[]) => {
    const next = draftsFrom(data, keep)
    saved.current = snapshot(next)
    if (!keep) cursors.current = {}
    setDrafts(next)
    setVersion(data.version)
    setUpdatedAt(data.updatedAt)
    setActive((current) => (next.some((d) => d.key === current) ? current : next[0]?.key ?? null))
  }, [])

  const { state, retry } = usePageData(() => getReplyTemplates(studioId), [studioId], { enabled: !!studioId, onData: (data) => apply(data) })

  const dirty = drafts !== null && snapshot(drafts) !== saved.current
  useEffect(() => {
    // weapp: the back button asks first while there are changes not yet saved
    if (!isWeapp()) return
    try {
      if (dirty) Taro.enableAlertBeforeUnload({ message: '答复模板的修改还没有保存，确定离开吗？' })
      else Taro.disableAlertBeforeUnload()
    } catch {
      // older WeChat: no question asked
    }
  }, [dirty])

  if (!isRepUser(user)) return <NoRepAccess user={user} />

  if (!drafts) {
    // the drafts are made from the loaded templates as they arrive
    return (
      <Page className='rep-page templates-page'>
        <PageState state={state} onRetry={retry} />
      </Page>
    )
  }

  const change = (key: number, patch: Partial<Omit<TemplateDraft, 'key'>>) => {
    const index = drafts.findIndex((d) => d.key === key)
    if (index < 0) return
    setDrafts(drafts.map((d) => (d.key === key ? { ...d, ...patch } : d)))
    setActive(key)
    const touched = Object.keys(patch).map((k) => `templates.${index}.${k}`)
    if ('title' in patch) touched.push('templates')
    if (touched.some((k) => errors[k])) {
      const next = { ...errors }
      for (const k of touched) delete next[k]
      setErrors(next)
    }
  }

  const insert = (key: number, name: ReplyTemplatePlaceholder) => {
    const draft = drafts.find((d) => d.key === key)
    if (!draft) return
    const word = `{${name}}`
    if (draft.text.length + word.length > TEXT_MAX) {
      Taro.showToast({ title: `内容最多 ${TEXT_MAX} 个字，放不下了`, icon: 'none' })
      return
    }
    const seen = cursors.current[key]
    const at = seen !== undefined && seen >= 0 && seen <= draft.text.length ? seen : draft.text.length
    cursors.current[key] = at + word.length
    change(key, { text: draft.text.slice(0, at) + word + draft.text.slice(at) })
  }

  const add = () => {
    if (drafts.length >= MAX_REPLY_TEMPLATES) {
      Taro.showToast({ title: `最多 ${MAX_REPLY_TEMPLATES} 个模板`, icon: 'none' })
      return
    }
    const draft: TemplateDraft = { key: nextKey++, title: '', text: '' }
    setDrafts([...drafts, draft])
    setActive(draft.key)
    if (errors.templates) {
      const next = { ...errors }
      delete next.templates
      setErrors(next)
    }
  }

  const remove = (key: number) => {
    const draft = drafts.find((d) => d.key === key)
    if (!draft) return
    const title = draft.title.trim()
    Taro.showModal({
      title: '删除模板',
      content: `确定删除${title ? `“${title}”` : '这个模板'}吗？点“保存”后才生效。`,
      confirmText: '删除',
      cancelText: '不删',
      confirmColor: '#C8161D',
    })
      .then(({ confirm }) => {
        if (!confirm) return
        setDrafts((list) => (list ? list.filter((d) => d.key !== key) : list))
        setActive((current) => (current === key ? null : current))
        // indexes moved: the messages would point at the wrong template
        setErrors(withoutTemplateErrors)
        Taro.showToast({ title: '已删除，保存后生效', icon: 'none' })
      })
      .catch(() => undefined)
  }

  const reload = async () => {
    Taro.showLoading({ title: '正在载入…', mask: true })
    try {
      const data = await getReplyTemplates(studioId)
      Taro.hideLoading()
      apply(data)
      setErrors({})
      setProblem(null)
      Taro.showToast({ title: '已载入最新的模板', icon: 'none' })
    } catch (error) {
      Taro.hideLoading()
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    }
  }

  const save = async () => {
    if (saving) return
    const parsed = parseWith(replyTemplatesRequest, { templates: drafts.map((d) => ({ title: d.title, text: d.text })), version })
    if (!parsed.ok) {
      const fields = placeDuplicate(parsed.fields, drafts)
      setErrors(fields)
      Taro.showToast({ title: firstMessage(fields), icon: 'none', duration: 3000 })
      return
    }
    setErrors({})
    setProblem(null)
    setSaving(true)
    Taro.showLoading({ title: '正在保存…', mask: true })
    try {
      const result = await saveReplyTemplates(studioId, parsed.value)
      Taro.hideLoading()
      apply(result, drafts)
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (error) {
      Taro.hideLoading()
      if (isApiError(error) && (error.status === 409 || error.code === 'CONFLICT')) {
        setProblem('conflict')
        Taro.showToast({ title: '没有保存：模板刚被别人改过', icon: 'none', duration: 3000 })
      } else if (isApiError(error) && error.code === 'NETWORK_ERROR') {
        setProblem('network')
        Taro.showToast({ title: '网络不太好，没有保存上', icon: 'none', duration: 3000 })
      } else {
        if (isApiError(error) && Object.keys(error.fields).length > 0) setErrors(placeDuplicate(error.fields, drafts))
        Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
      }
    } finally {
      setSaving(false)
    }
  }

  const facts = sampleFacts(user.studioName, today)
  const activeKey = drafts.some((d) => d.key === active) ? active : drafts[0]?.key
  const general = errors.templates || errors.version || errors._

  return (
    <Page className='rep-page templates-page'>
      <View className='card card--hint templates-intro'>
        <Text className='card-title'>答复模板</Text>
        <Text className='plain-line'>答复居民时，点一下模板就能把话填好，再按实际情况修改后发出。这里的模板本工作室的党代表和管理员共用。</Text>
        <Text className='field-hint templates-status'>
          {updatedAt ? `上次保存：${chinaDateTime(updatedAt)}` : '现在用的是系统提供的模板，还没有人修改过。'}
        </Text>
      </View>

      <PlaceholderHelp />

      {drafts.length === 0 ? (
        <View className='card templates-empty'>
          <Text className='plain-line'>还没有模板。点下面的“添加模板”写一个。</Text>
        </View>
      ) : null}

      {drafts.map((d, index) => (
        <TemplateCard
          key={d.key}
          draft={d}
          index={index}
          titleError={errors[`templates.${index}.title`]}
          textError={errors[`templates.${index}.text`] ?? errors[`templates.${index}`]}
          active={d.key === activeKey}
          facts={facts}
          onActivate={() => setActive(d.key)}
          onRemove={() => remove(d.key)}
          onChange={(patch) => change(d.key, patch)}
          onCursor={(cursor) => {
            cursors.current[d.key] = cursor
          }}
          onInsert={(name) => insert(d.key, name)}
        />
      ))}

      {general ? <Text className='field-error templates-error'>{general}</Text> : null}
      {drafts.length < MAX_REPLY_TEMPLATES ? (
        <Button className='btn btn--secondary template-add' onClick={add}>＋ 添加模板</Button>
      ) : (
        <Text className='field-hint templates-max'>最多 {MAX_REPLY_TEMPLATES} 个模板</Text>
      )}

      {problem === 'conflict' ? (
        <View className='notice notice--cancelled templates-conflict'>
          <Text className='notice-title'>没有保存：模板刚被别人改过</Text>
          <Text className='notice-body'>
            在您修改的时候，另一位党代表（或管理员）保存了答复模板。您这次的修改还在上面，但没有保存。
          </Text>
          <Text className='notice-body'>点“重新载入”会换成最新的模板，您这次的修改会被替换；想留下自己写的话，可以先复制下来。</Text>
          <Button className='btn btn--primary templates-reload' onClick={() => void reload()}>重新载入</Button>
        </View>
      ) : null}
      {problem === 'network' ? (
        <View className='notice notice--cancelled templates-network'>
          <Text className='notice-title'>网络不太好，没有保存上</Text>
          <Text className='notice-body'>您写的内容都还在，请检查网络后再点“保存”。</Text>
        </View>
      ) : null}

      {dirty ? <Text className='field-hint templates-unsaved'>有修改还没有保存</Text> : null}
      <Button
        key={saving ? 'busy' : 'idle'}
        className={`btn btn--primary btn--huge templates-save${saving ? ' btn--busy' : ''}`}
        loading={saving || undefined}
        disabled={saving || undefined}
        onClick={() => void save()}
      >
        {saving ? '正在保存…' : '保存'}
      </Button>
    </Page>
  )
}
