import { Button, Text, View } from '@tarojs/components'
import { openLogin } from '../services/navigation'

/** 您还没有登录: what signing in gives on this page, and the 登录 button. */
export function SignInCard({ why }: { why: string }) {
  return (
    <View className='card'>
      <Text className='card-title'>您还没有登录</Text>
      <Text className='plain-line'>{why}</Text>
      <Button className='btn btn--primary login-button' onClick={openLogin}>登录</Button>
    </View>
  )
}
