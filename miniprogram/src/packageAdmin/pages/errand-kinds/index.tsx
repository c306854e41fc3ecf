import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { ERRAND_DISPATCH, ERRAND_DISPATCH_LABELS, errandKindRequest, type ErrandKindView } from '@shared/schemas/errands'
import type { TeamView } from '@shared/schemas/volunteers'
import { parseWith } from '@shared/validation'
import { createErrandKind, listErrandKinds, listVolunteerTeams, updateErrandKind } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { revealFirstError } from '../../../services/reveal-error'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { isAdminUser, NoAdminAccess } from '../../admin-access'
import '../../styles.css'

type Draft = Omit<ErrandKindView, 'id'>
const EMPTY: Draft = { name: '', description: '', dispatch: 'claim', acceptClaims: false, homeVisit: false, retired: false }
const NO_TEAM = 'none'
const draftOf = ({ id: _id, ...rest }: ErrandKindView): Draft => rest

/** One kind of 代办服务: name, what it is, who takes it (staff dispatch / volunteers claim, claims accepted), its team. */
function KindForm({ studioId, kind, teams, onSaved }: { studioId: string; kind?: ErrandKindView; teams: TeamView[]; onSaved: (k: ErrandKindView) => void }) {
  const [draft, setDraft] = useState<Draft>(kind ? draftOf(kind) : EMPTY)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const change = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch })
  const save = async () => {
    const parsed = parseWith(errandKindRequest, { ...draft, acceptClaims: draft.dispatch === 'claim' && draft.acceptClaims, ...(draft.teamId ? { teamId: draft.teamId } : { teamId: undefined }) })
    if (!parsed.ok) {
      setFields(parsed.fields)
      revealFirstError()
      return
    }
    setBusy(true)
    try {
      const saved = kind ? await updateErrandKind(studioId, kind.id, parsed.value) : await createErrandKind(studioId, parsed.value)
      Taro.showToast({ title: '已保存', icon: 'none' })
      setFields({})
      if (!kind) setDraft(EMPTY)
      onSaved(saved)
    } catch (e) {
      if (isApiError(e) && e.fields) setFields(e.fields)
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }
  const yesNo = (label: string, chip: string, on: boolean, set: (v: boolean) => void) => (
    <ChipGroup label={label} kind='radio' chipClass={chip} options={[{ value: 'yes', label: '是' }, { value: 'no', label: '否' }]} isOn={(v) => (v === 'yes') === on} onTap={(v) => set(v === 'yes')} />
  )
  return (
    <View className='card errand-kind-form'>
      <Text className='card-title'>{kind ? `修改「${kind.name}」` : '新增代办服务'}</Text>
      <Field label='名称' error={fields.name} errorClass='kind-name-error'>
        <Input className='text-input text-input--plain kind-name' value={draft.name} maxlength={20} placeholder='例如：代购药品' placeholderClass='input-placeholder' onInput={(e) => change({ name: e.detail.value })} />
      </Field>
      <Field label='说明' error={fields.description} errorClass='kind-description-error'>
        <Textarea className='text-input text-input--plain kind-description' value={draft.description} maxlength={200} placeholder='居民下单前会看到' placeholderClass='input-placeholder' onInput={(e) => change({ description: e.detail.value })} />
      </Field>
      <Field label='怎么派单' error={fields.dispatch} errorClass='kind-dispatch-error'>
        <ChipGroup label='怎么派单' kind='radio' chipClass='kind-dispatch' options={ERRAND_DISPATCH.map((d) => ({ value: d, label: ERRAND_DISPATCH_LABELS[d] }))} isOn={(d) => d === draft.dispatch} onTap={(dispatch) => change({ dispatch })} />
      </Field>
      {draft.dispatch === 'claim' ? <Field label='志愿者接单后要工作人员确认吗？' error={fields.acceptClaims} errorClass='kind-accept-error'>{yesNo('确认接单', 'kind-accept', draft.acceptClaims, (acceptClaims) => change({ acceptClaims }))}</Field> : null}
      <Field label='由哪个服务队做（可以不限）' error={fields.teamId} errorClass='kind-team-error'>
        <ChipGroup label='服务队' kind='radio' columns={2} chipClass='kind-team' options={[{ value: NO_TEAM, label: '不限' }, ...teams.map((t) => ({ value: t.id, label: t.name }))]} isOn={(id) => (draft.teamId ?? NO_TEAM) === id} onTap={(id) => change({ teamId: id === NO_TEAM ? undefined : id })} />
      </Field>
      <Field label='需要上门吗？' errorClass='kind-home-error'>{yesNo('上门', 'kind-home', draft.homeVisit, (homeVisit) => change({ homeVisit }))}</Field>
      {kind ? <Field label='停用（不再接受下单）' errorClass='kind-retired-error'>{yesNo('停用', 'kind-retired', draft.retired, (retired) => change({ retired }))}</Field> : null}
      <BusyButton label='保存' busyLabel='正在保存…' busy={busy} className='btn--primary kind-save' onClick={() => void save()} />
    </View>
  )
}

/** 代办服务目录: the admin adds, changes or withdraws the kinds residents can order. */
export default function ErrandKindsPage() {
  const [user] = useSessionUser()
  const allowed = isAdminUser(user)
  const studioId = allowed ? user.studioId : ''
  const [editing, setEditing] = useState<string | null>(null)
  const { state, retry, reload } = usePageData(
    async () => {
      const [kinds, teams] = await Promise.all([listErrandKinds(studioId, true), listVolunteerTeams(studioId)])
      return { kinds: kinds.kinds, teams: teams.teams }
    },
    [studioId],
    { enabled: allowed },
  )
  if (!allowed) return <NoAdminAccess user={user} />
  if (state.status !== 'ready') {
    return (
      <Page className='admin-page errand-kinds-page'>
        <PageState state={state} onRetry={retry} />
      </Page>
    )
  }
  const saved = () => {
    setEditing(null)
    void reload()
  }
  return (
    <Page className='admin-page errand-kinds-page'>
      {state.data.kinds.map((k) =>
        editing === k.id ? (
          <KindForm key={k.id} studioId={studioId} kind={k} teams={state.data.teams} onSaved={saved} />
        ) : (
          <View key={k.id} className={`card errand-kind-row${k.retired ? ' errand-kind-row--retired' : ''}`}>
            <Text className='card-title errand-kind-name'>{k.name}{k.retired ? '（已停用）' : ''}</Text>
            <Text className='plain-line'>{k.description}</Text>
            <Text className='plain-line errand-kind-how'>
              {ERRAND_DISPATCH_LABELS[k.dispatch]}{k.acceptClaims ? '，工作人员确认接单' : ''}{k.homeVisit ? '，上门' : ''}{k.teamId ? `，${state.data.teams.find((t) => t.id === k.teamId)?.name ?? '指定服务队'}` : ''}
            </Text>
            <Button className='btn btn--secondary errand-kind-edit' onClick={() => setEditing(k.id)}>修改</Button>
          </View>
        ),
      )}
      <KindForm key={`new-${state.data.kinds.length}`} studioId={studioId} teams={state.data.teams} onSaved={saved} />
    </Page>
  )
}
