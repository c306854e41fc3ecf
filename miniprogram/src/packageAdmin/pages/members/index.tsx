import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { ROLE_LABELS, STUDIO_ROLES, type StudioRole } from '@shared/roles'
import type { InviteResponse, MemberView } from '@shared/schemas/auth'
import { chinaDate, chinaTime, formatChinaDate } from '@shared/time'
import { changeMemberRole, createInvite, listGrids, listMembers, removeMember } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { isAdminUser, NoAdminAccess } from '../../admin-access'
import './index.css'
import { Page } from '../../../components/ui/page'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import '../../styles.css'

/** The roles given here; a 部门联络员 comes only with a department's invite (部门与联络员). */
const INVITED_HERE = STUDIO_ROLES.filter((r): r is Exclude<StudioRole, 'liaison'> => r !== 'liaison')

const when = (iso: string) => `${formatChinaDate(chinaDate(iso))} ${chinaTime(iso)}`

/** A code for a role, shown large enough to read out or copy into a chat. */
function InviteMaker({ studioId }: { studioId: string }) {
  const [role, setRole] = useState<StudioRole>('staff')
  const [gridId, setGridId] = useState('')
  const [gridError, setGridError] = useState('')
  const [busy, setBusy] = useState(false)
  const [invite, setInvite] = useState<InviteResponse | null>(null)
  // a grid head is invited for one grid: the studio's grids to choose from
  const grids = usePageData(async () => (await listGrids(studioId)).grids, [studioId], { enabled: role === 'grid_head' })

  const make = async () => {
    if (busy) return
    if (role === 'grid_head' && !gridId) {
      setGridError('请选择网格员负责的网格')
      return
    }
    setGridError('')
    setBusy(true)
    try {
      setInvite(await createInvite(studioId, { role, ...(role === 'grid_head' ? { gridId } : {}) }))
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card invite-maker'>
      <Text className='card-title'>发邀请码</Text>
      <Text className='plain-line'>对方在“我的”里点“有邀请码”，输入后就成为本工作室的：</Text>
      <View className='chip-group' role='radiogroup' aria-label='邀请的角色'>
        {INVITED_HERE.map((r) => (
          <View key={r} className={`chip invite-role${role === r ? ' chip--on' : ''}`} role='radio' aria-checked={role === r} onClick={() => setRole(r)}>
            <Text>{ROLE_LABELS[r]}</Text>
          </View>
        ))}
      </View>
      {role === 'grid_head' ? (
        <Field label='负责哪个网格' error={gridError} errorClass='invite-grid-error'>
          {grids.state.status === 'ready' ? (
            grids.state.data.length ? (
              <ChipGroup label='负责哪个网格' kind='radio' columns={2} chipClass='invite-grid' options={grids.state.data.map((g) => ({ value: g.id, label: g.name }))} isOn={(id) => id === gridId} onTap={setGridId} />
            ) : (
              <Text className='plain-line invite-no-grids'>还没有网格：请先在「网格与网格员」里新增网格。</Text>
            )
          ) : (
            <PageState state={grids.state} onRetry={grids.retry} />
          )}
        </Field>
      ) : null}
      <Text className='field-hint invite-liaison-hint'>部门联络员的邀请码请到“部门与联络员”里按部门生成。</Text>
      <Button className='btn btn--primary invite-make' loading={busy || undefined} disabled={busy || undefined} onClick={() => void make()}>
        {busy ? '正在生成…' : `生成「${ROLE_LABELS[role]}」邀请码`}
      </Button>
      {invite ? (
        <View className='invite-result' role='status'>
          <Text className='invite-code'>{invite.code}</Text>
          <Text className='plain-line'>{`${ROLE_LABELS[invite.role]}，${when(invite.expiresAt)} 前有效，只能用一次`}</Text>
          <Button
            className='btn btn--secondary btn--compact invite-copy'
            onClick={() => void Taro.setClipboardData({ data: invite.code }).catch(() => undefined)}
          >
            复制邀请码
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** 成员与邀请: the studio's people and their roles; the admin invites, changes a role or removes someone. */
export default function AdminMembersPage() {
  const [user] = useSessionUser()
  const studioId = isAdminUser(user) ? user.studioId : null
  const { state, retry, setData } = usePageData(async () => (await listMembers(studioId as string)).members, [studioId], {
    enabled: !!studioId,
    reloadOnShow: true,
    pullDownRefresh: true,
  })
  const [busyId, setBusyId] = useState<string | null>(null)

  if (!isAdminUser(user)) return <NoAdminAccess user={user} />

  const change = async (member: MemberView, role: StudioRole) => {
    if (busyId || role === member.role) return
    const { confirm } = await Taro.showModal({
      title: '修改角色？',
      content: `${member.displayName}：${ROLE_LABELS[member.role]} → ${ROLE_LABELS[role]}。立即生效，并记入操作记录。`,
      confirmText: '确定修改',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusyId(member.userId)
    try {
      const changed = await changeMemberRole(studioId as string, member.userId, { role })
      setData((members) => members.map((m) => (m.userId === member.userId ? changed : m)))
      Taro.showToast({ title: '已修改', icon: 'success' })
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusyId(null)
    }
  }

  const remove = async (member: MemberView) => {
    if (busyId) return
    const { confirm } = await Taro.showModal({
      title: '移出工作室？',
      content: `${member.displayName} 将变回普通居民，不能再使用工作台和意见办理。立即生效，并记入操作记录。`,
      confirmText: '确定移出',
      confirmColor: '#C8161D',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusyId(member.userId)
    try {
      await removeMember(studioId as string, member.userId)
      setData((members) => members.filter((m) => m.userId !== member.userId))
      Taro.showToast({ title: '已移出', icon: 'success' })
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusyId(null)
    }
  }

  return (
    <Page className='admin-page members-page'>
      <View className='staff-heading'>
        <Text className='staff-heading-title'>成员与邀请</Text>
        <Text className='staff-heading-sub'>{user.studioName ?? '本工作室'}</Text>
      </View>
      <InviteMaker studioId={user.studioId} />
      <Text className='section-title'>成员</Text>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready'
        ? state.data.map((member) => {
          const self = member.userId === user.id
          const busy = busyId === member.userId
          return (
            <View key={member.userId} className='card member-card'>
              <View className='member-head'>
                <Text className='member-name'>{member.displayName}{self ? '（我）' : ''}</Text>
                <Text className='tag member-role'>{ROLE_LABELS[member.role]}</Text>
              </View>
              <Text className='plain-line member-joined'>{`${when(member.joinedAt)} 加入`}</Text>
              {self ? (
                <Text className='plain-line'>自己的角色请让另一位管理员修改。</Text>
              ) : (
                <View className='member-actions'>
                  {INVITED_HERE.filter((r) => r !== member.role && r !== 'grid_head').map((r) => (
                    <Button key={r} className='btn btn--secondary btn--compact member-change' disabled={busy || undefined} onClick={() => void change(member, r)}>
                      {`改为${ROLE_LABELS[r]}`}
                    </Button>
                  ))}
                  <Button className='btn btn--secondary btn--compact member-remove' disabled={busy || undefined} onClick={() => void remove(member)}>
                    移出工作室
                  </Button>
                </View>
              )}
            </View>
          )
        })
        : null}
    </Page>
  )
}
