import { act, fireEvent, render } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../test/mocks/taro'
import { watchPrivacyRequests } from '../services/privacy'
import { PrivacyPrompt } from './privacy-prompt'

const saved = process.env.TARO_ENV

/** WeChat holding a call that needs agreement: the listener the app registered, called with a resolve to watch. */
function wechatAsks(): jest.Mock {
  const listener = Taro.onNeedPrivacyAuthorization.mock.calls[0]![0] as (resolve: jest.Mock, info: { referrer: string }) => void
  const resolve = jest.fn()
  act(() => listener(resolve, { referrer: 'chooseMedia' }))
  return resolve
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'weapp'
  watchPrivacyRequests()
})

afterAll(() => {
  process.env.TARO_ENV = saved
})

describe('WeChat’s privacy prompt', () => {
  it('appears when WeChat holds a call, says what for, and 同意并继续 lets the call go on', () => {
    const { container } = render(<PrivacyPrompt purpose='添加照片要用手机的相册或相机。' />)
    expect(container.querySelector('.privacy-sheet')).toBeNull()

    const resolve = wechatAsks()
    expect(container.querySelector('.privacy-purpose')?.textContent).toBe('添加照片要用手机的相册或相机。')
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })

    fireEvent.click(container.querySelector('.privacy-guide') as Element)
    expect(Taro.openPrivacyContract).toHaveBeenCalled()

    fireEvent.click(container.querySelector('.privacy-agree') as Element)
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
    expect(container.querySelector('.privacy-sheet')).toBeNull()
  })

  it('不同意 declines: the held call fails and the prompt goes away', () => {
    const { container } = render(<PrivacyPrompt purpose='扫预约码要用手机的相机。' />)
    const resolve = wechatAsks()
    fireEvent.click(container.querySelector('.privacy-decline') as Element)
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(container.querySelector('.privacy-sheet')).toBeNull()
  })

  it('with no prompt on screen, declines at once rather than leaving the call hanging', () => {
    const resolve = wechatAsks()
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' })
  })
})
