import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { DESK_ROLES } from '@shared/contract/roles'
import { deskTicketIdOf } from '@shared/desk-qr'
import type { Role } from '@shared/roles'
import { openPage } from '../services/navigation'
import { isWeapp, REP_DESK_CONFIRM_PAGE, REP_DESK_LOGIN_PAGE } from '../services/platform'

/** Opens the confirm page of a scanned desk QR code, or says the code is not one. */
export function openScannedDeskCode(scanned: string): void {
  const ticketId = deskTicketIdOf(scanned)
  if (!ticketId) {
    Taro.showToast({ title: '这不是连心工作台的登录二维码', icon: 'none', duration: 3000 })
    return
  }
  openPage(`${REP_DESK_CONFIRM_PAGE}?ticket=${encodeURIComponent(ticketId)}`)
}

/**
 * 扫码登录电脑工作台, on 我的 for the studio's people: in WeChat it scans the QR code shown on the PC and opens 确认登录;
 * in a browser (which cannot scan) it opens the desk sign-in page itself.
 */
export function DeskScanCard({ role }: { role: Role }) {
  if (!(DESK_ROLES as readonly Role[]).includes(role)) return null
  const onScan = () => {
    if (!isWeapp()) {
      openPage(REP_DESK_LOGIN_PAGE)
      return
    }
    Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      .then((result) => openScannedDeskCode(result.result))
      .catch(() => undefined) // closed without scanning
  }
  return (
    <View className='card card--link desk-scan-entry' hoverClass='card--pressed' role='button' onClick={onScan}>
      <Text className='entry-title'>扫码登录电脑工作台</Text>
      <Text className='plain-line'>在电脑浏览器上办理意见：列表和详情并排，键盘就能操作</Text>
      <Text className='card-action'>{isWeapp() ? '扫一扫 ›' : '打开登录页 ›'}</Text>
    </View>
  )
}
