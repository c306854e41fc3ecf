import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { UserView } from '@shared/schemas/auth'
import { openLogin } from '../services/navigation'
import { ME_PAGE } from '../services/platform'
import { Page } from '../components/ui/page'

/** Studio set-up is for the studio's administrators (the API checks again). */
export function isAdminUser(user: UserView | null): user is UserView & { studioId: string } {
  return !!user && user.role === 'admin' && !!user.studioId
}

export function NoAdminAccess({ user }: { user: UserView | null }) {
  return (
    <Page className='admin-page'>
      <View className='card error-card no-admin-access'>
        {user ? (
          <View>
            <Text className='error-message'>工作室设置只对工作室管理员开放。</Text>
            <Text className='plain-line'>如需修改服务项目或排期，请联系本工作室的管理员。</Text>
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

