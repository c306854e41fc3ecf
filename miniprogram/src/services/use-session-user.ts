import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { UserView } from '@shared/schemas/auth'
import { getUser } from './session'

/** The signed-in user, re-read each time the page shows (e.g. after coming back from the login page). */
export function useSessionUser(): [UserView | null, (user: UserView | null) => void] {
  const [user, setUser] = useState<UserView | null>(() => getUser())
  useDidShow(() => setUser(getUser()))
  return [user, setUser]
}
