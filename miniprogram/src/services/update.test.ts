import Taro, { resetTaroMock } from '../../test/mocks/taro'
import { offerUpdates } from './update'

const saved = process.env.TARO_ENV

afterAll(() => {
  process.env.TARO_ENV = saved
})

function fakeManager() {
  const manager = { onUpdateReady: jest.fn(), applyUpdate: jest.fn() }
  ;(Taro as unknown as { getUpdateManager: () => typeof manager }).getUpdateManager = () => manager
  return manager
}

describe('a new version of the mini-program', () => {
  beforeEach(() => {
    resetTaroMock()
    process.env.TARO_ENV = 'weapp'
  })

  it('is applied only when the person agrees to reopen', async () => {
    const manager = fakeManager()
    offerUpdates()
    const ready = manager.onUpdateReady.mock.calls[0][0] as () => void

    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    ready()
    await Promise.resolve()
    expect(manager.applyUpdate).not.toHaveBeenCalled()

    Taro.showModal.mockResolvedValueOnce({ confirm: true, cancel: false })
    ready()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(manager.applyUpdate).toHaveBeenCalledTimes(1)
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '有新版本', confirmText: '重新打开' }))
  })

  it('is not looked for on H5', () => {
    process.env.TARO_ENV = 'h5'
    const manager = fakeManager()
    offerUpdates()
    expect(manager.onUpdateReady).not.toHaveBeenCalled()
  })
})
