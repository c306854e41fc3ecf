import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../test/mocks/taro'
import { DeskScanCard } from './desk-scan-card'

beforeEach(() => resetTaroMock())

describe('扫码登录电脑工作台 on 我的', () => {
  it('scans the QR code on the PC in WeChat and opens 确认登录 for its ticket', async () => {
    process.env.TARO_ENV = 'weapp'
    Taro.scanCode.mockResolvedValueOnce({ result: 'lianxin-desk:01JDTICKET0000000000000001', scanType: 'QR_CODE', charSet: 'utf-8' })
    render(<DeskScanCard role='representative' />)
    fireEvent.click(screen.getByText('扫码登录电脑工作台'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageRep/pages/desk-confirm/index?ticket=01JDTICKET0000000000000001' }))
  })

  it('says so when the code scanned is another one', async () => {
    process.env.TARO_ENV = 'weapp'
    Taro.scanCode.mockResolvedValueOnce({ result: 'https://example.com/', scanType: 'QR_CODE', charSet: 'utf-8' })
    render(<DeskScanCard role='staff' />)
    fireEvent.click(screen.getByText('扫码登录电脑工作台'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '这不是连心工作台的登录二维码' })))
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('opens the desk sign-in page in a browser, and is not shown to residents', () => {
    process.env.TARO_ENV = 'h5'
    const { unmount } = render(<DeskScanCard role='admin' />)
    fireEvent.click(screen.getByText('扫码登录电脑工作台'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageRep/pages/desk-login/index' })
    unmount()
    expect(render(<DeskScanCard role='resident' />).container.textContent).toBe('')
  })
})
