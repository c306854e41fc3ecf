import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ROLE_LABELS } from '@shared/roles'
import type { MembershipView } from '@shared/schemas/towns'
import { listMyMemberships, switchMembership } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { saveSession } from '../../../services/session'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { AccessGate } from '../../../components/ui/access-gate'
import { BusyButton } from '../../../components/ui/busy-button'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

const placeOf = (m: MembershipView) => (m.unitName ? `${m.townName ?? '镇街'} · ${m.unitName}` : (m.townName ?? m.studioName ?? (m.townId ? '镇街' : '工作室')))
const keyOf = (m: MembershipView) => `${m.role}#${m.townId ?? m.studioId}`

/** 切换身份: the roles the person holds in several studios or towns; one tap makes another the one they act as. */
export default function MembershipsPage() {
  const [user, setUser] = useSessionUser()
  const [switching, setSwitching] = useState<string>()
  const { state, retry, reload } = usePageData(() => listMyMemberships(), [user?.id], { enabled: Boolean(user), reloadOnShow: true })
  if (!user) return <AccessGate user={user} pageClass='memberships-page' gateClass='no-memberships-access' refusal='请先登录' />

  const choose = async (m: MembershipView) => {
    if (switching) return
    setSwitching(keyOf(m))
    try {
      const session = await switchMembership({ role: m.role, ...(m.townId ? { townId: m.townId } : { studioId: m.studioId }) })
      saveSession(session)
      setUser(session.user)
      Taro.showToast({ title: `已切换为：${placeOf(m)}${ROLE_LABELS[m.role]}`, icon: 'none', duration: 2500 })
      await reload()
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    } finally {
      setSwitching(undefined)
    }
  }

  return (
    <Page className='memberships-page'>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <View>
          <Text className='plain-line'>您在几个工作室或镇街任职。选一个，接下来就以这个身份办事。</Text>
          {state.data.memberships.map((m) => (
            <View key={keyOf(m)} className={`card membership-card${m.active ? ' membership-card--active' : ''}`}>
              <Text className='entry-title membership-place'>{placeOf(m)}</Text>
              <Text className='plain-line membership-role'>{ROLE_LABELS[m.role]}</Text>
              {m.active ? (
                <Text className='plain-line membership-current'>✓ 当前身份</Text>
              ) : (
                <BusyButton label='切换到这个身份' busyLabel='正在切换…' busy={switching === keyOf(m)} className='btn--primary membership-switch' onClick={() => void choose(m)} />
              )}
            </View>
          ))}
        </View>
      ) : null}
    </Page>
  )
}
