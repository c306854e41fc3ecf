import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { addDepartmentRequest, type DepartmentView } from '@shared/schemas/departments'
import type { InviteResponse } from '@shared/schemas/auth'
import { parseWith } from '@shared/validation'
import { addDepartment, createInvite, listDepartments, updateDepartment } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { revealFirstError } from '../../../services/reveal-error'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { BusyButton } from '../../../components/ui/busy-button'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { isAdminUser, NoAdminAccess } from '../../admin-access'
import '../../styles.css'

/** Adds a department: a name (and what it handles). */
function AddForm({ studioId, onAdded }: { studioId: string; onAdded: () => void }) {
  const [name, setName] = useState('')
  const [note, setNote] = useState('')
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const add = async () => {
    const parsed = parseWith(addDepartmentRequest, { name, ...(note.trim() ? { note } : {}) })
    if (!parsed.ok) {
      setFields(parsed.fields)
      revealFirstError()
      return
    }
    setBusy(true)
    try {
      await addDepartment(studioId, parsed.value)
      Taro.showToast({ title: `已添加${parsed.value.name}`, icon: 'none' })
      setName('')
      setNote('')
      setFields({})
      onAdded()
    } catch (e) {
      if (isApiError(e) && e.fields) setFields(e.fields)
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card department-form'>
      <Text className='card-title'>添加承办部门</Text>
      <Field label='部门名称' error={fields.name} errorClass='department-name-error'>
        <Input className='text-input text-input--plain department-name' value={name} maxlength={20} placeholder='例如：市场监管所' placeholderClass='input-placeholder' onInput={(e) => setName(e.detail.value)} />
      </Field>
      <Field label='负责什么（可不填）' error={fields.note} errorClass='department-note-error'>
        <Input className='text-input text-input--plain department-note' value={note} maxlength={100} placeholder='例如：食品安全、价格' placeholderClass='input-placeholder' onInput={(e) => setNote(e.detail.value)} />
      </Field>
      <BusyButton label='添加' busyLabel='正在添加…' busy={busy} className='btn--primary department-add' onClick={() => void add()} />
    </View>
  )
}

/** One department: its liaison's invite code, retire (停用) or back in service. */
function DepartmentRow({ studioId, department, onChanged }: { studioId: string; department: DepartmentView; onChanged: () => void }) {
  const [invite, setInvite] = useState<InviteResponse | null>(null)
  const [busy, setBusy] = useState<'invite' | 'active' | null>(null)
  const run = async (what: 'invite' | 'active') => {
    setBusy(what)
    try {
      if (what === 'invite') setInvite(await createInvite(studioId, { role: 'liaison', departmentId: department.id, validHours: 72 }))
      else {
        await updateDepartment(studioId, department.id, { active: !department.active })
        Taro.showToast({ title: department.active ? '已停用' : '已重新启用', icon: 'none' })
        onChanged()
      }
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    } finally {
      setBusy(null)
    }
  }
  return (
    <View className={`card department-row${department.active ? '' : ' department-row--retired'}`}>
      <Text className='card-title department-row-name'>{department.name}{department.active ? '' : '（已停用）'}</Text>
      {department.note ? <Text className='plain-line'>{department.note}</Text> : null}
      {invite ? <Text className='plain-line department-invite-code'>{`联络员邀请码：${invite.code}（72 小时内有效，只能用一次）`}</Text> : null}
      {department.active ? <BusyButton label='生成联络员邀请码' busyLabel='正在生成…' busy={busy === 'invite'} className='btn--secondary department-invite' onClick={() => void run('invite')} /> : null}
      <Button className='btn btn--secondary department-toggle' disabled={busy !== null} onClick={() => void run('active')}>{department.active ? '停用' : '重新启用'}</Button>
    </View>
  )
}

/** 部门与联络员: the admin keeps the studio's departments and invites each one's liaison. */
export default function DepartmentsPage() {
  const [user] = useSessionUser()
  const allowed = isAdminUser(user)
  const studioId = allowed ? user.studioId : ''
  const { state, retry, reload } = usePageData(() => listDepartments(studioId), [studioId], { enabled: allowed })
  if (!allowed) return <NoAdminAccess user={user} />
  if (state.status !== 'ready') {
    return (
      <Page className='admin-page departments-page'>
        <PageState state={state} onRetry={retry} />
      </Page>
    )
  }
  return (
    <Page className='admin-page departments-page'>
      <Text className='plain-line'>交办大事时从这里选部门；部门联络员用邀请码加入后，能看到交办给本部门的事，签收、反馈进展和结果。</Text>
      {state.data.departments.filter((d) => !d.memberUnit).map((d) => (
        <DepartmentRow key={d.id} studioId={studioId} department={d} onChanged={() => void reload()} />
      ))}
      <AddForm studioId={studioId} onAdded={() => void reload()} />
    </Page>
  )
}
