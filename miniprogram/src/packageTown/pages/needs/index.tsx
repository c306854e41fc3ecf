import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { fileNeedRequest, type ResourceKind } from '@shared/schemas/alliance'
import { fileNeed, listStudioNeeds, listStudioProjects, signProjectForStudio, withdrawNeed } from '../../../services/api'
import { useFormSend } from '../../../services/use-form-send'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { AccessGate } from '../../../components/ui/access-gate'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { ActionButton, NeedCard, ProjectCard, withFeedback } from '../../components/alliance'
import { kindOptions } from '../../components/resource-form'
import '../../styles.css'

/** 登记需求: what the community needs; the town matches it with a member unit's resource. Kept if sending fails. */
function NeedForm({ studioId, onFiled }: { studioId: string; onFiled: () => void }) {
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<ResourceKind | ''>('')
  const [description, setDescription] = useState('')
  const [wantedBy, setWantedBy] = useState('')
  const { fields, busy, send } = useFormSend()
  const submit = () =>
    send('file', fileNeedRequest, { title, kind: kind || undefined, description, wantedBy: wantedBy || undefined }, (value) => fileNeed(studioId, value), (need) => {
      Taro.showToast({ title: `已登记「${need.title}」，等镇街对接`, icon: 'none', duration: 2500 })
      setTitle('')
      setKind('')
      setDescription('')
      setWantedBy('')
      onFiled()
    })
  return (
    <View className='card need-form'>
      <Text className='card-title'>登记需求</Text>
      <Field label='需要什么' error={fields.title} errorClass='need-title-error'>
        <Input className='text-input text-input--plain need-title-input' value={title} maxlength={30} placeholder='例如：老人健康检查' placeholderClass='input-placeholder' onInput={(e) => setTitle(e.detail.value)} />
      </Field>
      <Field label='类别' error={fields.kind} errorClass='need-kind-error'>
        <ChipGroup label='类别' kind='radio' chipClass='need-kind-chip' options={kindOptions} isOn={(k) => k === kind} onTap={(k) => setKind(k)} />
      </Field>
      <Field label='说明（选填）' error={fields.description} errorClass='need-description-error'>
        <Input className='text-input text-input--plain need-description-input' value={description} maxlength={300} placeholderClass='input-placeholder' onInput={(e) => setDescription(e.detail.value)} />
      </Field>
      <Field label='希望什么时候前解决（选填）' hint='例如 2026-07-01' error={fields.wantedBy} errorClass='need-wanted-by-error'>
        <Input className='text-input text-input--plain need-wanted-by-input' value={wantedBy} maxlength={10} placeholder='年-月-日' placeholderClass='input-placeholder' onInput={(e) => setWantedBy(e.detail.value)} />
      </Field>
      <BusyButton label='登记需求' busyLabel='正在登记…' busy={busy === 'file'} className='btn--primary need-file' onClick={() => void submit()} />
    </View>
  )
}

/** 需求清单 of a studio (its admin and representatives): file needs, withdraw them, sign the projects made for them. */
export default function StudioNeedsPage() {
  const [user] = useSessionUser()
  const studioId = (user?.role === 'admin' || user?.role === 'representative') && user.studioId ? user.studioId : ''
  const { state, retry, reload } = usePageData(
    async () => {
      const [needs, projects] = await Promise.all([listStudioNeeds(studioId), listStudioProjects(studioId)])
      return { needs: needs.needs, projects: projects.projects }
    },
    [studioId],
    { enabled: Boolean(studioId), reloadOnShow: true },
  )
  if (!studioId) return <AccessGate user={user} pageClass='studio-needs-page' gateClass='no-needs-access' refusal='需求清单由工作室的党代表和管理员登记。' />
  const changed = () => void reload()

  return (
    <Page className='studio-needs-page'>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <View>
          <Text className='section-title'>共建项目（双向服务协议）</Text>
          {state.data.projects.length === 0 ? <Text className='plain-line list-empty'>还没有项目：镇街对接需求后会出现在这里，请签字确认。</Text> : null}
          {state.data.projects.map((p) => (
            <ProjectCard key={p.id} project={p}>
              {p.status === 'pending' && !p.studioSignature ? (
                <ActionButton label='社区签字' busyLabel='正在签字…' className='btn--primary project-sign-studio' onTap={async () => {
                  if (await withFeedback(() => signProjectForStudio(studioId, p.id), '已签字')) changed()
                }} />
              ) : null}
            </ProjectCard>
          ))}
          <Text className='section-title'>本社区的需求清单</Text>
          {state.data.needs.length === 0 ? <Text className='plain-line list-empty'>还没有登记需求。</Text> : null}
          {state.data.needs.map((n) => (
            <NeedCard key={n.id} need={n}>
              {n.status === 'open' ? (
                <ActionButton label='撤回' busyLabel='请稍候…' className='btn--secondary need-withdraw' onTap={async () => {
                  if (await withFeedback(() => withdrawNeed(studioId, n.id), '已撤回')) changed()
                }} />
              ) : null}
            </NeedCard>
          ))}
          <NeedForm studioId={studioId} onFiled={changed} />
        </View>
      ) : null}
    </Page>
  )
}
