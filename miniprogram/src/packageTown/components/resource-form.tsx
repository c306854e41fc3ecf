import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { createResourceRequest, RESOURCE_KIND_LABELS, RESOURCE_KINDS, type CreateResourceRequest, type ResourceKind } from '@shared/schemas/alliance'
import { BusyButton } from '../../components/ui/busy-button'
import { ChipGroup } from '../../components/ui/chip-group'
import { Field } from '../../components/ui/field'
import { useFormSend } from '../../services/use-form-send'

export const kindOptions = RESOURCE_KINDS.map((k) => ({ value: k, label: RESOURCE_KIND_LABELS[k] }))

/** 新增资源: what the unit offers (义诊, 场地, 志愿者 …), how often or how much. */
export function ResourceForm({ onAdd }: { onAdd: (resource: CreateResourceRequest) => Promise<void> }) {
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<ResourceKind | ''>('')
  const [description, setDescription] = useState('')
  const [amount, setAmount] = useState('')
  const { fields, busy, send } = useFormSend()
  const submit = () =>
    send('add', createResourceRequest, { title, kind: kind || undefined, description, amount }, onAdd, () => {
      setTitle('')
      setKind('')
      setDescription('')
      setAmount('')
    })
  return (
    <View className='card resource-form'>
      <Text className='card-title'>新增资源</Text>
      <Field label='资源名称' error={fields.title} errorClass='resource-title-error'>
        <Input className='text-input text-input--plain resource-title-input' value={title} maxlength={30} placeholder='例如：义诊、会议室' placeholderClass='input-placeholder' onInput={(e) => setTitle(e.detail.value)} />
      </Field>
      <Field label='类别' error={fields.kind} errorClass='resource-kind-error'>
        <ChipGroup label='类别' kind='radio' chipClass='resource-kind-chip' options={kindOptions} isOn={(k) => k === kind} onTap={(k) => setKind(k)} />
      </Field>
      <Field label='说明（选填）' error={fields.description} errorClass='resource-description-error'>
        <Input className='text-input text-input--plain resource-description-input' value={description} maxlength={200} placeholderClass='input-placeholder' onInput={(e) => setDescription(e.detail.value)} />
      </Field>
      <Field label='频次或数量（选填）' hint='例如：每月两次、周末开放、20 人' error={fields.amount} errorClass='resource-amount-error'>
        <Input className='text-input text-input--plain resource-amount-input' value={amount} maxlength={30} placeholderClass='input-placeholder' onInput={(e) => setAmount(e.detail.value)} />
      </Field>
      <BusyButton label='添加资源' busyLabel='正在添加…' busy={busy === 'add'} className='btn--primary resource-add' onClick={() => void submit()} />
    </View>
  )
}
