import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { ServiceView } from '@shared/schemas/admin'
import { MAX_RULES_PER_VENUE, upsertVenueRequest, type UpsertVenueRequest } from '@shared/schemas/venue'
import { parseWith } from '@shared/validation'
import { createVenue, listServices, listVenues, updateVenue } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { useSessionUser } from '../../../services/use-session-user'
import { ErrorCard, PageLoading } from '../../../components/page-state'
import { ADMIN_VENUES_PAGE } from '../../../services/platform'
import { isAdminUser, NoAdminAccess } from '../../admin-access'
import { decodeParam } from '../../../services/navigation'
import { draftFromRule, emptyRule, ruleFromDraft, type RuleDraft } from '../../rule-draft'
import { rememberedServices, rememberedVenue, rememberServices, rememberVenue } from '../../store'
import { RuleEditor } from '../../components/rule-editor'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

interface VenueForm {
  name: string
  address: string
  rules: RuleDraft[]
}

type Errors = Record<string, string>

/** The messages of rule `index`, keyed by the field inside the rule (`rules.0.days` → `days`). */
function ruleErrors(errors: Errors, index: number): Errors {
  const prefix = `rules.${index}.`
  const out: Errors = {}
  for (const [key, message] of Object.entries(errors)) if (key.startsWith(prefix)) out[key.slice(prefix.length)] ??= message
  return out
}

function goBack() {
  const depth = (() => {
    try {
      return Taro.getCurrentPages().length
    } catch {
      return 0
    }
  })()
  if (depth > 1) Taro.navigateBack().catch(() => Taro.redirectTo({ url: ADMIN_VENUES_PAGE }))
  else Taro.redirectTo({ url: ADMIN_VENUES_PAGE }).catch(() => undefined)
}

/** Add or edit a venue (集市/地点) and its schedule rules. */
export default function VenueEditPage() {
  const { params } = useRouter()
  const venueId = decodeParam(params.id)
  const [user] = useSessionUser()
  const studioId = isAdminUser(user) ? user.studioId : null

  const [services, setServices] = useState<ServiceView[] | null>(() => rememberedServices() ?? null)
  const [form, setForm] = useState<VenueForm | null>(() => {
    if (!venueId) return { name: '', address: '', rules: [emptyRule()] }
    const venue = rememberedVenue(venueId)
    return venue ? { name: venue.name, address: venue.address, rules: venue.rules.map(draftFromRule) } : null
  })
  const [loadError, setLoadError] = useState<string | null>(null)
  const [errors, setErrors] = useState<Errors>({})
  const [saving, setSaving] = useState(false)

  const load = useCallback(async () => {
    if (!studioId) return
    setLoadError(null)
    try {
      if (!services) {
        const list = (await listServices(studioId)).services
        rememberServices(list)
        setServices(list)
      }
      if (venueId && !form) {
        const venue = (await listVenues(studioId)).venues.find((v) => v.id === venueId)
        if (!venue) {
          setLoadError('没有找到这个地点，可能已被删除')
          return
        }
        rememberVenue(venue)
        setForm({ name: venue.name, address: venue.address, rules: venue.rules.map(draftFromRule) })
      }
    } catch (error) {
      setLoadError(errorMessage(error))
    }
    // loads what is missing once; a retry calls it again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [studioId, venueId])

  useEffect(() => {
    void load()
  }, [load])

  if (!isAdminUser(user)) return <NoAdminAccess user={user} />

  if (loadError) {
    return (
      <Page className='admin-page'>
        <ErrorCard message={loadError} onRetry={() => void load()} />
      </Page>
    )
  }
  if (!form || !services) {
    return (
      <Page className='admin-page'>
        <PageLoading />
      </Page>
    )
  }

  const setField = (key: 'name' | 'address', value: string) => {
    setForm({ ...form, [key]: value })
    if (errors[key]) setErrors({ ...errors, [key]: '' })
  }

  const changeRule = (index: number, patch: Partial<RuleDraft>) => {
    setForm({ ...form, rules: form.rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)) })
    // the messages of the fields just changed go away
    const prefix = `rules.${index}.`
    const touched = Object.keys(patch).flatMap((k) => (k === 'lunarDays' || k === 'monthDays' ? ['days'] : k === 'kind' ? ['days', 'weekdays', 'date'] : [k]))
    const next = { ...errors }
    for (const key of Object.keys(next)) if (key.startsWith(prefix) && touched.includes(key.slice(prefix.length).split('.')[0])) delete next[key]
    setErrors(next)
  }

  const removeRule = (index: number) => {
    setForm({ ...form, rules: form.rules.filter((_, i) => i !== index) })
    setErrors({}) // indexes moved: messages would point at the wrong rule
  }

  const save = async () => {
    if (saving) return
    const parsed = parseWith(upsertVenueRequest, { name: form.name, address: form.address, rules: form.rules.map(ruleFromDraft) })
    if (!parsed.ok) {
      setErrors(parsed.fields)
      Taro.showToast({ title: '有几处需要修改，请看红字', icon: 'none' })
      return
    }
    setErrors({})
    setSaving(true)
    Taro.showLoading({ title: '正在保存…', mask: true })
    try {
      const body: UpsertVenueRequest = parsed.value
      const venue = venueId ? await updateVenue(user.studioId, venueId, body) : await createVenue(user.studioId, body)
      rememberVenue(venue)
      Taro.hideLoading()
      Taro.showToast({ title: '已保存', icon: 'success' })
      setTimeout(goBack, 600)
    } catch (error) {
      Taro.hideLoading()
      if (isApiError(error) && Object.keys(error.fields).length > 0) setErrors(error.fields)
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setSaving(false)
    }
  }

  const general = errors.rules || errors._
  return (
    <Page className='admin-page venue-edit-page'>
      <View className='venue-form'>
        <View className='card'>
          <Text className='card-title'>{venueId ? '修改地点' : '新增地点'}</Text>
          <Text className='field-label'>地点名称</Text>
          <Input
            className={`text-input text-input--plain venue-name-input${errors.name ? ' text-input--error' : ''}`}
            value={form.name}
            maxlength={40}
            placeholder='例如：青石镇集市'
            placeholderClass='input-placeholder'
            onInput={(e) => setField('name', e.detail.value)}
          />
          {errors.name ? <Text className='field-error venue-name-error'>{errors.name}</Text> : null}
          <Text className='field-label'>地址</Text>
          <Input
            className={`text-input text-input--plain venue-address-input${errors.address ? ' text-input--error' : ''}`}
            value={form.address}
            maxlength={100}
            placeholder='例如：青石镇老街 18 号'
            placeholderClass='input-placeholder'
            onInput={(e) => setField('address', e.detail.value)}
          />
          {errors.address ? <Text className='field-error venue-address-error'>{errors.address}</Text> : null}
        </View>

        {form.rules.map((rule, index) => (
          <RuleEditor
            key={rule.key}
            index={index}
            draft={rule}
            services={services}
            errors={ruleErrors(errors, index)}
            onChange={(patch) => changeRule(index, patch)}
            onRemove={form.rules.length > 1 ? () => removeRule(index) : undefined}
          />
        ))}

        {general ? <Text className='field-error venue-rules-error'>{general}</Text> : null}
        {form.rules.length < MAX_RULES_PER_VENUE ? (
          <Button className='btn btn--secondary add-rule' onClick={() => setForm({ ...form, rules: [...form.rules, emptyRule()] })}>
            ＋ 再加一条排期规则
          </Button>
        ) : null}

        <Text className='plain-line venue-note'>保存后，在地点列表里点“生成未来 4 周服务点”，居民才能预约。</Text>
        <Button
          key={saving ? 'saving' : 'save'}
          className={`btn btn--primary btn--huge venue-save${saving ? ' btn--busy' : ''}`}
          loading={saving || undefined}
          disabled={saving || undefined}
          onClick={() => void save()}
        >
          {saving ? '正在保存…' : '保存'}
        </Button>
      </View>
    </Page>
  )
}
