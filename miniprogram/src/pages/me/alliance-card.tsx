import { Text, View } from '@tarojs/components'
import type { Role } from '@shared/roles'
import { openPage } from '../../services/navigation'
import { MY_UNIT_PAGE, STUDIO_NEEDS_PAGE, TOWN_UNITS_PAGE } from '../../services/platform'

/**
 * 成员单位与三张清单 on 我的, by role: a unit's liaison opens their unit (资源, 项目 to sign); the town admin the units
 * and the three lists; a studio's admin or representative their community's 需求清单 and its projects. Nothing for others.
 */
export function AllianceCard({ user }: { user: { role: Role; townId?: string; studioId?: string; departmentId?: string } }) {
  const entry = (className: string, title: string, line: string, url: string) => (
    <View className={`card card--link ${className}`} hoverClass='card--pressed' role='button' onClick={() => openPage(url)}>
      <Text className='entry-title'>{title}</Text>
      <Text className='plain-line'>{line}</Text>
      <Text className='card-action'>打开 ›</Text>
    </View>
  )
  if (user.role === 'unit_liaison' && user.townId && user.departmentId) return entry('my-unit-entry', '成员单位', '本单位的资料、资源清单，和社区的共建项目（签字）', MY_UNIT_PAGE)
  if (user.role === 'town_admin' && user.townId) return entry('town-units-entry', '成员单位与三张清单', '区域化党建：成员单位、资源清单、需求清单、项目清单', TOWN_UNITS_PAGE)
  if ((user.role === 'admin' || user.role === 'representative') && user.studioId) return entry('studio-needs-entry', '需求清单', '登记社区需要的帮助，镇街对接成员单位；共建项目在这里签字', STUDIO_NEEDS_PAGE)
  return null
}
