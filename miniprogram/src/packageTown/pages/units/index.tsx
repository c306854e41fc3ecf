import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { UnitInviteView, UnitView } from '@shared/schemas/alliance'
import { chinaDate } from '@shared/time'
import { createUnit, createUnitInvite, listUnits, retireUnit, updateUnit } from '../../../services/api'
import { openPage } from '../../../services/navigation'
import { TOWN_ALLIANCE_PAGE } from '../../../services/platform'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { AccessGate } from '../../../components/ui/access-gate'
import { Page } from '../../../components/ui/page'
import { ActionButton, withFeedback } from '../../components/alliance'
import { UnitForm } from '../../components/unit-form'
import '../../styles.css'

function UnitCard({ unit, townId, onChanged, onEdit }: { unit: UnitView; townId: string; onChanged: () => void; onEdit: () => void }) {
  const [invite, setInvite] = useState<UnitInviteView>()
  const makeInvite = async () => {
    await withFeedback(async () => setInvite(await createUnitInvite(townId, unit.id, 72)), '已生成邀请码')
  }
  const retire = async () => {
    const { confirm } = await Taro.showModal({ title: '成员单位退出', content: `「${unit.name}」退出后保留记录，不再提供资源。确定吗？`, confirmText: '退出' })
    if (confirm && (await withFeedback(() => retireUnit(townId, unit.id), `${unit.name}已退出`))) onChanged()
  }
  return (
    <View className={`card unit-card${unit.active ? '' : ' unit-card--retired'}`}>
      <Text className='entry-title unit-name'>{unit.name}</Text>
      <Text className='plain-line unit-kind'>{unit.kindLabel}{unit.active ? '' : ' · 已退出'}</Text>
      {unit.intro ? <Text className='plain-line unit-intro'>{unit.intro}</Text> : null}
      {unit.contactName || unit.contactPhone ? <Text className='plain-line unit-contact'>联系人：{[unit.contactName, unit.contactPhone].filter(Boolean).join(' ')}</Text> : null}
      {unit.active ? (
        <View className='unit-actions'>
          <ActionButton label='修改资料' busyLabel='修改资料' className='btn--secondary unit-edit' onTap={async () => onEdit()} />
          <ActionButton label='生成联络员邀请码' busyLabel='正在生成…' className='btn--secondary unit-invite' onTap={makeInvite} />
          <ActionButton label='退出联盟' busyLabel='请稍候…' className='btn--secondary unit-retire' onTap={retire} />
        </View>
      ) : null}
      {invite ? (
        <View className='unit-invite-box'>
          <Text className='plain-line'>「{invite.unitName}」联络员的邀请码：</Text>
          <Text className='invite-code unit-invite-code'>{invite.code}</Text>
          <Text className='plain-line unit-invite-expiry'>请交给单位的联络员，在「我的 → 加入工作室」输入。{chinaDate(invite.expiresAt)} 前有效，只能用一次。</Text>
        </View>
      ) : null}
    </View>
  )
}

/** 成员单位 (镇街工作台, town admins): the alliance's units — add, edit, retire, invite each unit's liaison. */
export default function TownUnitsPage() {
  const [user] = useSessionUser()
  const townId = user?.role === 'town_admin' && user.townId ? user.townId : ''
  const [editing, setEditing] = useState<UnitView>()
  const { state, retry, reload } = usePageData(() => listUnits(townId), [townId], { enabled: Boolean(townId), reloadOnShow: true })
  if (!townId) return <AccessGate user={user} pageClass='town-units-page' gateClass='no-town-access' refusal='成员单位由镇街管理员管理。' hint='成员单位的联络员请在「我的 → 成员单位」查看本单位。' />

  return (
    <Page className='town-units-page'>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <View>
          <Text className='section-title'>区域化党建成员单位（{state.data.units.filter((u) => u.active).length} 家）</Text>
          <View className='card card--link alliance-lists-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(TOWN_ALLIANCE_PAGE)}>
            <Text className='entry-title'>资源清单 · 需求清单 · 项目清单</Text>
            <Text className='card-action'>打开 ›</Text>
          </View>
          {state.data.units.length === 0 ? <Text className='plain-line units-empty'>还没有成员单位，在下面添加。</Text> : null}
          {state.data.units.map((u) => (editing?.id === u.id ? (
            <UnitForm key={u.id} unit={u} submitLabel='保存修改' onCancel={() => setEditing(undefined)} onSave={async (profile) => {
              await updateUnit(townId, u.id, { ...profile, version: u.version })
              Taro.showToast({ title: '已保存', icon: 'none' })
              setEditing(undefined)
              void reload()
            }} />
          ) : <UnitCard key={u.id} unit={u} townId={townId} onChanged={() => void reload()} onEdit={() => setEditing(u)} />))}
          <UnitForm submitLabel='添加成员单位' onSave={async (profile) => {
            const unit = await createUnit(townId, profile)
            Taro.showToast({ title: `已添加${unit.name}`, icon: 'none' })
            void reload()
          }} />
        </View>
      ) : null}
    </Page>
  )
}
