import Taro from '@tarojs/taro'
import { isWeapp } from './platform'

/**
 * WeChat downloads a new version in the background; once it is ready, ask before restarting into it (a restart in the
 * middle of typing would lose the page). Declining keeps the old version until the next cold start.
 */
export function offerUpdates(): void {
  if (!isWeapp() || typeof Taro.getUpdateManager !== 'function') return
  const manager = Taro.getUpdateManager()
  manager.onUpdateReady(() => {
    Taro.showModal({ title: '有新版本', content: '新版本已经下载好，重新打开小程序就能用。现在重新打开吗？', confirmText: '重新打开', cancelText: '稍后' })
      .then((res) => {
        if (res.confirm) manager.applyUpdate()
      })
      .catch(() => undefined)
  })
}
