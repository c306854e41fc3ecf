import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { UserView } from '@shared/schemas/auth'
import { openLogin } from '../services/navigation'
import { ME_PAGE } from '../services/platform'
import { Page } from '../components/ui/page'

/** 意见办理 is for a studio's representatives and administrators (the API checks again). */
export function isRepUser(user: UserView | null): user is UserView & { studioId: string } {
  return !!user && (user.role === 'representative' || user.role === 'admin') && !!user.studioId
}

export function NoRepAccess({ user }: { user: UserView | null }) {
  return (
    <Page className='rep-page'>
      <View className='card error-card no-rep-access'>
        {user ? (
          <View>
            <Text className='error-message'>意见办理只对工作室的党代表和管理员开放。</Text>
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
