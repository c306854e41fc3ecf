import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { NeedMatchesView, NeedView, ProjectView, ResourceView } from '@shared/schemas/alliance'
import { createProject, getNeedMatches, listTownNeeds, listTownProjects, listTownResources } from '../../../services/api'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { AccessGate } from '../../../components/ui/access-gate'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Page } from '../../../components/ui/page'
import { ActionButton, NeedCard, NewProjectSheet, ProjectCard, ResourceCard, withFeedback } from '../../components/alliance'
import { ProjectSteps, type Viewer } from '../../components/project-steps'
import '../../styles.css'

type Tab = 'resources' | 'needs' | 'projects'
interface ListsData {
  tab: Tab
  resources?: ResourceView[]
  needs?: NeedView[]
  projects?: ProjectView[]
}
const TABS: { value: Tab; label: string }[] = [
  { value: 'resources', label: '资源清单' },
  { value: 'needs', label: '需求清单' },
  { value: 'projects', label: '项目清单' },
]

/** 匹配: the resources that fit a need, best first; 生成项目 from one of them (a liaison: their own unit's only). */
function NeedWithMatches({ need, viewer, onMade }: { need: NeedView; viewer: Viewer; onMade: () => void }) {
  const [matches, setMatches] = useState<NeedMatchesView['matches']>()
  const [chosen, setChosen] = useState<ResourceView>()
  const mayOffer = (r: ResourceView) => viewer.isAdmin || r.unitId === viewer.unitId
  return (
    <NeedCard need={need}>
      {need.status === 'open' ? <ActionButton label='匹配资源' busyLabel='正在匹配…' className='btn--secondary need-match' onTap={() => withFeedback(async () => setMatches((await getNeedMatches(viewer.townId, need.id)).matches), '已找到合适的资源')} /> : null}
      {matches && matches.length === 0 ? <Text className='plain-line matches-empty'>还没有合适的资源。</Text> : null}
      {matches?.map((m) => (
        <View className='match-card' key={m.resource.id}>
          <Text className='plain-line match-title'>{m.resource.unitName}：{m.resource.title}{m.resource.amount ? `（${m.resource.amount}）` : ''}</Text>
          <Text className='plain-line match-why'>{m.sameKind ? '同类资源' : '相关资源'}{m.sharedWords.length ? ` · 共同词：${m.sharedWords.join('、')}` : ''}</Text>
          {mayOffer(m.resource) ? <ActionButton label='生成项目' busyLabel='生成项目' className='btn--primary match-make-project' onTap={async () => setChosen(m.resource)} /> : null}
        </View>
      ))}
      {chosen ? (
        <NewProjectSheet need={need} resource={chosen} onClose={() => setChosen(undefined)} onCreate={async (body) => {
          if (await withFeedback(() => createProject(viewer.townId, body), '已生成项目，等双方签字')) {
            setChosen(undefined)
            onMade()
          }
        }} />
      ) : null}
    </NeedCard>
  )
}

/** 资源清单 · 需求清单 · 项目清单 of the town (the town admin; a unit's liaison sees them too and acts for their unit). */
export default function AllianceListsPage() {
  const [user] = useSessionUser()
  const townId = (user?.role === 'town_admin' || user?.role === 'unit_liaison') && user.townId ? user.townId : ''
  const viewer: Viewer = { townId, isAdmin: user?.role === 'town_admin', unitId: user?.role === 'unit_liaison' ? user.departmentId : undefined }
  const [tab, setTab] = useState<Tab>('needs')
  const { state, retry, reload } = usePageData(
    async (): Promise<ListsData> => {
      if (tab === 'resources') return { tab, resources: (await listTownResources(townId)).resources }
      if (tab === 'needs') return { tab, needs: (await listTownNeeds(townId)).needs }
      return { tab, projects: (await listTownProjects(townId)).projects }
    },
    [townId, tab],
    { enabled: Boolean(townId), reloadOnShow: true },
  )
  if (!townId) return <AccessGate user={user} pageClass='alliance-page' gateClass='no-town-access' refusal='三张清单对镇街管理员和成员单位联络员开放。' hint='工作室请在「我的 → 需求清单」登记需求。' />
  const changed = () => void reload()

  return (
    <Page className='alliance-page'>
      <ChipGroup label='清单' kind='radio' chipClass='alliance-tab' options={TABS} isOn={(t) => t === tab} onTap={(t) => setTab(t)} />
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' && state.data.tab === tab ? (
        <View>
          {state.data.resources ? (state.data.resources.length ? state.data.resources.map((r) => <ResourceCard key={r.id} resource={r} />) : <Text className='plain-line list-empty'>各单位还没有登记资源。</Text>) : null}
          {state.data.needs ? (state.data.needs.length ? state.data.needs.map((n) => <NeedWithMatches key={n.id} need={n} viewer={viewer} onMade={changed} />) : <Text className='plain-line list-empty'>各工作室还没有登记需求。</Text>) : null}
          {state.data.projects ? (state.data.projects.length ? state.data.projects.map((p) => (
            <ProjectCard key={p.id} project={p}>
              <ProjectSteps project={p} viewer={viewer} onChanged={changed} />
            </ProjectCard>
          )) : <Text className='plain-line list-empty'>还没有项目：在需求清单里点「匹配资源」。</Text>) : null}
        </View>
      ) : null}
    </Page>
  )
}
