import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { UserView } from '@shared/schemas/auth'
import { openLogin } from '../../services/navigation'
import { ME_PAGE } from '../../services/platform'
import { Page } from './page'

/**
 * What a studio page shows a person who may not use it: 请先登录 with 登录 to someone signed out; to someone signed in
 * without the role, who the page is for (`refusal`), what to do (`hint`) and 去“我的”. The API checks again.
 */
export function AccessGate({ user, pageClass, gateClass, refusal, hint }: {
  user: UserView | null
  pageClass: string
  gateClass: string
  refusal: string
  hint?: string
}) {
  return (
    <Page className={pageClass}>
      <View className={`card error-card ${gateClass}`}>
        {user ? (
          <View>
            <Text className='error-message'>{refusal}</Text>
            {hint ? <Text className='plain-line'>{hint}</Text> : null}
            <Button className='btn btn--primary' onClick={() => Taro.switchTab({ url: ME_PAGE })}>去“我的”</Button>
          </View>
        ) : (
          <View>
            <Text className='error-message'>请先登录</Text>
            <Button className='btn btn--primary login-button' onClick={openLogin}>登录</Button>
          </View>
        )}
      </View>
    </Page>
  )
}
