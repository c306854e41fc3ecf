import Taro from '@tarojs/taro'
import type { DownloadedFile } from '../services/request'
import { isWeapp } from '../services/platform'

/**
 * Hands over a downloaded CSV. H5: saved through an object URL with the name the API gave (as the poster is).
 * weapp: WeChat cannot preview a CSV, so the file is forwarded to a chat (文件传输助手 …) to open on a computer;
 * `shareFileMessage` needs a tap, so a dialog asks first. Resolves `false` when the person did not forward it.
 */
export async function saveCsv(file: DownloadedFile): Promise<boolean> {
  if (isWeapp()) {
    if (!file.filePath) throw new Error('no file')
    const { confirm } = await Taro.showModal({
      title: '表格已下载',
      content: '点“转发”把表格发到微信聊天（例如文件传输助手），再在电脑上用 Excel 或 WPS 打开。',
      confirmText: '转发',
      cancelText: '不用了',
    })
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
