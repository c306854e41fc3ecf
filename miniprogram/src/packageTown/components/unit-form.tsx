import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { createUnitRequest, UNIT_KIND_LABELS, UNIT_KINDS, type CreateUnitRequest, type UnitKind, type UnitView } from '@shared/schemas/alliance'
import { BusyButton } from '../../components/ui/busy-button'
import { ChipGroup } from '../../components/ui/chip-group'
import { Field } from '../../components/ui/field'
import { useFormSend } from '../../services/use-form-send'

/**
 * A unit's profile (新增成员单位, 修改单位资料): name, kind, intro and who to call. Checked here with the contract's
 * schema before it is sent; what the server refuses is shown under its field.
 */
export function UnitForm({ unit, submitLabel, onSave, onCancel }: { unit?: UnitView; submitLabel: string; onSave: (profile: CreateUnitRequest) => Promise<void>; onCancel?: () => void }) {
  const [name, setName] = useState(unit?.name ?? '')
  const [kind, setKind] = useState<UnitKind | ''>(unit?.kind ?? '')
  const [intro, setIntro] = useState(unit?.intro ?? '')
  const [contactName, setContactName] = useState(unit?.contactName ?? '')
  const [contactPhone, setContactPhone] = useState(unit?.contactPhone ?? '')
  const { fields, busy, send } = useFormSend()
  const submit = () =>
    send('save', createUnitRequest, { name, kind: kind || undefined, intro, contactName, contactPhone }, onSave, () => {
      if (unit) return
      setName('')
      setKind('')
      setIntro('')
      setContactName('')
      setContactPhone('')
    })
  return (
    <View className='card unit-form'>
      <Text className='card-title'>{unit ? `修改「${unit.name}」的资料` : '新增成员单位'}</Text>
      <Field label='单位名称' error={fields.name} errorClass='unit-name-error'>
        <Input className='text-input text-input--plain unit-name-input' value={name} maxlength={40} placeholder='例如：洛社镇卫生院' placeholderClass='input-placeholder' onInput={(e) => setName(e.detail.value)} />
      </Field>
      <Field label='单位类型' error={fields.kind} errorClass='unit-kind-error'>
        <ChipGroup label='单位类型' kind='radio' chipClass='unit-kind-chip' options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} isOn={(k) => k === kind} onTap={(k) => setKind(k)} />
      </Field>
      <Field label='单位简介（选填）' error={fields.intro} errorClass='unit-intro-error'>
        <Textarea className='text-area unit-intro-input' value={intro} maxlength={200} placeholder='能为社区做什么' onInput={(e) => setIntro(e.detail.value)} />
      </Field>
      <Field label='联系人（选填）' error={fields.contactName} errorClass='unit-contact-name-error'>
        <Input className='text-input text-input--plain unit-contact-name-input' value={contactName} maxlength={20} placeholderClass='input-placeholder' onInput={(e) => setContactName(e.detail.value)} />
      </Field>
      <Field label='联系电话（选填）' error={fields.contactPhone} errorClass='unit-contact-phone-error'>
        <Input className='text-input text-input--plain unit-contact-phone-input' value={contactPhone} maxlength={14} type='text' placeholderClass='input-placeholder' onInput={(e) => setContactPhone(e.detail.value)} />
      </Field>
      <BusyButton label={submitLabel} busyLabel='正在保存…' busy={busy === 'save'} className='btn--primary unit-save' onClick={() => void submit()} />
      {onCancel ? <BusyButton label='不改了' busyLabel='不改了' busy={false} className='btn--secondary unit-cancel' onClick={onCancel} /> : null}
    </View>
  )
}
