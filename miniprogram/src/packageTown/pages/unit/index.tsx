import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ResourceView } from '@shared/schemas/alliance'
import { addResource, getUnit, listUnitProjects, listUnitResources, updateResource, updateUnit } from '../../../services/api'
import { openPage } from '../../../services/navigation'
import { TOWN_ALLIANCE_PAGE } from '../../../services/platform'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { AccessGate } from '../../../components/ui/access-gate'
import { Page } from '../../../components/ui/page'
import { ActionButton, ProjectCard, ResourceCard, withFeedback } from '../../components/alliance'
import { ProjectSteps } from '../../components/project-steps'
import { ResourceForm } from '../../components/resource-form'
import { UnitForm } from '../../components/unit-form'
import '../../styles.css'

/** 我们单位 (a unit's liaison, 我的 → 成员单位): the unit's profile, its 资源清单 and its projects to sign. */
export default function MyUnitPage() {
  const [user] = useSessionUser()
  const townId = user?.role === 'unit_liaison' && user.townId ? user.townId : ''
  const unitId = townId ? (user?.departmentId ?? '') : ''
  const [editing, setEditing] = useState(false)
  const { state, retry, reload } = usePageData(
    async () => {
      const [unit, resources, projects] = await Promise.all([getUnit(townId, unitId), listUnitResources(townId, unitId), listUnitProjects(townId, unitId)])
      return { unit, resources: resources.resources, projects: projects.projects }
    },
    [townId, unitId],
    { enabled: Boolean(unitId), reloadOnShow: true },
  )
  if (!unitId) return <AccessGate user={user} pageClass='my-unit-page' gateClass='no-unit-access' refusal='这里是成员单位联络员的页面。' hint='请让镇街管理员给您单位的联络员邀请码，在「我的 → 加入工作室」输入。' />
  const changed = () => void reload()
  const toggle = async (r: ResourceView) => {
    const body = { title: r.title, kind: r.kind, description: r.description, amount: r.amount, active: !r.active, version: r.version }
    if (await withFeedback(() => updateResource(townId, unitId, r.id, body), r.active ? '已撤下' : '已重新提供')) changed()
  }

  return (
    <Page className='my-unit-page'>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <View>
          {editing ? (
            <UnitForm unit={state.data.unit} submitLabel='保存修改' onCancel={() => setEditing(false)} onSave={async (profile) => {
              await updateUnit(townId, unitId, { ...profile, version: state.data.unit.version })
              Taro.showToast({ title: '已保存', icon: 'none' })
              setEditing(false)
              changed()
            }} />
          ) : (
            <View className='card unit-card my-unit-card'>
              <Text className='entry-title unit-name'>{state.data.unit.name}</Text>
              <Text className='plain-line unit-kind'>{state.data.unit.kindLabel}{state.data.unit.active ? '' : ' · 已退出'}</Text>
              {state.data.unit.intro ? <Text className='plain-line unit-intro'>{state.data.unit.intro}</Text> : null}
              <ActionButton label='修改单位资料' busyLabel='修改单位资料' className='btn--secondary unit-edit' onTap={async () => setEditing(true)} />
            </View>
          )}

          <Text className='section-title'>我们的资源</Text>
          {state.data.resources.length === 0 ? <Text className='plain-line list-empty'>还没有登记资源，在下面添加。</Text> : null}
          {state.data.resources.map((r) => (
            <ResourceCard key={r.id} resource={r}>
              <ActionButton label={r.active ? '撤下' : '重新提供'} busyLabel='请稍候…' className={`btn--secondary ${r.active ? 'resource-withdraw' : 'resource-offer'}`} onTap={() => toggle(r)} />
            </ResourceCard>
          ))}
          {state.data.unit.active ? <ResourceForm onAdd={async (resource) => {
            await addResource(townId, unitId, resource)
            Taro.showToast({ title: `已添加${resource.title}`, icon: 'none' })
            changed()
          }} /> : null}

          <Text className='section-title'>我们的项目</Text>
          {state.data.projects.length === 0 ? <Text className='plain-line list-empty'>还没有项目。</Text> : null}
          {state.data.projects.map((p) => (
            <ProjectCard key={p.id} project={p}>
              <ProjectSteps project={p} viewer={{ townId, isAdmin: false, unitId }} onChanged={changed} />
            </ProjectCard>
          ))}
          <View className='card card--link alliance-lists-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(TOWN_ALLIANCE_PAGE)}>
            <Text className='entry-title'>全镇的需求清单</Text>
            <Text className='plain-line'>看各社区需要什么，用本单位的资源对接</Text>
            <Text className='card-action'>打开 ›</Text>
          </View>
        </View>
      ) : null}
    </Page>
  )
}
