import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { upsertServiceRequest, type ServiceView } from '@shared/schemas/admin'
import { parseWith } from '@shared/validation'
import { createService, listProviderUnits, listServices, updateService } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { useSessionUser } from '../../../services/use-session-user'
import { ErrorCard, PageLoading } from '../../../components/page-state'
import { ADMIN_SERVICES_PAGE } from '../../../services/platform'
import { isAdminUser, NoAdminAccess } from '../../admin-access'
import { decodeParam } from '../../../services/navigation'
import { rememberedService, rememberService, rememberServices } from '../../store'
import { Tick } from '../../components/tick'
import { Page } from '../../../components/ui/page'
import { ChipGroup } from '../../../components/ui/chip-group'
import '../../styles.css'

interface ServiceForm {
  name: string
  description: string
  minutesPerPerson: string
  peoplePerSlot: string
  homeVisit: boolean
  keepsHealthReadings: boolean
  /** 提供单位: a member unit of the town, or '' when the studio itself provides it. */
  providerUnitId: string
}

type FieldKey = keyof ServiceForm

const EMPTY: ServiceForm = { name: '', description: '', minutesPerPerson: '10', peoplePerSlot: '1', homeVisit: false, keepsHealthReadings: false, providerUnitId: '' }

function formOf(service: ServiceView): ServiceForm {
  return {
    name: service.name,
    description: service.description,
    minutesPerPerson: String(service.minutesPerPerson),
    peoplePerSlot: String(service.peoplePerSlot),
    homeVisit: service.homeVisit,
    keepsHealthReadings: service.keepsHealthReadings,
    providerUnitId: service.providerUnitId ?? '',
  }
}

/** 提供单位: the town's member units (a studio of no town has none, and the choice is not shown). */
function useProviderUnits(studioId: string | null): { id: string; name: string }[] {
  const [units, setUnits] = useState<{ id: string; name: string }[]>([])
  useEffect(() => {
    if (!studioId) return
    listProviderUnits(studioId)
      .then((answer) => setUnits(answer.units))
      .catch(() => setUnits([]))
  }, [studioId])
  return units
}

const toNumber = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()))

function goBack() {
  let depth = 0
  try {
    depth = Taro.getCurrentPages().length
  } catch {
    depth = 0
  }
  if (depth > 1) Taro.navigateBack().catch(() => Taro.redirectTo({ url: ADMIN_SERVICES_PAGE }))
  else Taro.redirectTo({ url: ADMIN_SERVICES_PAGE }).catch(() => undefined)
}

/** Add or edit a service offered at the stands (量血压, 磨剪刀 …). */
export default function ServiceEditPage() {
  const { params } = useRouter()
  const serviceId = decodeParam(params.id)
  const [user] = useSessionUser()
  const studioId = isAdminUser(user) ? user.studioId : null
  const [form, setForm] = useState<ServiceForm | null>(() => {
    if (!serviceId) return { ...EMPTY }
    const service = rememberedService(serviceId)
    return service ? formOf(service) : null
  })
  const [loadError, setLoadError] = useState<string | null>(null)
  const [errors, setErrors] = useState<Partial<Record<FieldKey | '_', string>>>({})
  const [saving, setSaving] = useState(false)
  const units = useProviderUnits(studioId)

  const load = async () => {
    if (!studioId || !serviceId) return
    setLoadError(null)
    try {
      const { services } = await listServices(studioId)
      rememberServices(services)
      const service = services.find((s) => s.id === serviceId)
      if (service) setForm(formOf(service))
      else setLoadError('没有找到这项服务')
    } catch (error) {
      setLoadError(errorMessage(error))
    }
  }

  useEffect(() => {
    if (!form) void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [studioId, serviceId])

  if (!isAdminUser(user)) return <NoAdminAccess user={user} />
  if (loadError) {
    return (
      <Page className='admin-page'>
        <ErrorCard message={loadError} onRetry={() => void load()} />
      </Page>
    )
  }
  if (!form) {
    return (
      <Page className='admin-page'>
        <PageLoading />
      </Page>
    )
  }

  const set = <K extends FieldKey>(key: K, value: ServiceForm[K]) => {
    setForm({ ...form, [key]: value })
    if (errors[key]) setErrors({ ...errors, [key]: undefined })
  }

  const save = async () => {
    if (saving) return
    const parsed = parseWith(upsertServiceRequest, {
      name: form.name,
      description: form.description,
      minutesPerPerson: toNumber(form.minutesPerPerson),
      peoplePerSlot: toNumber(form.peoplePerSlot),
      homeVisit: form.homeVisit,
      keepsHealthReadings: form.keepsHealthReadings,
      ...(form.providerUnitId ? { providerUnitId: form.providerUnitId } : {}),
    })
    if (!parsed.ok) {
      setErrors(parsed.fields)
      return
    }
    setErrors({})
    setSaving(true)
    Taro.showLoading({ title: '正在保存…', mask: true })
    try {
      const service = serviceId ? await updateService(user.studioId, serviceId, parsed.value) : await createService(user.studioId, parsed.value)
      rememberService(service)
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

  const numberField = (key: 'minutesPerPerson' | 'peoplePerSlot', label: string, unit: string) => (
    <View className='number-field'>
      <Text className='field-label'>{label}</Text>
      <View className='reading-input-row'>
        <Input
          className={`text-input service-${key}-input${errors[key] ? ' text-input--error' : ''}`}
          type='number'
          value={form[key]}
          maxlength={3}
          onInput={(e) => set(key, e.detail.value.replace(/[^\d]/g, ''))}
        />
        <Text className='reading-unit'>{unit}</Text>
      </View>
      {errors[key] ? <Text className={`field-error service-${key}-error`}>{errors[key]}</Text> : null}
    </View>
  )

  return (
    <Page className='admin-page service-edit-page'>
      <View className='card service-form'>
        <Text className='card-title'>{serviceId ? '修改服务项目' : '新增服务项目'}</Text>

        <Text className='field-label'>服务名称</Text>
        <Input
          className={`text-input text-input--plain service-name-input${errors.name ? ' text-input--error' : ''}`}
          value={form.name}
          maxlength={20}
          placeholder='例如：量血压'
          placeholderClass='input-placeholder'
          onInput={(e) => set('name', e.detail.value)}
        />
        {errors.name ? <Text className='field-error service-name-error'>{errors.name}</Text> : null}

        <Text className='field-label'>说明（可以不填）</Text>
        <Textarea
          className={`text-area service-description-input${errors.description ? ' text-input--error' : ''}`}
          value={form.description}
          maxlength={100}
          autoHeight
          placeholder='居民会在服务点页面看到'
          placeholderClass='input-placeholder'
          onInput={(e) => set('description', e.detail.value)}
        />
        {errors.description ? <Text className='field-error service-description-error'>{errors.description}</Text> : null}

        {numberField('minutesPerPerson', '每人大约多少分钟', '分钟')}
        {numberField('peoplePerSlot', '同时能服务几人', '人')}

        <Tick
          className='service-home-visit'
          on={form.homeVisit}
          label='上门服务'
          hint='居民预约时要填写上门地址'
          onChange={(on) => set('homeVisit', on)}
        />
        <Tick
          className='service-keeps-readings'
          on={form.keepsHealthReadings}
          label='记录健康读数（血压）'
          hint='只为单独同意的居民保存，居民可以随时查看和删除'
          onChange={(on) => set('keepsHealthReadings', on)}
        />
        {units.length > 0 || form.providerUnitId ? (
          <View className='service-provider-field'>
            <Text className='field-label'>提供单位</Text>
            <Text className='field-hint'>由镇里的成员单位提供时选择它，居民会看到「由…提供」</Text>
            <ChipGroup
              label='提供单位'
              kind='radio'
              chipClass='service-provider-chip'
              options={[{ value: '', label: '本工作室' }, ...units.map((u) => ({ value: u.id, label: u.name }))]}
              isOn={(value) => value === form.providerUnitId}
              onTap={(value) => set('providerUnitId', value)}
            />
            {errors.providerUnitId ? <Text className='field-error service-providerUnitId-error'>{errors.providerUnitId}</Text> : null}
          </View>
        ) : null}
        {serviceId ? <Text className='field-hint service-note'>修改后，已经生成的服务点仍按原来的设置。</Text> : null}

        <Button
          key={saving ? 'saving' : 'save'}
          className={`btn btn--primary btn--huge service-save${saving ? ' btn--busy' : ''}`}
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
