/**
 * The state of a form that sends one 意见建议: the resident's 提意见 and the studio's 代填.
 *
 * - The draft is kept on the device as it is typed (a `DraftStore`), so nothing is lost when the app is closed or
 *   the network drops.
 * - The retry key (`requestId`) is kept in the draft from the tap until the API answers yes or no: a retry after a
 *   network failure sends the same body with the same key, so the submission is never made twice. Meanwhile the
 *   form is locked (`locked`): the retry must carry the same body.
 * - The photo picker's state (uploading, failed, done): nothing is sent while a photo is uploading or failed.
 * - Field errors, from the shared schema before sending and from the API's answer, shown where they belong.
 * - The studio's own categories; a kept draft naming a category the studio no longer has is asked again.
 */
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ZodTypeAny, infer as ZodInfer } from 'zod'
import { parseWith } from '@shared/validation'
import {
  PHOTOS_FAILED_MESSAGE,
  PHOTOS_UPLOADING_MESSAGE,
  photosFailed,
  photosUploading,
  uploadedPhotos,
  type PhotoPickerProps,
  type PickedPhoto,
} from '../components/photo-picker'
import { errorMessage, isApiError, outcomeUnknown } from './request'
import { newRequestId } from './request-id'
import { revealFirstError } from './reveal-error'
import { useStudioGrids } from './grids'
import { useStudioCategories, type StudioCategory } from './submission-settings'
import type { DraftStore, SubmissionDraft } from './submissions'

export const PHONE_MISSING_MESSAGE = '请填写手机号，或者取消上面的勾选'
/** Shown when a draft is reopened whose last attempt got no answer. */
export const NO_ANSWER_MESSAGE = '上次提交没有收到回复'
export const FIX_FIELDS_TOAST = '请按红字提示修改'

/** The fields every submission form has. */
export type BaseField = 'category' | 'text' | 'place' | 'gridId' | 'photos' | 'phone' | 'phoneConsent'
export const BASE_FIELDS: readonly BaseField[] = ['category', 'text', 'place', 'gridId', 'photos', 'phone', 'phoneConsent']

export type FieldMessages<F extends string> = Partial<Record<F, string>>

export interface Failure {
  message: string
  /** The outcome is unknown: the same request (same key) may be sent again. */
  retry: boolean
}

/** The form's field a message is about: `photos.1` (one photo's key) is the photo section's. */
export function fieldOf<F extends string>(fieldKeys: readonly F[], key: string): F | undefined {
  const head = key.split('.')[0] as F
  return fieldKeys.includes(head) ? head : undefined
}

/** One message per form field (the first wins), from the shared schema's or the API's field errors. */
export function formFields<F extends string>(fieldKeys: readonly F[], errors: Record<string, string>): FieldMessages<F> {
  const out: FieldMessages<F> = {}
  for (const [key, message] of Object.entries(errors)) {
    const field = fieldOf(fieldKeys, key)
    if (field && !out[field]) out[field] = message
  }
  return out
}

export interface SubmissionFormOptions<D extends SubmissionDraft, F extends string> {
  studioId: string
  store: DraftStore<D>
  /** The draft to start with (the saved one, or an empty one); called once. */
  initial: () => D
  /** A fresh, empty draft: after a successful submission, or to start again. */
  empty: () => D
  /** The form's own fields besides the common ones (e.g. `sourceNote`): their messages are shown next to them. */
  extraFields?: readonly F[]
}

export interface SendSpec<D extends SubmissionDraft, S extends ZodTypeAny, T> {
  /** The shared schema the API checks the body with. */
  schema: S
  /** The request body from the draft, with the retry key. */
  body: (draft: D, requestId: string) => Record<string, unknown>
  send: (value: ZodInfer<S>) => Promise<T>
  /** The loading toast's title. */
  loading: string
  /** Runs in the tap once the form is valid, before sending (e.g. asking for WeChat notices). */
  before?: () => Promise<unknown>
  /** After the API said yes: the draft is already cleared and the form empty. */
  onSuccess: (result: T) => void
  /** The message shown for a failure (the error's own message when this gives none). */
  failureMessage?: (error: unknown, retry: boolean) => string | undefined
}

export function useSubmissionForm<D extends SubmissionDraft, F extends string = never>(options: SubmissionFormOptions<D, F>) {
  type Field = BaseField | F
  const { studioId, store, empty } = options
  const fieldKeys: readonly Field[] = [...BASE_FIELDS, ...(options.extraFields ?? [])]

  const [draft, setDraft] = useState<D>(options.initial)
  const [fields, setFields] = useState<FieldMessages<Field>>({})
  const [failure, setFailure] = useState<Failure | null>(() => (draft.requestId ? { message: NO_ANSWER_MESSAGE, retry: true } : null))
  const [busy, setBusy] = useState(false)
  /** While an attempt's outcome is unknown the form is kept exactly as sent: the retry must carry the same body. */
  const locked = !!draft.requestId
  const { categories, fromStudio } = useStudioCategories(studioId)
  const grids = useStudioGrids(studioId)
  const chosen: StudioCategory | undefined = categories.find((c) => c.name === draft.category)
  /** The picker's photos as last reported (uploading, failed, done); the draft keeps only the uploaded ones. */
  const picked = useRef<PickedPhoto[]>([])
  const photoShape = useRef('')
  const savedPhotoKeys = useRef((draft.photos ?? []).map((p) => p.key).join(','))
  /** Changed after a successful submission: a fresh, empty picker. */
  const [pickerKey, setPickerKey] = useState(0)

  const update = (patch: Partial<D>, clear?: Field) => {
    setDraft((previous) => {
      const next = { ...previous, ...patch }
      store.save(next)
      return next
    })
    if (clear && fields[clear]) setFields((previous) => ({ ...previous, [clear]: undefined }))
  }

  /** Ticking the consent shows the phone field; unticking it forgets the number. */
  const setPhoneConsent = (consent: boolean) => update({ phoneConsent: consent, phone: consent ? draft.phone : '' } as Partial<D>, 'phoneConsent')

  const onPhotosChange = (photos: PickedPhoto[]) => {
    picked.current = photos
    const uploaded = uploadedPhotos(photos)
    const keys = uploaded.map((p) => p.key).join(',')
    if (keys !== savedPhotoKeys.current) {
      savedPhotoKeys.current = keys
      update({ photos: uploaded.length > 0 ? uploaded : undefined } as Partial<D>)
    }
    // a photo added, removed, uploaded or failed: the photo section's old message no longer applies
    const shape = photos.map((p) => `${p.id}:${p.state}`).join(',')
    if (shape !== photoShape.current) {
      photoShape.current = shape
      setFields((previous) => (previous.photos ? { ...previous, photos: undefined } : previous))
    }
  }

  useEffect(() => {
    // a draft kept from before may name a category this studio does not have: ask again
    if (fromStudio && draft.category && !locked && !categories.some((c) => c.name === draft.category)) update({ category: '' } as Partial<D>)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromStudio, categories])

  /** An empty form and no draft kept; the photo picker starts afresh. */
  const emptyForm = () => {
    store.clear()
    setDraft(empty())
    picked.current = []
    photoShape.current = ''
    savedPhotoKeys.current = ''
    setPickerKey((k) => k + 1)
  }

  /** Start again (e.g. 再填一份): the form, its messages and the kept draft are cleared. */
  const reset = () => {
    emptyForm()
    setFields({})
    setFailure(null)
  }

  const submit = async <S extends ZodTypeAny, T>(spec: SendSpec<D, S, T>): Promise<void> => {
    if (busy) return
    const photoWait = photosUploading(picked.current) ? PHOTOS_UPLOADING_MESSAGE : photosFailed(picked.current) ? PHOTOS_FAILED_MESSAGE : undefined
    if (photoWait) {
      // nothing is sent until every photo is uploaded, or removed
      setFields((previous) => ({ ...previous, photos: photoWait }))
      Taro.showToast({ title: photoWait, icon: 'none', duration: 2500 })
      return
    }
    const requestId = draft.requestId ?? newRequestId()
    const parsed = parseWith(spec.schema, spec.body(draft, requestId))
    const problems: FieldMessages<Field> = {}
    if (draft.phoneConsent && !draft.phone.trim()) problems.phone = PHONE_MISSING_MESSAGE
    if (!parsed.ok) for (const [key, message] of Object.entries(formFields(fieldKeys, parsed.fields))) problems[key as Field] ??= message as string
    if (!parsed.ok || Object.keys(problems).length > 0) {
      setFields(problems)
      const other = parsed.ok ? undefined : Object.entries(parsed.fields).find(([key]) => !fieldOf(fieldKeys, key))?.[1]
      setFailure(other ? { message: other, retry: false } : null)
      Taro.showToast({ title: FIX_FIELDS_TOAST, icon: 'none', duration: 2500 })
      // once the red text is on the page: scroll to the first message and into its field
      setTimeout(revealFirstError, 0)
      return
    }

    setFields({})
    setFailure(null)
    setBusy(true)
    update({ requestId } as Partial<D>)
    if (spec.before) await spec.before()
    Taro.showLoading({ title: spec.loading, mask: true })
    try {
      const result = await spec.send(parsed.value)
      Taro.hideLoading()
      setBusy(false)
      emptyForm()
      spec.onSuccess(result)
    } catch (error) {
      Taro.hideLoading()
      setBusy(false)
      const retry = outcomeUnknown(error)
      // keep what was typed; keep the key only while we do not know whether the submission was made
      update({ requestId: retry ? requestId : undefined } as Partial<D>)
      // e.g. fields.photos: a photo expired or failed the API's check — shown in the photo section
      if (isApiError(error) && Object.keys(error.fields).length > 0) {
        setFields(formFields(fieldKeys, error.fields))
        setTimeout(revealFirstError, 0)
      }
      setFailure({ message: spec.failureMessage?.(error, retry) ?? errorMessage(error), retry })
    }
  }

  /** Props for the form's `PhotoPicker` (give it `key={pickerKey}`: a fresh picker after success or 再填一份). */
  const photoPicker: Required<Pick<PhotoPickerProps, 'onChange'>> & Pick<PhotoPickerProps, 'initial' | 'disabled'> = {
    initial: draft.photos,
    disabled: locked,
    onChange: onPhotosChange,
  }

  return { draft, update, fields, failure, busy, locked, categories, grids, chosen, setPhoneConsent, photoPicker, pickerKey, submit, reset }
}

/** What `useSubmissionForm` gives a page (and `components/submission-form-body.tsx`). */
export type SubmissionForm<D extends SubmissionDraft, F extends string = never> = ReturnType<typeof useSubmissionForm<D, F>>
