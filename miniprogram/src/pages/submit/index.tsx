import { useEffect, useRef, useState } from 'react'
import { askForSubmissionNotices } from '../../services/subscribe'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { submitRequest, type SubmitRequest } from '@shared/schemas/submission'
import { parseWith } from '@shared/validation'
import { submitSubmission } from '../../services/api'
import { errorMessage, isApiError } from '../../services/request'
import { newRequestId } from '../../services/request-id'
import { getLastStand } from '../../services/last-stand'
import { getUser } from '../../services/session'
import { isWeapp, HOME_PAGE } from '../../services/platform'
import { openLogin } from '../../services/navigation'
import { useStudioCategories } from '../../services/submission-settings'
import {
  PhotoPicker,
  PHOTOS_FAILED_MESSAGE,
  PHOTOS_UPLOADING_MESSAGE,
  photosFailed,
  photosUploading,
  uploadedPhotos,
  type PickedPhoto,
} from '../../components/photo-picker'
import {
  clearSubmissionDraft,
  emptySubmissionDraft,
  loadSubmissionDraft,
  param,
  saveSubmissionDraft,
  submissionPageUrl,
  type SubmissionDraft,
} from '../../services/submissions'

export const TEXT_MAX = 1000
export const PUBLIC_LABEL = '可以公开到公示墙（不显示您的个人信息）'
export const PHONE_CONSENT_LABEL = '我愿意留下手机号，方便工作人员联系我了解情况（只用于办理这条意见）'
export const PHONE_MISSING_MESSAGE = '请填写手机号，或者取消上面的勾选'

type FieldKey = 'category' | 'text' | 'place' | 'photos' | 'phone' | 'phoneConsent'
const FIELD_KEYS: FieldKey[] = ['category', 'text', 'place', 'photos', 'phone', 'phoneConsent']

/** The form's field a message is about: `photos.1` (one photo's key) is the photo section's. */
function fieldOf(key: string): FieldKey | undefined {
  const head = key.split('.')[0] as FieldKey
  return FIELD_KEYS.includes(head) ? head : undefined
}

/** One message per form field (the first wins), from the shared schema's or the API's field errors. */
function formFields(errors: Record<string, string>): Partial<Record<FieldKey, string>> {
  const out: Partial<Record<FieldKey, string>> = {}
  for (const [key, message] of Object.entries(errors)) {
    const field = fieldOf(key)
    if (field && !out[field]) out[field] = message
  }
  return out
}

interface Failure {
  message: string
  /** The outcome is unknown: the same request (same key) may be sent again. */
  retry: boolean
}

/** No answer, or an answer that does not tell whether the submission was made: retry with the same key. */
function outcomeUnknown(error: unknown): boolean {
  return !isApiError(error) || error.status === 0 || error.status >= 500
}

function SubmitForm({ studioId, standId }: { studioId: string; standId?: string }) {
  const [draft, setDraft] = useState<SubmissionDraft>(() => {
    const saved = loadSubmissionDraft(studioId)
    if (saved) return standId && !saved.standId ? { ...saved, standId } : saved
    return emptySubmissionDraft(studioId, standId)
  })
  const [fields, setFields] = useState<Partial<Record<FieldKey, string>>>({})
  const [failure, setFailure] = useState<Failure | null>(() =>
    draft.requestId ? { message: '上次提交没有收到回复', retry: true } : null,
  )
  const [busy, setBusy] = useState(false)
  const lastStand = getLastStand()
  const studioName = lastStand?.studioId === studioId ? lastStand.studioName : undefined
  /** While an attempt's outcome is unknown the form is kept exactly as sent: the retry must carry the same body. */
  const locked = !!draft.requestId
  const { categories, fromStudio } = useStudioCategories(studioId)
  const chosen = categories.find((c) => c.name === draft.category)
  /** The picker's photos as last reported (uploading, failed, done); the draft keeps only the uploaded ones. */
  const picked = useRef<PickedPhoto[]>([])
  const photoShape = useRef('')
  const savedPhotoKeys = useRef((draft.photos ?? []).map((p) => p.key).join(','))
  /** Changed after a successful submission: a fresh, empty picker. */
  const [pickerKey, setPickerKey] = useState(0)

  const update = (patch: Partial<SubmissionDraft>, clear?: FieldKey) => {
    setDraft((previous) => {
      const next = { ...previous, ...patch }
      saveSubmissionDraft(next)
      return next
    })
    if (clear && fields[clear]) setFields((previous) => ({ ...previous, [clear]: undefined }))
  }

  const onPhotosChange = (photos: PickedPhoto[]) => {
    picked.current = photos
    const uploaded = uploadedPhotos(photos)
    const keys = uploaded.map((p) => p.key).join(',')
    if (keys !== savedPhotoKeys.current) {
      savedPhotoKeys.current = keys
      update({ photos: uploaded.length > 0 ? uploaded : undefined })
    }
    // a photo added, removed, uploaded or failed: the photo section's old message no longer applies
    const shape = photos.map((p) => `${p.id}:${p.state}`).join(',')
    if (shape !== photoShape.current) {
      photoShape.current = shape
      setFields((previous) => (previous.photos ? { ...previous, photos: undefined } : previous))
    }
  }

  /** Uploading a photo needs a signed-in person: on H5, sign in first (what was typed is kept). */
  const readyForPhotos = () => {
    if (isWeapp() || getUser()) return true
    Taro.showToast({ title: '请先登录再添加照片，您写的内容会保留', icon: 'none', duration: 2500 })
    openLogin()
    return false
  }

  useEffect(() => {
    // a draft kept from before may name a category this studio does not have: ask again
    if (fromStudio && draft.category && !locked && !categories.some((c) => c.name === draft.category)) update({ category: '' })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromStudio, categories])

  const submit = async () => {
    if (busy) return
    if (!isWeapp() && !getUser()) {
      Taro.showToast({ title: '请先登录，您写的内容会保留', icon: 'none', duration: 2500 })
      openLogin()
      return
    }
    const photoWait = photosUploading(picked.current) ? PHOTOS_UPLOADING_MESSAGE : photosFailed(picked.current) ? PHOTOS_FAILED_MESSAGE : undefined
    if (photoWait) {
      // nothing is sent until every photo is uploaded, or removed
      setFields((previous) => ({ ...previous, photos: photoWait }))
      Taro.showToast({ title: photoWait, icon: 'none', duration: 2500 })
      return
    }
    const requestId = draft.requestId ?? newRequestId()
    const input: Record<string, unknown> = {
      requestId,
      studioId,
      category: draft.category,
      text: draft.text,
      public: draft.public,
    }
    if (draft.standId) input.standId = draft.standId
    if (draft.place.trim()) input.place = draft.place
    // part of the body like any other field: the form is locked while a retry is pending, photos included
    if (draft.photos && draft.photos.length > 0) input.photos = draft.photos.map((p) => p.key)
    if (draft.phoneConsent) {
      input.phoneConsent = true
      if (draft.phone.trim()) input.phone = draft.phone
    }
    const parsed = parseWith(submitRequest, input)
    const problems: Partial<Record<FieldKey, string>> = {}
    if (draft.phoneConsent && !draft.phone.trim()) problems.phone = PHONE_MISSING_MESSAGE
    if (!parsed.ok) for (const [key, message] of Object.entries(formFields(parsed.fields))) problems[key as FieldKey] ??= message
    if (!parsed.ok || Object.keys(problems).length > 0) {
      setFields(problems)
      const other = parsed.ok ? undefined : Object.entries(parsed.fields).find(([key]) => !fieldOf(key))?.[1]
      setFailure(other ? { message: other, retry: false } : null)
      Taro.showToast({ title: '请按红字提示修改', icon: 'none' })
      return
    }

    setFields({})
    setFailure(null)
    setBusy(true)
    update({ requestId })
    await askForSubmissionNotices()
    Taro.showLoading({ title: '正在提交…', mask: true })
    try {
      const view = await submitSubmission(parsed.value as SubmitRequest)
      Taro.hideLoading()
      setBusy(false)
      clearSubmissionDraft()
      setDraft(emptySubmissionDraft(studioId, standId))
      picked.current = []
      photoShape.current = ''
      savedPhotoKeys.current = ''
      setPickerKey((k) => k + 1)
      Taro.showToast({ title: '提交成功', icon: 'success' })
      Taro.redirectTo({ url: `${submissionPageUrl(view.id)}&new=1` }).catch(() => {
        Taro.showToast({ title: '提交成功，可在“我的意见”查看', icon: 'none', duration: 3000 })
      })
    } catch (error) {
      Taro.hideLoading()
      setBusy(false)
      const retry = outcomeUnknown(error)
      // keep what was typed; keep the key only while we do not know whether the submission was made
      update({ requestId: retry ? requestId : undefined })
      // e.g. fields.photos: a photo expired or failed the API's check — shown in the photo section
      if (isApiError(error) && Object.keys(error.fields).length > 0) setFields(formFields(error.fields))
      setFailure({ message: errorMessage(error), retry })
    }
  }

  const count = draft.text.length
  const submitLabel = busy ? '正在提交…' : failure?.retry ? '重新提交' : '提交意见'
  return (
    <View className='page submit-page'>
      <View className='submit-form'>
        <View className='card card--hint submit-intro'>
          <Text className='card-title'>{studioName ? `写给${studioName}` : '写给党代表工作室'}</Text>
          <Text className='plain-line'>党代表会在期限内答复您，进度可以在“我的意见”里看到。</Text>
        </View>

        <Text className='field-label'>这是哪一类的事？</Text>
        <View className='chip-row'>
          {categories.map(({ name: category }) => {
            const on = draft.category === category
            return (
              <View
                key={category}
                className={`chip category-chip${on ? ' chip--on' : ''}`}
                role='radio'
                aria-checked={on}
                hoverClass='chip--pressed'
                onClick={locked ? undefined : () => update({ category }, 'category')}
              >
                <Text>{category}</Text>
              </View>
            )
          })}
        </View>
        {chosen?.replyDays !== undefined ? (
          <Text className='field-hint category-limit'>“{chosen.name}”{chosen.replyDays === 0 ? '一般当天答复' : `一般 ${chosen.replyDays} 个工作日内答复`}</Text>
        ) : null}
        {fields.category ? <Text className='field-error category-error'>{fields.category}</Text> : null}

        <Text className='field-label'>您的意见或建议</Text>
        <Textarea
          className={`text-input textarea-input${fields.text ? ' text-input--error' : ''}`}
          value={draft.text}
          maxlength={TEXT_MAX}
          disabled={locked || undefined}
          placeholder='说一说是什么事、在哪里、想怎么解决'
          placeholderClass='input-placeholder'
          autoHeight={false}
          onInput={(e) => update({ text: e.detail.value }, 'text')}
        />
        <Text className={`text-count${count > TEXT_MAX - 50 ? ' text-count--near' : ''}`}>{count} / {TEXT_MAX} 字</Text>
        {fields.text ? <Text className='field-error text-error'>{fields.text}</Text> : null}

        <Text className='field-label'>地点（可以不填）</Text>
        <Input
          className={`text-input text-input--plain place-input${fields.place ? ' text-input--error' : ''}`}
          value={draft.place}
          maxlength={50}
          disabled={locked || undefined}
          placeholder='例如：老街口路灯旁'
          placeholderClass='input-placeholder'
          onInput={(e) => update({ place: e.detail.value }, 'place')}
        />
        {fields.place ? <Text className='field-error place-error'>{fields.place}</Text> : null}

        <Text className='field-label'>照片（可以不传）</Text>
        <Text className='field-hint photo-section-hint'>拍一拍现场，党代表看得更清楚。</Text>
        <PhotoPicker key={pickerKey} initial={draft.photos} disabled={locked} onChange={onPhotosChange} beforeChoose={readyForPhotos} />
        {fields.photos ? <Text className='field-error photos-error'>{fields.photos}</Text> : null}

        <View
          className={`consent-switch public-switch${draft.public ? ' consent-switch--on' : ''}`}
          role='switch'
          aria-checked={draft.public}
          hoverClass='consent-switch--pressed'
          onClick={locked ? undefined : () => update({ public: !draft.public })}
        >
          <Text className='consent-switch-label'>{PUBLIC_LABEL}</Text>
          <View className='switch-track'>
            <Text className='switch-text'>{draft.public ? '开' : '关'}</Text>
            <View className='switch-knob' />
          </View>
        </View>
        <Text className='field-hint'>
          {draft.public ? '答复后，事情和答复会显示在公示墙上，让街坊邻居也看到。' : '不公开：只有您和工作室能看到。'}
        </Text>

        <View
          className={`consent-tick phone-consent${draft.phoneConsent ? ' consent-tick--on' : ''}`}
          role='checkbox'
          aria-checked={draft.phoneConsent}
          onClick={locked ? undefined : () => update({ phoneConsent: !draft.phoneConsent, phone: draft.phoneConsent ? '' : draft.phone }, 'phoneConsent')}
        >
          <View className='consent-box'>{draft.phoneConsent ? <Text className='consent-mark'>✓</Text> : null}</View>
          <Text className='consent-text'>{PHONE_CONSENT_LABEL}</Text>
        </View>
        {fields.phoneConsent ? <Text className='field-error phoneConsent-error'>{fields.phoneConsent}</Text> : null}
        {draft.phoneConsent ? (
          <View className='phone-field'>
            <Text className='field-label'>手机号</Text>
            <Input
              className={`text-input phone-input${fields.phone ? ' text-input--error' : ''}`}
              type='number'
              value={draft.phone}
              maxlength={11}
              disabled={locked || undefined}
              placeholder='11 位手机号'
              placeholderClass='input-placeholder'
              onInput={(e) => update({ phone: e.detail.value }, 'phone')}
            />
            {fields.phone ? <Text className='field-error phone-error'>{fields.phone}</Text> : null}
          </View>
        ) : null}

        {failure ? (
          <View className='sheet-error submit-error'>
            <Text className='error-message'>{failure.message}</Text>
            {failure.retry ? (
              <Text className='plain-line'>您写的内容都还在。网络好了再点“重新提交”，不会重复提交。</Text>
            ) : null}
          </View>
        ) : null}

        <Button
          key={submitLabel}
          className={`btn btn--primary btn--huge submit-button${failure?.retry ? ' submit-retry' : ''}${busy ? ' btn--busy' : ''}`}
          loading={busy || undefined}
          disabled={busy || undefined}
          onClick={() => void submit()}
        >
          {submitLabel}
        </Button>
        <Text className='field-hint draft-hint'>写到一半退出也没关系，内容会保存在这台手机上。</Text>
      </View>
    </View>
  )
}

export default function SubmitPage() {
  const { params } = useRouter()
  const studioId = param(params.studioId)
  const standId = param(params.standId) || undefined
  if (!studioId) {
    return (
      <View className='page submit-page'>
        <View className='card error-card'>
          <Text className='error-message'>请先扫一扫服务点的二维码，再提意见建议。</Text>
          <Button className='btn btn--secondary' onClick={() => Taro.switchTab({ url: HOME_PAGE })}>回到首页</Button>
        </View>
      </View>
    )
  }
  return <SubmitForm studioId={studioId} standId={standId} />
}
