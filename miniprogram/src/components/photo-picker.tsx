import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { MAX_PHOTOS, photoTypeOfName, photoUploadRequest, type PhotoContentType } from '@shared/schemas/photo'
import { parseWith } from '@shared/validation'
import { requestPhotoUpload } from '../services/api'
import { errorMessage, isApiError } from '../services/request'
import { uploadToStorage } from '../services/storage-upload'
import { PrivacyPrompt } from './privacy-prompt'
import './photos.css'

/**
 * Photos for a form (提意见): up to 3, each checked on the phone, then sent straight to object storage with a
 * form the API signed (POST /photo-uploads → `uploadToStorage`). The form names the uploaded photos by `key`.
 *
 * The picker keeps its own list (started from `initial`, e.g. a saved draft) and reports every change through
 * `onChange`; `photosUploading` / `photosFailed` / `uploadedPhotos` tell the form what it may send.
 */

export type PhotoState = 'uploading' | 'done' | 'failed'

export interface PickedPhoto {
  /** This tile on this phone; never sent. */
  id: string
  /** The photo on the phone: `wxfile://…` on weapp, a `blob:` URL on H5 (gone after a reload). */
  preview: string
  state: PhotoState
  /** Its name in storage once uploaded: what goes in the submission's `photos`. */
  key?: string
  /** 0–100 while uploading. */
  progress?: number
  /** Why the upload failed, in Chinese. */
  error?: string
  /** Whether 重试 may help (false when the API refused this photo itself). */
  retryable?: boolean
  contentType?: PhotoContentType
  size?: number
}

/** An uploaded photo as a draft keeps it. */
export interface UploadedPhoto {
  key: string
  preview: string
}

export const ADD_PHOTO_TITLE = '添加照片'
export const ADD_PHOTO_NOTE = `（最多 ${MAX_PHOTOS} 张，可不传）`
export const PHOTOS_UPLOADING_MESSAGE = '照片还在上传，请稍等'
export const PHOTOS_FAILED_MESSAGE = '有照片没有传上去，请点“重试”，或者删除这张照片'
export const PHOTO_UNREADABLE_MESSAGE = '没有读到照片，请换一张 JPG、PNG 或 WebP 格式的照片'
export const PHOTO_PLACEHOLDER_TEXT = '照片已上传'

export function photosUploading(photos: PickedPhoto[]): boolean {
  return photos.some((p) => p.state === 'uploading')
}

export function photosFailed(photos: PickedPhoto[]): boolean {
  return photos.some((p) => p.state === 'failed')
}

/** The uploaded photos, in order: what a draft keeps and a form sends (as keys). */
export function uploadedPhotos(photos: PickedPhoto[]): UploadedPhoto[] {
  return photos.filter((p) => p.state === 'done' && p.key).map((p) => ({ key: p.key as string, preview: p.preview }))
}

interface ChosenFile {
  path: string
  size: number
  type?: string
  originalFileObj?: { type?: string; name?: string }
}

/**
 * Opens the album or the camera for up to `count` photos, through `chooseMedia` (images only, compressed): WeChat
 * retired `chooseImage`. In the browser build Taro's `chooseMedia` hands over the File itself (`originalFileObj`).
 */
async function choosePhotos(count: number): Promise<ChosenFile[]> {
  const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return (res.tempFiles ?? []).map((file) => {
    const original = (file as { originalFileObj?: ChosenFile['originalFileObj'] }).originalFileObj
    return { path: file.tempFilePath, size: file.size, ...(original ? { originalFileObj: original } : {}) }
  })
}

/** H5: the File's MIME type (the path is a `blob:` URL); weapp: from the path's extension (`wxfile://….jpg`). */
export function contentTypeOf(file: ChosenFile): string | undefined {
  const mime = [file.originalFileObj?.type, file.type].find((t): t is string => !!t && t.includes('/'))
  if (mime) return mime.toLowerCase() === 'image/jpg' ? 'image/jpeg' : mime.toLowerCase()
  return photoTypeOfName(file.originalFileObj?.name ?? '') ?? photoTypeOfName(file.path)
}

/** The phone's own check, with the API's messages: a photo that would be refused is never uploaded. */
function checkOnDevice(file: ChosenFile): { ok: true; contentType: PhotoContentType; size: number } | { ok: false; message: string } {
  const checked = parseWith(photoUploadRequest, { contentType: contentTypeOf(file) ?? '', size: file.size })
  if (checked.ok) return { ok: true, contentType: checked.value.contentType, size: checked.value.size }
  return { ok: false, message: checked.fields.contentType ?? checked.fields.size ?? Object.values(checked.fields)[0] ?? PHOTO_UNREADABLE_MESSAGE }
}

function isCancel(error: unknown): boolean {
  const message = (error as { errMsg?: unknown } | null)?.errMsg
  return typeof message === 'string' && /cancel|abort/i.test(message)
}

let nextId = 0
const newId = () => `photo-${Date.now().toString(36)}-${++nextId}`

export interface PhotoPickerProps {
  /** Photos already uploaded (a saved draft). */
  initial?: UploadedPhoto[]
  /** Every change: added, progress, uploaded, failed, removed. */
  onChange?: (photos: PickedPhoto[]) => void
  /** Shown, but nothing may be added, removed or retried (e.g. while a submission's outcome is unknown). */
  disabled?: boolean
  /** Called in the tap before choosing; return false to stop (e.g. not signed in on H5). Must not wait. */
  beforeChoose?: () => boolean
  max?: number
}

function PhotoTile({
  photo,
  index,
  disabled,
  onRemove,
  onRetry,
  onPreview,
}: {
  photo: PickedPhoto
  index: number
  disabled?: boolean
  onRemove: () => void
  onRetry: () => void
  onPreview: () => void
}) {
  // a preview that no longer loads (an H5 blob: URL after a reload, a cleared weapp temp file)
  const [broken, setBroken] = useState(!photo.preview)
  const done = photo.state === 'done'
  return (
    <View className={`photo-tile photo-tile--${photo.state}${broken ? ' photo-tile--broken' : ''}`} role='group' aria-label={`第 ${index + 1} 张照片`}>
      <View className='photo-tile-frame' onClick={done && !broken ? onPreview : undefined}>
        {broken ? (
          <View className='photo-tile-placeholder'>
            <Text className='photo-placeholder-mark'>✓</Text>
            <Text className='photo-placeholder-text'>{done ? PHOTO_PLACEHOLDER_TEXT : `第 ${index + 1} 张照片`}</Text>
          </View>
        ) : (
          <Image className='photo-image' src={photo.preview} mode='aspectFill' onError={() => setBroken(true)} nativeProps={{ alt: `第 ${index + 1} 张照片` }} />
        )}
        {photo.state === 'uploading' ? (
          <View className='photo-tile-overlay'>
            <Text className='photo-progress'>上传中 {Math.round(photo.progress ?? 0)}%</Text>
          </View>
        ) : null}
        {photo.state === 'failed' ? (
          <View className='photo-tile-overlay photo-tile-overlay--failed'>
            <Text className='photo-failed-mark'>没传上去</Text>
          </View>
        ) : null}
      </View>
      {photo.state === 'failed' && photo.error ? <Text className='photo-tile-error'>{photo.error}</Text> : null}
      {disabled ? null : (
        <View className='photo-tile-actions'>
          {photo.state === 'failed' && photo.retryable !== false ? (
            <View className='photo-action photo-retry' role='button' hoverClass='photo-action--pressed' onClick={onRetry}>
              <Text>重试</Text>
            </View>
          ) : null}
          <View className='photo-action photo-remove' role='button' hoverClass='photo-action--pressed' onClick={onRemove}>
            <Text>删除</Text>
          </View>
        </View>
      )}
    </View>
  )
}

export function PhotoPicker({ initial, onChange, disabled, beforeChoose, max = MAX_PHOTOS }: PhotoPickerProps) {
  const [photos, setPhotos] = useState<PickedPhoto[]>(() =>
    (initial ?? []).slice(0, max).map((p) => ({ id: newId(), preview: p.preview, key: p.key, state: 'done' as const })),
  )
  /** A message about the last choice (a photo refused on the phone, too many chosen …). */
  const [notice, setNotice] = useState<string | null>(null)
  const latest = useRef(photos)
  const mounted = useRef(true)
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const commit = (change: (list: PickedPhoto[]) => PickedPhoto[]) => {
    if (!mounted.current) return
    const next = change(latest.current)
    if (next === latest.current) return
    latest.current = next
    setPhotos(next)
    onChangeRef.current?.(next)
  }

  /** Changes one photo, if it is still there (it may have been removed while uploading). */
  const patch = (id: string, values: Partial<PickedPhoto>) =>
    commit((list) => (list.some((p) => p.id === id) ? list.map((p) => (p.id === id ? { ...p, ...values } : p)) : list))

  const upload = async (photo: PickedPhoto) => {
    const { id, preview, contentType, size } = photo
    if (!contentType || !size) return
    patch(id, { state: 'uploading', progress: 0, error: undefined, retryable: undefined })
    let signed: Awaited<ReturnType<typeof requestPhotoUpload>>
    try {
      signed = await requestPhotoUpload({ contentType, size })
    } catch (error) {
      // 400: the API refused this photo (size, format): another try will not help
      const refused = isApiError(error) && error.status === 400
      const message = isApiError(error) ? error.fields.size ?? error.fields.contentType ?? error.message : errorMessage(error)
      patch(id, { state: 'failed', error: message, retryable: !refused })
      return
    }
    let shown = 0
    try {
      await uploadToStorage({
        url: signed.url,
        fields: signed.fields,
        filePath: preview,
        onProgress: (percent) => {
          // 100% is reached before storage answers: keep 99 until it has
          const value = Math.max(0, Math.min(99, Math.round(percent)))
          if (value === shown) return
          shown = value
          patch(id, { progress: value })
        },
      })
    } catch (error) {
      patch(id, { state: 'failed', error: errorMessage(error), retryable: true })
      return
    }
    patch(id, { state: 'done', key: signed.key, progress: 100, error: undefined })
  }

  const add = (files: ChosenFile[]) => {
    const room = max - latest.current.length
    if (files.length === 0) {
      // H5 leaves out a file it cannot read as a picture
      setNotice(PHOTO_UNREADABLE_MESSAGE)
      return
    }
    const problems: string[] = []
    if (files.length > room) problems.push(`最多 ${max} 张照片，多选的 ${files.length - room} 张没有添加`)
    const accepted: PickedPhoto[] = []
    for (const file of files.slice(0, Math.max(0, room))) {
      const checked = checkOnDevice(file)
      if (!checked.ok) {
        if (!problems.includes(checked.message)) problems.push(checked.message)
        continue
      }
      accepted.push({ id: newId(), preview: file.path, state: 'uploading', progress: 0, contentType: checked.contentType, size: checked.size })
    }
    setNotice(problems.length > 0 ? problems.join('；') : null)
    if (accepted.length === 0) return
    commit((list) => [...list, ...accepted])
    for (const photo of accepted) void upload(photo)
  }

  /** Straight from the tap: on H5 this opens the browser's file chooser, which needs the tap. */
  const choose = () => {
    const remaining = max - latest.current.length
    if (disabled || remaining <= 0) return
    if (beforeChoose && !beforeChoose()) return
    choosePhotos(remaining)
      .then((files) => {
        if (mounted.current) add(files)
      })
      .catch((error: unknown) => {
        if (!mounted.current || isCancel(error)) return
        setNotice('没能打开相册或相机。请在手机设置里允许使用相册和相机，再试一次')
      })
  }

  const remove = (photo: PickedPhoto) => {
    const drop = () => {
      setNotice(null)
      commit((list) => list.filter((p) => p.id !== photo.id))
    }
    if (photo.state === 'failed') {
      drop()
      return
    }
    Taro.showModal({ title: '删除这张照片？', content: '删除后可以重新添加', confirmText: '删除', cancelText: '不删' })
      .then((res) => {
        if (res.confirm) drop()
      })
      .catch(() => undefined)
  }

  const preview = (photo: PickedPhoto) => {
    const urls = latest.current.filter((p) => p.state === 'done').map((p) => p.preview)
    void Taro.previewImage({ urls, current: photo.preview }).catch(() => undefined)
  }

  return (
    <View className='photo-picker'>
      <PrivacyPrompt purpose='添加照片要用手机的相册或相机。' />
      <View className='photo-picker-grid'>
        {photos.map((photo, index) => (
          <PhotoTile
            key={photo.id}
            photo={photo}
            index={index}
            disabled={disabled}
            onRemove={() => remove(photo)}
            onRetry={() => void upload(photo)}
            onPreview={() => preview(photo)}
          />
        ))}
        {!disabled && photos.length < max ? (
          <View className='photo-add' role='button' aria-label={`${ADD_PHOTO_TITLE}${ADD_PHOTO_NOTE}`} hoverClass='photo-add--pressed' onClick={choose}>
            <Text className='photo-add-plus'>＋</Text>
            <Text className='photo-add-title'>{ADD_PHOTO_TITLE}</Text>
            <Text className='photo-add-note'>{ADD_PHOTO_NOTE}</Text>
          </View>
        ) : null}
      </View>
      {notice ? <Text className='field-error photo-notice'>{notice}</Text> : null}
    </View>
  )
}
