import Taro from '@tarojs/taro'
import type { StudioSubmissionView } from '@shared/schemas/submission'
import { errorMessage, isApiError } from '../../../services/request'

export type Update = (view: StudioSubmissionView) => void

/** Runs one action with a loading mask and a toast; a refusal (409 …) is shown and the page reloads. */
export async function act(title: string, done: string, run: () => Promise<StudioSubmissionView>, onDone: Update, onRefused: () => void): Promise<boolean> {
  Taro.showLoading({ title, mask: true })
  try {
    const view = await run()
    Taro.hideLoading()
    Taro.showToast({ title: done, icon: 'success' })
    onDone(view)
    return true
  } catch (error) {
    Taro.hideLoading()
    Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    if (isApiError(error) && error.status === 409) onRefused()
    return false
  }
}
