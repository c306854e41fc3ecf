import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { postWishRequest } from '@shared/schemas/wishes'
import { parseWith } from '@shared/validation'
import { postWish } from '../../../services/api'
import { errorMessage, isApiError, outcomeUnknown } from '../../../services/request'
import { newRequestId } from '../../../services/request-id'
import { revealFirstError } from '../../../services/reveal-error'
import { BusyButton } from '../../../components/ui/busy-button'
import { Field } from '../../../components/ui/field'
import { loadWishDraft, saveWishDraft, type WishDraft } from './wish-draft'

/** 许个心愿: a title and a few words; kept on the phone as it is typed, sent once whatever the network does. */
export function WishForm({ studioId, onPosted }: { studioId: string; onPosted: () => void }) {
  const [draft, setDraft] = useState<WishDraft>(() => loadWishDraft(studioId))
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const change = (patch: Partial<WishDraft>) => {
    const next = { ...draft, ...patch }
    setDraft(next)
    saveWishDraft(studioId, next)
  }

  const submit = async () => {
    const requestId = draft.requestId ?? newRequestId()
    const parsed = parseWith(postWishRequest, { requestId, title: draft.title, ...(draft.details.trim() ? { details: draft.details } : {}) })
    if (!parsed.ok) {
      setFields(parsed.fields)
      Taro.showToast({ title: '请按红字提示修改', icon: 'none' })
      revealFirstError()
      return
    }
    change({ requestId })
    setBusy(true)
    try {
      await postWish(studioId, parsed.value)
      saveWishDraft(studioId, null)
      setDraft({ title: '', details: '' })
      setFields({})
      Taro.showToast({ title: '已提交，工作室审核后上心愿墙', icon: 'none', duration: 3000 })
      onPosted()
    } catch (error) {
      if (isApiError(error) && error.fields) setFields(error.fields)
      // a lost answer keeps the key: 提交 again asks the API what the first tap did; any other answer frees it
      if (!outcomeUnknown(error)) change({ requestId: undefined })
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card wish-form'>
      <Text className='card-title'>许个心愿</Text>
      <Field label='心愿（一句话）' error={fields.title} errorClass='wish-title-error'>
        <Input className='text-input text-input--plain wish-title-input' value={draft.title} maxlength={30} placeholder='例如：想要一根结实的拐杖' placeholderClass='input-placeholder' onInput={(e) => change({ title: e.detail.value })} />
      </Field>
      <Field label='说详细些（可不填）' hint='上墙时不显示您的姓名；手机号、门牌号会被隐去' error={fields.details} errorClass='wish-details-error'>
        <Textarea className='text-input wish-details-input' value={draft.details} maxlength={300} placeholder='例如：腿脚不好，想要带四个脚的' placeholderClass='input-placeholder' onInput={(e) => change({ details: e.detail.value })} />
      </Field>
      <BusyButton label='提交心愿' busyLabel='正在提交…' busy={busy} className='btn--primary btn--huge wish-submit' onClick={() => void submit()} />
    </View>
  )
}
