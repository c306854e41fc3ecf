import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { createTeamRequest, type TeamView, type VolunteerView } from '@shared/schemas/volunteers'
import { parseWith } from '@shared/validation'
import { addTeamMember, createVolunteerTeam, decideVolunteer, listVolunteers, listVolunteerTeams, removeTeamMember } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { BusyButton } from '../../../components/ui/busy-button'
import { isAdminUser, NoAdminAccess } from '../../admin-access'
import '../../styles.css'

const said = (error: unknown) => Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })

function Who({ v }: { v: VolunteerView }) {
  return (
    <View>
      <Text className='entry-title volunteer-name'>{v.displayName}</Text>
      <Text className='plain-line volunteer-party'>{v.partyMember ? (v.inService ? `在职党员 · ${v.organisation ?? ''}` : '党员') : '群众'}</Text>
      <Text className='plain-line volunteer-skills'>能帮：{v.skills.join('、')}</Text>
      <Text className='plain-line volunteer-availability'>有空：{v.availability}</Text>
    </View>
  )
}

/** A registration waiting: 通过, or 不通过 with a reason the applicant will read. */
function PendingCard({ v, studioId, onDone }: { v: VolunteerView; studioId: string; onDone: () => void }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string>()
  const decide = async (approve: boolean) => {
    if (!approve && !reason.trim()) {
      setError('不通过请写明原因，申请人会看到')
      return
    }
    try {
      await decideVolunteer(studioId, v.userId, approve ? { approve } : { approve, reason })
      Taro.showToast({ title: approve ? `已通过 ${v.displayName}` : '已告知不通过', icon: 'none' })
      onDone()
    } catch (e) {
      said(e)
    }
  }
  return (
    <View className='card volunteer-pending'>
      <Who v={v} />
      <Button className='btn btn--primary volunteer-approve' onClick={() => void decide(true)}>通过</Button>
      <Field label='不通过的原因' error={error} errorClass='decline-reason-error'>
        <Input className='text-input text-input--plain decline-reason' value={reason} maxlength={100} placeholder='例如：请先到服务点面谈' placeholderClass='input-placeholder' onInput={(e) => setReason(e.detail.value)} />
      </Field>
      <Button className='btn btn--secondary volunteer-decline' onClick={() => void decide(false)}>不通过</Button>
    </View>
  )
}

/** An approved volunteer: which teams they are in; tap a team to put them in (or take them out). */
function ApprovedCard({ v, teams, studioId, onDone }: { v: VolunteerView; teams: TeamView[]; studioId: string; onDone: () => void }) {
  const inTeam = (teamId: string) => teams.find((t) => t.id === teamId)?.members.some((m) => m.userId === v.userId) ?? false
  const toggle = async (teamId: string) => {
    try {
      if (inTeam(teamId)) await removeTeamMember(studioId, teamId, v.userId)
      else await addTeamMember(studioId, teamId, v.userId, false)
      onDone()
    } catch (e) {
      said(e)
    }
  }
  return (
    <View className='card volunteer-approved'>
      <Who v={v} />
      {teams.length ? <ChipGroup label={`${v.displayName}所在的服务队`} kind='checkbox' chipClass='team-chip' options={teams.map((t) => ({ value: t.id, label: t.name }))} isOn={inTeam} onTap={(id) => void toggle(id)} /> : null}
    </View>
  )
}

function TeamCard({ team, studioId, onDone }: { team: TeamView; studioId: string; onDone: () => void }) {
  const lead = async (userId: string) => {
    try {
      await addTeamMember(studioId, team.id, userId, true)
      onDone()
    } catch (e) {
      said(e)
    }
  }
  return (
    <View className='card volunteer-team'>
      <Text className='entry-title team-name'>{team.name}</Text>
      {team.members.length === 0 ? <Text className='plain-line'>还没有队员：在下面的志愿者卡片上点队名加入。</Text> : null}
      {team.members.map((m) => (
        <View className='team-member' key={m.userId}>
          <Text className='plain-line team-member-name'>{m.displayName}{m.userId === team.leaderUserId ? '（队长）' : ''}</Text>
          {m.userId === team.leaderUserId ? null : <Button className='btn btn--secondary btn--compact team-make-leader' onClick={() => void lead(m.userId)}>设为队长</Button>}
        </View>
      ))}
    </View>
  )
}

/** 志愿者 (admins): registrations to approve, approved volunteers, and the studio's teams. */
export default function AdminVolunteersPage() {
  const [user] = useSessionUser()
  const allowed = isAdminUser(user)
  const studioId = allowed ? user.studioId : ''
  const [teamName, setTeamName] = useState('')
  const [teamError, setTeamError] = useState<string>()
  const [loadingMore, setLoadingMore] = useState(false)
  const { state, retry, reload, setData } = usePageData(
    async () => {
      const [pending, approved, teams] = await Promise.all([listVolunteers(studioId, 'pending'), listVolunteers(studioId, 'approved'), listVolunteerTeams(studioId)])
      return { pending: pending.volunteers, pendingNext: pending.nextCursor, approved: approved.volunteers, approvedNext: approved.nextCursor, teams: teams.teams }
    },
    [studioId],
    { enabled: allowed, reloadOnShow: true },
  )
  if (!allowed) return <NoAdminAccess user={user} />

  /** 加载更多 under a list: the API gives 30 a time; the next page is added to what is shown. */
  const more = async (status: 'pending' | 'approved', cursor: string) => {
    if (loadingMore) return
    setLoadingMore(true)
    try {
      const page = await listVolunteers(studioId, status, cursor)
      setData((d) => (status === 'pending' ? { ...d, pending: [...d.pending, ...page.volunteers], pendingNext: page.nextCursor } : { ...d, approved: [...d.approved, ...page.volunteers], approvedNext: page.nextCursor }))
    } catch (e) {
      said(e)
    } finally {
      setLoadingMore(false)
    }
  }

  const createTeam = async () => {
    const parsed = parseWith(createTeamRequest, { name: teamName })
    if (!parsed.ok) {
      setTeamError(parsed.fields.name)
      return
    }
    try {
      await createVolunteerTeam(studioId, parsed.value.name)
      setTeamName('')
      setTeamError(undefined)
      void reload()
    } catch (e) {
      said(e)
    }
  }

  return (
    <Page className='admin-page admin-volunteers-page'>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <View>
          <Text className='section-title'>待审核（{state.data.pending.length}）</Text>
          {state.data.pending.length === 0 ? <Text className='plain-line volunteers-none'>没有等待审核的登记。</Text> : null}
          {state.data.pending.map((v) => <PendingCard key={v.userId} v={v} studioId={studioId} onDone={() => void reload()} />)}
          {state.data.pendingNext ? <BusyButton label='加载更多' busyLabel='正在加载…' busy={loadingMore} className='btn--secondary pending-more' onClick={() => void more('pending', state.data.pendingNext!)} /> : null}

          <Text className='section-title'>服务队</Text>
          {state.data.teams.map((t) => <TeamCard key={t.id} team={t} studioId={studioId} onDone={() => void reload()} />)}
          <View className='card'>
            <Field label='新建服务队' error={teamError} errorClass='team-name-error'>
              <Input className='text-input text-input--plain team-name-input' value={teamName} maxlength={20} placeholder='例如：助老服务队' placeholderClass='input-placeholder' onInput={(e) => setTeamName(e.detail.value)} />
            </Field>
            <Button className='btn btn--secondary team-create' onClick={() => void createTeam()}>新建</Button>
          </View>

          <Text className='section-title'>已通过的志愿者（{state.data.approved.length}）</Text>
          {state.data.approved.map((v) => <ApprovedCard key={v.userId} v={v} teams={state.data.teams} studioId={studioId} onDone={() => void reload()} />)}
          {state.data.approvedNext ? <BusyButton label='加载更多' busyLabel='正在加载…' busy={loadingMore} className='btn--secondary approved-more' onClick={() => void more('approved', state.data.approvedNext!)} /> : null}
        </View>
      ) : null}
    </Page>
  )
}
