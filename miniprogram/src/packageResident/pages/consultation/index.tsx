import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ConsultationView } from '@shared/schemas/consultations'
import { getConsultation, signUpForConsultation, withdrawConsultationSignUp } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { decodeParam } from '../../../services/navigation'
import { askFor } from '../../../services/subscribe'
import { ConsultationCard } from '../../../components/consultation-card'
import { PageState } from '../../../components/page-state'
import { SignInCard } from '../../../components/sign-in-card'
import { BusyButton } from '../../../components/ui/busy-button'
import { Page } from '../../../components/ui/page'

/** One 议事协商: when, where, the agenda and the matters; 报名参加 (once) or 取消报名 while it is to come. */
export default function ConsultationPage() {
  const { params } = useRouter()
  const [user] = useSessionUser()
  const studioId = decodeParam(params.studioId) ?? ''
  const id = decodeParam(params.id) ?? ''
  const [busy, setBusy] = useState(false)
  const { state, retry, setData } = usePageData<ConsultationView>(() => getConsultation(studioId, id), [studioId, id], {
    enabled: !!user && !!studioId && !!id,
    initial: () => (studioId && id ? { status: 'loading' } : { status: 'error', message: '没有找到这次议事协商' }),
  })
  if (!user) {
    return (
      <Page className='consultation-page'>
        <SignInCard why='登录后可以看议事协商的详情，并报名参加。' />
      </Page>
    )
  }

  const act = async (c: ConsultationView, signUp: boolean) => {
    if (busy) return
    setBusy(true)
    try {
      if (signUp) await askFor('consultation')
      const res = signUp ? await signUpForConsultation(studioId, id) : await withdrawConsultationSignUp(studioId, id)
      setData({ ...c, signedUp: res.count, signedUpByMe: res.signedUp })
      Taro.showToast({ title: signUp ? '报名成功，请按时参加' : '已取消报名', icon: 'none' })
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page className='consultation-page'>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <ConsultationCard c={state.data}>
          <View className='consultation-matters'>
            <Text className='consultation-label'>议程</Text>
            {state.data.agenda.map((a, i) => <Text key={i} className='consultation-matter consultation-agenda'>{i + 1}. {a}</Text>)}
          </View>
          {state.data.invitedUnits ? <Text className='plain-line consultation-units'>邀请单位：{state.data.invitedUnits}</Text> : null}
          {state.data.status === 'planned' ? (
            state.data.signedUpByMe ? (
              <View className='consultation-form'>
                <Text className='plain-line consultation-mine'>您已报名，请按时参加。</Text>
                <BusyButton className='btn--secondary consultation-withdraw' label='取消报名' busyLabel='正在取消…' busy={busy} onClick={() => void act(state.data, false)} />
              </View>
            ) : (
              <BusyButton className='btn--primary consultation-sign-up' label='报名参加' busyLabel='正在报名…' busy={busy} onClick={() => void act(state.data, true)} />
            )
          ) : null}
        </ConsultationCard>
      ) : null}
    </Page>
  )
}
