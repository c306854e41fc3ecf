import Taro from '@tarojs/taro'
import type { DownloadedFile } from './request'
import { isWeapp } from './platform'

/**
 * Hands over a downloaded file the phone cannot open by itself (a JSON copy of one's data). H5: saved through an
 * object URL with the name the API gave. weapp: forwarded to a chat (文件传输助手 …) to open on a computer —
 * `shareFileMessage` needs a tap, so a dialog (`title`, `content`) asks first. Resolves `false` when not forwarded.
 */
export async function saveDownloadedFile(file: DownloadedFile, ask: { title: string; content: string }): Promise<boolean> {
  if (isWeapp()) {
    if (!file.filePath) throw new Error('no file')
    const { confirm } = await Taro.showModal({ title: ask.title, content: ask.content, confirmText: '转发', cancelText: '不用了' })
    if (!confirm) return false
    const filePath = file.filePath
    // not promisified by Taro on weapp (it returns nothing): wait on the callbacks; closing the chat list is not an error
    return new Promise<boolean>((resolve, reject) => {
      Taro.shareFileMessage({
        filePath,
        fileName: file.filename,
        success: () => resolve(true),
        fail: (res: { errMsg?: string }) => (/cancel/i.test(res?.errMsg ?? '') ? resolve(false) : reject(res)),
      })
    })
  }
  if (!file.blob) throw new Error('no file')
  const url = URL.createObjectURL(file.blob)
  const link = document.createElement('a')
  link.href = url
  link.download = file.filename
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // give the browser time to start the download before the bytes are released
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return true
}
