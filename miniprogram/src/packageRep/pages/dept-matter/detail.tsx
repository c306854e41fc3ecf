import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, Textarea, View } from '@tarojs/components'
import { departmentProgressRequest, departmentResultRequest, handBackRequest, type LiaisonMatterView } from '@shared/schemas/departments'
import { parseWith } from '@shared/validation'
import { acknowledgeMatter, getDepartmentMatter, handMatterBack, postDepartmentProgress, postDepartmentResult } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { usePageData } from '../../../services/use-page-data'
import { PageState } from '../../../components/page-state'
import { PhotoPicker, photosFailed, photosUploading, PHOTOS_FAILED_MESSAGE, PHOTOS_UPLOADING_MESSAGE, uploadedPhotos, type PickedPhoto } from '../../../components/photo-picker'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'

type Written = 'progress' | 'result' | 'hand_back'
const WRITTEN: Record<Written, { label: string; placeholder: string }> = {
  progress: { label: '办理进展', placeholder: '例如：已到现场查看，已安排清理' },
  result: { label: '办理结果', placeholder: '写明怎么办的、办到了什么程度' },
  hand_back: { label: '退回原因', placeholder: '例如：不属于本部门职责，建议交市场监管所' },
}

/** 签收 and, once signed for, 办理进展 / 办理结果 / 退回 — each a written step, checked before it is sent. */
function Steps({ matter, onDone }: { matter: LiaisonMatterView; onDone: (m: LiaisonMatterView) => void }) {
  const written = matter.allowedSteps.filter((s): s is Written => s !== 'acknowledge')
  // 办理进展 first when it may be posted: a hand-back is never the step chosen for the liaison
  const [kind, setKind] = useState<Written>(written.includes('progress') ? 'progress' : (written[0] ?? 'progress'))
  const [text, setText] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  // 办理结果 may carry up to 3 photos, uploaded as a submission's are
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const send = async (work: () => Promise<LiaisonMatterView>, done: string) => {
    setBusy(true)
    try {
      onDone(await work())
      setText('')
      setError(undefined)
      Taro.showToast({ title: done, icon: 'none' })
    } catch (e) {
      if (isApiError(e) && e.fields) setError(Object.values(e.fields)[0])
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }
  const submit = () => {
    const ids = [matter.departmentId, matter.submissionId] as const
    if (kind === 'progress') {
      const parsed = parseWith(departmentProgressRequest, { text })
      if (!parsed.ok) return setError(parsed.fields.text)
      void send(() => postDepartmentProgress(...ids, parsed.value), '进展已发布')
    } else if (kind === 'result') {
      if (photosUploading(photos) || photosFailed(photos)) return setError(photosUploading(photos) ? PHOTOS_UPLOADING_MESSAGE : PHOTOS_FAILED_MESSAGE)
      const keys = uploadedPhotos(photos).map((p) => p.key)
      const parsed = parseWith(departmentResultRequest, { text, ...(keys.length ? { photos: keys } : {}) })
      if (!parsed.ok) return setError(parsed.fields.text ?? parsed.fields.photos)
      void send(() => postDepartmentResult(...ids, parsed.value), '结果已反馈给工作室')
    } else {
      const parsed = parseWith(handBackRequest, { reason: text })
      if (!parsed.ok) return setError(parsed.fields.reason)
      void send(() => handMatterBack(...ids, parsed.value), '已退回工作室')
    }
  }
  if (matter.allowedSteps.includes('acknowledge')) {
    return (
      <View className='card dept-steps'>
        <BusyButton label='签收' busyLabel='正在签收…' busy={busy} className='btn--primary dept-acknowledge' onClick={() => void send(() => acknowledgeMatter(matter.departmentId, matter.submissionId), '已签收')} />
        <Text className='plain-line'>签收后才能反馈进展和结果；不属于本部门的，签收后可以退回。</Text>
      </View>
    )
  }
  if (written.length === 0) return <Text className='plain-line dept-steps-done'>{`这件事${matter.stateLabel}，不需要再操作。`}</Text>
  return (
    <View className='card dept-steps'>
      <ChipGroup label='要做什么' kind='radio' chipClass='dept-step-kind' options={written.map((w) => ({ value: w, label: WRITTEN[w].label }))} isOn={(w) => w === kind} onTap={(w) => { setKind(w); setError(undefined) }} />
      <Field label={WRITTEN[kind].label} error={error} errorClass='dept-step-error'>
        <Textarea className='text-input text-input--plain dept-step-text' value={text} maxlength={1000} placeholder={WRITTEN[kind].placeholder} placeholderClass='input-placeholder' onInput={(e) => setText(e.detail.value)} />
      </Field>
      {kind === 'result' ? <PhotoPicker onChange={setPhotos} disabled={busy} /> : null}
      <BusyButton label={`提交${WRITTEN[kind].label}`} busyLabel='正在提交…' busy={busy} className='btn--primary dept-step-send' onClick={submit} />
    </View>
  )
}

/**
 * One matter handed to the liaison's department: what the resident raised (masked), the steps so far, what to do now.
 * The phone page shows it alone; the desk console (H5 ≥ 1280 px) beside the department's queue.
 */
export function DepartmentMatterDetail({ departmentId, id, onChanged }: { departmentId: string; id: string; onChanged?: () => void }) {
  const [changed, setChanged] = useState<LiaisonMatterView | null>(null)
  const { state, retry } = usePageData(() => getDepartmentMatter(departmentId, id), [departmentId, id], { enabled: !!departmentId && !!id })
  if (state.status !== 'ready') return <PageState state={state} onRetry={retry} />
  const matter = changed ?? state.data
  const done = (m: LiaisonMatterView) => {
    setChanged(m)
    onChanged?.()
  }
  return (
    <>
      <View className='card'>
        <Text className='tag dept-matter-state'>{matter.stateLabel}</Text>
        <Text className='card-title'>{`【${matter.category}】办理期限 ${matter.dueDate}${matter.overdue ? '（已超期）' : ''}`}</Text>
        <Text className='plain-line dept-matter-text'>{matter.text}</Text>
        {matter.place ? <Text className='plain-line'>{`地点：${matter.place}`}</Text> : null}
        {matter.photos?.map((p) => <Image key={p.url} className='dept-matter-photo' src={p.url} mode='widthFix' />)}
      </View>
      {/* a new state starts the steps afresh (after 签收, 办理进展 is the one chosen) */}
      <Steps key={matter.state} matter={matter} onDone={done} />
      <View className='card dept-timeline'>
        <Text className='card-title'>办理经过</Text>
        {matter.timeline.map((e) => (
          <Text key={`${e.at}-${e.kind}`} className='plain-line dept-timeline-line'>{`${e.by} ${e.kind}${e.text ? `：${e.text}` : ''}`}</Text>
        ))}
      </View>
    </>
  )
}
