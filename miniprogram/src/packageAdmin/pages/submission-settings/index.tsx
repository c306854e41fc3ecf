import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { submissionSettingsRequest, type SubmissionSettingsResponse } from '@shared/schemas/submission'
import { chinaDate, formatChinaDate } from '@shared/time'
import { parseWith } from '@shared/validation'
import { getSubmissionSettings, saveSubmissionSettings } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { useSessionUser } from '../../../services/use-session-user'
import { usePageData } from '../../../services/use-page-data'
import { PageState } from '../../../components/page-state'
import { isAdminUser, NoAdminAccess } from '../../admin-access'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

export const MAX_CATEGORIES = 12

interface CategoryDraft {
  key: number
  name: string
  /** As typed: checked by the shared schema on 保存. */
  acceptDays: string
  replyDays: string
}

interface SettingsForm {
  categories: CategoryDraft[]
  holidays: string[]
  workdays: string[]
  /** As typed (checked by the shared schema on 保存). */
  escalateAfterDays: string
}

type Errors = Record<string, string>
type DateListKey = 'holidays' | 'workdays'

let nextKey = 1

function formFrom(data: SubmissionSettingsResponse): SettingsForm {
  return {
    categories: data.categories.map((c) => ({ key: nextKey++, name: c.name, acceptDays: String(c.acceptDays), replyDays: String(c.replyDays) })),
    holidays: [...data.holidays].sort(),
    workdays: [...data.workdays].sort(),
    escalateAfterDays: String(data.escalateAfterDays),
  }
}

/** '' or not a whole number → NaN, so the schema answers 「…应为数字」. */
function toDays(value: string): number {
  const text = value.trim()
  return /^-?\d+$/.test(text) ? Number(text) : Number.NaN
}

/** The first message at `key` or under it (`holidays.3` → under `holidays`). */
function messageFor(errors: Errors, key: string): string | undefined {
  if (errors[key]) return errors[key]
  const inside = Object.keys(errors).find((k) => k.startsWith(`${key}.`))
  return inside ? errors[inside] : undefined
}

const DATE_LISTS: Array<{ key: DateListKey; title: string; hint: string; empty: string; add: string }> = [
  { key: 'holidays', title: '另外的休息日', hint: '这些日子不算工作日（如本地放假）', empty: '没有另外的休息日', add: '＋ 添加休息日' },
  { key: 'workdays', title: '调休上班日', hint: '这些日子即使是周末也算工作日', empty: '没有调休上班日', add: '＋ 添加调休上班日' },
]

/**
 * 国家法定节假日: which years of the national calendar are entered (an operator's job, `npm run holidays`), and the
 * warning when one that should be is missing — its deadlines then count weekends only.
 */
function NationalCalendar({ national }: { national: NonNullable<SubmissionSettingsResponse['national']> }) {
  return (
    <View className='card national-calendar'>
      <Text className='card-title'>国家法定节假日</Text>
      {national.years.map((y) => (
        <Text key={y.year} className={`plain-line national-year${y.entered ? '' : ' national-year--missing'}`}>
          {y.year}年：{y.entered ? `已录入（${y.source ?? '国务院办公厅通知'}）` : '未录入，这一年的期限只按周末计算'}
        </Text>
      ))}
      {national.warning ? (
        <View className='notice notice--warn national-warning' role='alert'>
          <Text className='notice-body'>{national.warning}</Text>
        </View>
      ) : null}
    </View>
  )
}

/** 意见类别与时限: the studio's categories, how many working days to accept (受理) and reply (答复), extra days off and 调休. */
export default function SubmissionSettingsPage() {
  const [user] = useSessionUser()
  const studioId = isAdminUser(user) ? user.studioId : null
  const [form, setForm] = useState<SettingsForm | null>(null)
  const [errors, setErrors] = useState<Errors>({})
  const [saving, setSaving] = useState(false)
  const today = useRef(chinaDate(new Date())).current

  const { state, retry } = usePageData(() => getSubmissionSettings(studioId as string), [studioId], {
    enabled: !!studioId,
    onData: (data) => setForm(formFrom(data)),
  })

  if (!isAdminUser(user)) return <NoAdminAccess user={user} />

  if (!form) {
    // the form is made from the loaded settings as they arrive
    return (
      <Page className='admin-page'>
        <PageState state={state} onRetry={retry} />
      </Page>
    )
  }

  const clear = (...keys: string[]) => {
    if (!keys.some((k) => errors[k])) return
    const next = { ...errors }
    for (const k of keys) delete next[k]
    setErrors(next)
  }

  const changeCategory = (index: number, patch: Partial<CategoryDraft>) => {
    setForm({ ...form, categories: form.categories.map((c, i) => (i === index ? { ...c, ...patch } : c)) })
    const touched = Object.keys(patch).map((k) => `categories.${index}.${k}`)
    // 答复时限 is compared with 受理时限: either change may settle it
    if ('acceptDays' in patch) touched.push(`categories.${index}.replyDays`)
    clear(...touched, 'categories')
  }

  const addCategory = () => {
    if (form.categories.length >= MAX_CATEGORIES) {
      Taro.showToast({ title: `最多 ${MAX_CATEGORIES} 个类别`, icon: 'none' })
      return
    }
    const last = form.categories[form.categories.length - 1]
    setForm({ ...form, categories: [...form.categories, { key: nextKey++, name: '', acceptDays: last?.acceptDays ?? '1', replyDays: last?.replyDays ?? '5' }] })
    clear('categories')
  }

  const removeCategory = (index: number) => {
    const name = form.categories[index].name.trim()
    setForm({ ...form, categories: form.categories.filter((_, i) => i !== index) })
    // indexes moved: the messages would point at the wrong row
    setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith('categories'))))
    Taro.showToast({ title: name ? `已删除“${name}”，保存后生效` : '已删除，保存后生效', icon: 'none' })
  }

  const addDate = (key: DateListKey, date: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return
    if (form[key].includes(date)) {
      Taro.showToast({ title: '这一天已经在列表里了', icon: 'none' })
      return
    }
    setForm({ ...form, [key]: [...form[key], date].sort() })
    setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => k !== key && !k.startsWith(`${key}.`))))
  }

  const removeDate = (key: DateListKey, date: string) => {
    setForm({ ...form, [key]: form[key].filter((d) => d !== date) })
    setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => k !== key && !k.startsWith(`${key}.`))))
  }

  const save = async () => {
    if (saving) return
    const parsed = parseWith(submissionSettingsRequest, {
      categories: form.categories.map((c) => ({ name: c.name, acceptDays: toDays(c.acceptDays), replyDays: toDays(c.replyDays) })),
      holidays: form.holidays,
      workdays: form.workdays,
      escalateAfterDays: toDays(form.escalateAfterDays),
    })
    if (!parsed.ok) {
      setErrors(parsed.fields)
      Taro.showToast({ title: '有几处需要修改，请看红字', icon: 'none' })
      return
    }
    setErrors({})
    setSaving(true)
    Taro.showLoading({ title: '正在保存…', mask: true })
    try {
      const saved = await saveSubmissionSettings(user.studioId, parsed.value)
      Taro.hideLoading()
      setForm(formFrom(saved))
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (error) {
      Taro.hideLoading()
      if (isApiError(error) && Object.keys(error.fields).length > 0) setErrors(error.fields)
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setSaving(false)
    }
  }

  const general = errors.categories || errors._
  return (
    <Page className='admin-page submission-settings-page'>
      <View className='card card--hint'>
        <Text className='card-title'>意见类别与时限</Text>
        <Text className='plain-line'>居民提意见时从这些类别里选。时限按工作日算：0 表示当天。</Text>
      </View>
      {state.status === 'ready' && state.data.national ? <NationalCalendar national={state.data.national} /> : null}

      {form.categories.map((c, index) => {
        const nameError = errors[`categories.${index}.name`]
        const acceptError = errors[`categories.${index}.acceptDays`]
        const replyError = errors[`categories.${index}.replyDays`]
        return (
          <View key={c.key} className='card category-row'>
            <View className='rule-head'>
              <Text className='rule-title'>类别 {index + 1}</Text>
              {form.categories.length > 1 ? (
                <Button className='btn btn--secondary btn--compact remove-category' onClick={() => removeCategory(index)}>删除</Button>
              ) : null}
            </View>
            <Text className='field-label'>类别名称</Text>
            <Input
              className={`text-input text-input--plain category-name-input${nameError ? ' text-input--error' : ''}`}
              value={c.name}
              maxlength={10}
              placeholder='例如：环境卫生'
              placeholderClass='input-placeholder'
              onInput={(e) => changeCategory(index, { name: e.detail.value })}
            />
            {nameError ? <Text className='field-error category-name-error'>{nameError}</Text> : null}
            <View className='days-row'>
              <View className='days-cell'>
                <Text className='field-label'>受理时限（工作日）</Text>
                <Input
                  className={`text-input text-input--plain days-input accept-days-input${acceptError ? ' text-input--error' : ''}`}
                  type='number'
                  value={c.acceptDays}
                  maxlength={2}
                  placeholder='天数'
                  placeholderClass='input-placeholder'
                  onInput={(e) => changeCategory(index, { acceptDays: e.detail.value })}
                />
                {acceptError ? <Text className='field-error accept-days-error'>{acceptError}</Text> : null}
              </View>
              <View className='days-cell'>
                <Text className='field-label'>答复时限（工作日）</Text>
                <Input
                  className={`text-input text-input--plain days-input reply-days-input${replyError ? ' text-input--error' : ''}`}
                  type='number'
                  value={c.replyDays}
                  maxlength={2}
                  placeholder='天数'
                  placeholderClass='input-placeholder'
                  onInput={(e) => changeCategory(index, { replyDays: e.detail.value })}
                />
                {replyError ? <Text className='field-error reply-days-error'>{replyError}</Text> : null}
              </View>
            </View>
          </View>
        )
      })}
      {general ? <Text className='field-error categories-error'>{general}</Text> : null}
      {form.categories.length < MAX_CATEGORIES ? (
        <Button className='btn btn--secondary add-category' onClick={addCategory}>＋ 添加类别</Button>
      ) : (
        <Text className='field-hint'>最多 {MAX_CATEGORIES} 个类别</Text>
      )}

      {DATE_LISTS.map((list) => {
        const message = messageFor(errors, list.key)
        return (
          <View key={list.key} className={`card date-list ${list.key}-list`}>
            <Text className='card-title'>{list.title}</Text>
            <Text className='field-hint'>{list.hint}</Text>
            {form[list.key].length === 0 ? <Text className='plain-line date-list-empty'>{list.empty}</Text> : null}
            {form[list.key].map((date) => (
              <View key={date} className={`date-list-item ${list.key}-item`}>
                <Text className='date-list-text'>{date.slice(0, 4)}年{formatChinaDate(date)}</Text>
                <Button className={`btn btn--secondary btn--compact date-remove ${list.key === 'holidays' ? 'holiday' : 'workday'}-remove`} onClick={() => removeDate(list.key, date)}>
                  删除
                </Button>
              </View>
            ))}
            <Picker mode='date' value={today} onChange={(e) => addDate(list.key, String(e.detail.value))}>
              <View className={`picker-field ${list.key === 'holidays' ? 'holiday' : 'workday'}-add`} hoverClass='card--pressed'>
                <Text className='picker-value'>{list.add}</Text>
                <Text className='picker-arrow'>›</Text>
              </View>
            </Picker>
            {message ? <Text className={`field-error ${list.key}-error`}>{message}</Text> : null}
          </View>
        )
      })}

      <View className='card escalate-card'>
        <Text className='card-title'>超期上报</Text>
        <Text className='field-hint'>每天早上 8 点，党代表会收到当天到期和已超期的意见；超期这么多个工作日的，同时报告工作室管理员。</Text>
        <Text className='field-label'>超期几个工作日后上报</Text>
        <Input
          className={`text-input text-input--plain days-input escalate-days-input${errors.escalateAfterDays ? ' text-input--error' : ''}`}
          type='number'
          value={form.escalateAfterDays}
          maxlength={2}
          placeholder='天数'
          placeholderClass='input-placeholder'
          onInput={(e) => {
            setForm({ ...form, escalateAfterDays: e.detail.value })
            clear('escalateAfterDays')
          }}
        />
        {errors.escalateAfterDays ? <Text className='field-error escalate-days-error'>{errors.escalateAfterDays}</Text> : null}
      </View>

      <Button
        className={`btn btn--primary btn--huge settings-save${saving ? ' btn--busy' : ''}`}
        loading={saving || undefined}
        disabled={saving || undefined}
        onClick={() => void save()}
      >
        {saving ? '正在保存…' : '保存'}
      </Button>
    </Page>
  )
}
