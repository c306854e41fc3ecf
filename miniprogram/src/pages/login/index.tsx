import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { ROLE_LABELS } from '@shared/roles'
import type { SessionResponse } from '@shared/schemas/auth'
import { getPersonas, signInLocal, signInWechat } from '../../services/api'
import { ApiError, errorMessage, isApiError, WECHAT_LOGIN_FAILED_MESSAGE } from '../../services/request'
import { saveSession } from '../../services/session'
import { goBackOrMe, openPage } from '../../services/navigation'
import { isWeapp, REP_DESK_LOGIN_PAGE } from '../../services/platform'
import { usePageData } from '../../services/use-page-data'
import { ErrorCard, PageState } from '../../components/page-state'
import { Page } from '../../components/ui/page'
import './index.css'

export const NO_PERSONAS_MESSAGE = '这里不提供演示身份登录。请在微信里打开“连心”小程序登录。'

function finishSignIn(session: SessionResponse) {
  saveSession(session)
  Taro.hideLoading()
  Taro.showToast({ title: '登录成功', icon: 'success' })
  goBackOrMe()
}

async function withLoading(action: () => Promise<SessionResponse>) {
  Taro.showLoading({ title: '正在登录…', mask: true })
  try {
    finishSignIn(await action())
  } catch (error) {
    Taro.hideLoading()
    Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
  }
}

function WechatLogin() {
  const signIn = () =>
    withLoading(async () => {
      let code: string | undefined
      try {
        code = (await Taro.login()).code
      } catch {
        code = undefined
      }
      if (!code) throw new ApiError({ code: 'WECHAT_LOGIN_FAILED', status: 0, message: WECHAT_LOGIN_FAILED_MESSAGE })
      return signInWechat(code)
    })

  return (
    <View>
      <View className='card'>
        <Text className='card-title'>登录连心</Text>
        <Text className='plain-line'>用微信登录后，可以预约服务、提意见、查看答复。</Text>
        <Text className='plain-line'>我们只用它来认出您，不会获取您的手机号。</Text>
      </View>
      <Button className='btn btn--wechat btn--huge wechat-login-button' onClick={() => void signIn()}>
        微信一键登录
      </Button>
    </View>
  )
}

/** The demo personas, or null where the API does not offer them (404: not a local demo). */
async function loadPersonas() {
  try {
    return (await getPersonas()).personas
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null
    throw error
  }
}

function PersonaLogin() {
  const { state, retry } = usePageData(loadPersonas, [])
  const unavailable = state.status === 'ready' && state.data === null

  return (
    <View>
      {unavailable ? null : (
        <View className='card'>
          <Text className='card-title'>选择身份登录</Text>
          <Text className='plain-line'>这是本地演示环境：点一个身份就能登录。</Text>
        </View>
      )}

      <PageState state={state} onRetry={retry} />

      {unavailable ? <ErrorCard message={NO_PERSONAS_MESSAGE} /> : null}

      {state.status === 'ready' && state.data
        ? state.data.map((persona) => (
          <Button
            key={persona.key}
            className={`persona-button persona-${persona.key}`}
            onClick={() => void withLoading(() => signInLocal(persona.key))}
          >
            <Text className='persona-name'>{persona.displayName}</Text>
            <Text className='persona-role'>
              {ROLE_LABELS[persona.role]}
              {persona.studioName ? ` · ${persona.studioName}` : ''}
            </Text>
          </Button>
        ))
        : null}
    </View>
  )
}

export const SESSION_EXPIRED_MESSAGE = '登录已过期，请重新登录。登录后会回到刚才的页面。'

export default function LoginPage() {
  const { params } = useRouter()
  return (
    <Page className='login-page'>
      {params.reason === 'expired' ? (
        <View className='notice session-expired' role='status'>
          <Text className='notice-body'>{SESSION_EXPIRED_MESSAGE}</Text>
        </View>
      ) : null}
      {isWeapp() ? <WechatLogin /> : <PersonaLogin />}
      {isWeapp() ? null : (
        <View className='card card--link desk-login-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(REP_DESK_LOGIN_PAGE)}>
          <Text className='entry-title'>用手机扫码登录工作台</Text>
          <Text className='plain-line'>党代表、工作人员在电脑上：显示二维码，用连心小程序扫一扫</Text>
          <Text className='card-action'>显示二维码 ›</Text>
        </View>
      )}
    </Page>
  )
}
