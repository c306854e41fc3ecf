import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { isStudioRole } from '@shared/roles'
import type { UserView } from '@shared/schemas/auth'
import { openLogin } from '../services/navigation'
import { ME_PAGE } from '../services/platform'
import { Page } from '../components/ui/page'

/** Staff pages are for a studio's staff, representatives and administrators (the API checks again). */
export function isStaffUser(user: UserView | null): user is UserView & { studioId: string } {
  return !!user && isStudioRole(user.role) && !!user.studioId
}

export function NoStaffAccess({ user }: { user: UserView | null }) {
  return (
    <Page className='staff-page'>
      <View className='card error-card no-staff-access'>
        {user ? (
          <View>
            <Text className='error-message'>服务点工作台只对工作室的工作人员、党代表和管理员开放。</Text>
            <Text className='plain-line'>如果您是工作人员，请在“我的”里输入工作室给您的邀请码。</Text>
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
