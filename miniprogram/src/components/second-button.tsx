import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { secondSubmission } from '../services/api'
import { askFor } from '../services/subscribe'
import { errorMessage } from '../services/request'
import { BusyButton } from './ui/busy-button'
import './second-button.css'

/** How many residents raised the same thing, in words (nothing when none). */
export function secondsLine(seconds: number | undefined): string {
  return seconds ? `${seconds} 位居民也反映了这件事` : ''
}

/**
 * 附议: "I have this too" on a matter someone already raised — once per resident (a second tap answers the same), with
 * the count after it. `onSeconded` hears the new count.
 */
export function SecondButton({ submissionId, seconds, secondedByMe = false, onSeconded }: {
  submissionId: string
  seconds: number
  secondedByMe?: boolean
  onSeconded?: (seconds: number) => void
}) {
  const [state, setState] = useState({ seconds, done: secondedByMe })
  const [busy, setBusy] = useState(false)

  const second = async () => {
    if (busy || state.done) return
    setBusy(true)
    try {
      // in the tap: WeChat asks whether to hear of the matter's progress (附议事项的进展)
      await askFor('second')
      const res = await secondSubmission(submissionId)
      setState({ seconds: res.seconds, done: true })
      onSeconded?.(res.seconds)
      Taro.showToast({ title: `已附议，共有 ${res.seconds} 位居民反映了这件事；有进展会通知您`, icon: 'none', duration: 3000 })
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='second-box'>
      {state.seconds ? <Text className='second-count'>{secondsLine(state.seconds)}</Text> : null}
      {/* once seconded, words rather than a disabled button (whose label H5 does not show) */}
      {state.done ? (
        <Text className='second-done'>✓ 已附议</Text>
      ) : (
        <BusyButton className='btn--secondary second-button' label='附议：我也遇到了这件事' busyLabel='正在附议…' busy={busy} onClick={() => void second()} />
      )}
    </View>
  )
}
