import Taro from '@tarojs/taro'
import type { DownloadedFile } from '../services/request'
import { isWeapp } from '../services/platform'

/**
 * Shows a downloaded PDF: on weapp in WeChat's document viewer (its menu forwards or prints it); on H5 it is
 * saved through an object URL with the name the API gave.
 */
export async function openPdf(file: DownloadedFile): Promise<void> {
  if (isWeapp()) {
    if (!file.filePath) throw new Error('no file')
    await Taro.openDocument({ filePath: file.filePath, fileType: 'pdf', showMenu: true })
    return
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
}
