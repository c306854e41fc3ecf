import { View } from '@tarojs/components'
import type { ProjectView } from '@shared/schemas/alliance'
import { moveProject, signProjectForUnit } from '../../services/api'
import { ActionButton, withFeedback } from './alliance'

/** Who is looking: the town admin (everything), or a unit's liaison (their own unit's resources and projects). */
export interface Viewer {
  townId: string
  isAdmin: boolean
  unitId?: string
}

/** The steps the viewer may take on a project: 单位签字 (its unit's liaison), 开始 / 完成 / 取消 (the town admin or that liaison). */
export function ProjectSteps({ project, viewer, onChanged }: { project: ProjectView; viewer: Viewer; onChanged: () => void }) {
  const ours = viewer.unitId === project.unitId
  if (!viewer.isAdmin && !ours) return null
  const step = (status: 'in_progress' | 'done' | 'cancelled', done: string) => async () => {
    if (await withFeedback(() => moveProject(viewer.townId, project.id, status), done)) onChanged()
  }
  return (
    <View className='project-actions'>
      {ours && project.status === 'pending' && !project.unitSignature ? (
        <ActionButton label='单位签字' busyLabel='正在签字…' className='btn--primary project-sign-unit' onTap={async () => {
          if (await withFeedback(() => signProjectForUnit(viewer.townId, project.id), '已签字')) onChanged()
        }} />
      ) : null}
      {project.status === 'signed' ? <ActionButton label='开始项目' busyLabel='请稍候…' className='btn--primary project-start' onTap={step('in_progress', '项目已开始')} /> : null}
      {project.status === 'in_progress' ? <ActionButton label='标记完成' busyLabel='请稍候…' className='btn--primary project-done' onTap={step('done', '项目已完成')} /> : null}
      {['pending', 'signed', 'in_progress'].includes(project.status) ? <ActionButton label='取消项目' busyLabel='请稍候…' className='btn--secondary project-cancel' onTap={step('cancelled', '项目已取消，需求回到待对接')} /> : null}
    </View>
  )
}

