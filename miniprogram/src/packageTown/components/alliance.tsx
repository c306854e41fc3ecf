import { useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { createProjectRequest, type NeedView, type ProjectView, type ResourceView } from '@shared/schemas/alliance'
import { errorMessage } from '../../services/request'
import { useFormSend } from '../../services/use-form-send'
import { BusyButton } from '../../components/ui/busy-button'
import { Field } from '../../components/ui/field'
import { Sheet } from '../../components/ui/sheet'

/** Runs one tap's request with its feedback: a toast saying what was done, or what went wrong. */
export async function withFeedback(action: () => Promise<unknown>, done: string): Promise<boolean> {
  try {
    await action()
    Taro.showToast({ title: done, icon: 'none', duration: 2500 })
    return true
  } catch (e) {
    Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    return false
  }
}

/** A button that shows itself busy while its request runs. */
export function ActionButton({ label, busyLabel, className, onTap }: { label: string; busyLabel: string; className: string; onTap: () => Promise<unknown> }) {
  const [busy, setBusy] = useState(false)
  const tap = async () => {
    if (busy) return
    setBusy(true)
    try {
      await onTap()
    } finally {
      setBusy(false)
    }
  }
  return <BusyButton label={label} busyLabel={busyLabel} busy={busy} className={className} onClick={() => void tap()} />
}

export function ResourceCard({ resource, children }: { resource: ResourceView; children?: ReactNode }) {
  return (
    <View className={`card resource-card${resource.active ? '' : ' resource-card--withdrawn'}`}>
      <Text className='entry-title resource-title'>{resource.title}</Text>
      <Text className='plain-line resource-meta'>{resource.unitName} · {resource.kindLabel}{resource.amount ? ` · ${resource.amount}` : ''}</Text>
      {resource.description ? <Text className='plain-line'>{resource.description}</Text> : null}
      {resource.active ? null : <Text className='plain-line status-note resource-withdrawn'>已撤下</Text>}
      {children}
    </View>
  )
}

export function NeedCard({ need, children }: { need: NeedView; children?: ReactNode }) {
  return (
    <View className={`card need-card need-card--${need.status}`}>
      <Text className='entry-title need-title'>{need.title}</Text>
      <Text className='plain-line need-meta'>{need.studioName} · {need.kindLabel}{need.wantedBy ? ` · 希望 ${need.wantedBy} 前` : ''}</Text>
      {need.description ? <Text className='plain-line'>{need.description}</Text> : null}
      <Text className='plain-line need-status'>{need.statusLabel} · {need.createdBy}</Text>
      {children}
    </View>
  )
}

const signatureLine = (side: string, s: ProjectView['unitSignature']) => (s ? `${side}：${s.name} 已签字` : `${side}：待签字`)

export function ProjectCard({ project, children }: { project: ProjectView; children?: ReactNode }) {
  return (
    <View className={`card project-card project-card--${project.status}`}>
      <Text className='entry-title project-title'>{project.needTitle}</Text>
      <Text className='plain-line project-parties'>{project.studioName} ⇄ {project.unitName}{project.resourceTitle ? `（${project.resourceTitle}）` : ''}</Text>
      <Text className='plain-line'>负责人 {project.owner} · {project.startDate} 至 {project.endDate}</Text>
      <Text className='plain-line project-status'>{project.statusLabel}</Text>
      <Text className='plain-line project-unit-signature'>{signatureLine('单位', project.unitSignature)}</Text>
      <Text className='plain-line project-studio-signature'>{signatureLine('社区', project.studioSignature)}</Text>
      {children}
    </View>
  )
}

/** 生成项目: a need met by a unit (and its resource): who is in charge, from when to when. */
export function NewProjectSheet({ need, resource, onCreate, onClose }: {
  need: NeedView
  resource: ResourceView
  onCreate: (body: { needId: string; unitId: string; resourceId: string; owner: string; startDate: string; endDate: string }) => Promise<void>
  onClose: () => void
}) {
  const [owner, setOwner] = useState('')
  const [startDate, setStartDate] = useState('')
  const [endDate, setEndDate] = useState('')
  const { fields, busy, send } = useFormSend()
  const submit = () =>
    send('create', createProjectRequest, { needId: need.id, unitId: resource.unitId, resourceId: resource.id, owner, startDate, endDate }, (value) => onCreate({ ...value, resourceId: resource.id }), () => undefined)
  return (
    <Sheet title='生成项目（待双方签字）' className='project-sheet'>
      <Text className='plain-line'>「{need.title}」由 {resource.unitName} 的「{resource.title}」承接</Text>
      <Field label='负责人' error={fields.owner} errorClass='project-owner-error'>
        <Input className='text-input text-input--plain project-owner-input' value={owner} maxlength={20} placeholder='姓名' placeholderClass='input-placeholder' onInput={(e) => setOwner(e.detail.value)} />
      </Field>
      <Field label='开始日期' hint='例如 2026-07-01' error={fields.startDate} errorClass='project-start-error'>
        <Input className='text-input text-input--plain project-start-input' value={startDate} maxlength={10} placeholder='年-月-日' placeholderClass='input-placeholder' onInput={(e) => setStartDate(e.detail.value)} />
      </Field>
      <Field label='结束日期' error={fields.endDate} errorClass='project-end-error'>
        <Input className='text-input text-input--plain project-end-input' value={endDate} maxlength={10} placeholder='年-月-日' placeholderClass='input-placeholder' onInput={(e) => setEndDate(e.detail.value)} />
      </Field>
      <BusyButton label='生成项目' busyLabel='正在生成…' busy={busy === 'create'} className='btn--primary project-create' onClick={() => void submit()} />
      <BusyButton label='取消' busyLabel='取消' busy={false} className='btn--secondary project-sheet-close' onClick={onClose} />
    </Sheet>
  )
}
