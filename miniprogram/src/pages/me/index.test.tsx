import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../test/mocks/taro'
import { signInAs } from '../../../test/fixtures'
import { getUser } from '../../services/session'
import MePage from './index'

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  // GET /me answers with the stored user
  Taro.request.mockImplementation((() => Promise.resolve({ statusCode: 200, data: getUser() })) as never)
})

describe('我的: entries', () => {
  it('everyone signed in sees 我的血压记录; residents see no studio entries', async () => {
    signInAs('resident')
    const { container } = render(<MePage />)
    fireEvent.click(container.querySelector('.readings-entry') as HTMLElement)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/readings/index' }))
    expect(container.querySelector('.staff-entry')).toBeNull()
    expect(container.querySelector('.admin-entry')).toBeNull()
  })

  it('staff see the stand console but not 工作室设置', async () => {
    signInAs('staff')
    const { container } = render(<MePage />)
    await act(() => Promise.resolve()) // GET /me refreshes the user
    expect(container.querySelector('.staff-entry')).not.toBeNull()
    expect(container.querySelector('.admin-entry')).toBeNull()
  })

  it('an administrator opens 工作室设置 in the admin subpackage', async () => {
    signInAs('admin')
    const { container } = render(<MePage />)
    expect(container.querySelector('.admin-entry')?.textContent).toContain('工作室设置')
    fireEvent.click(container.querySelector('.admin-entry') as HTMLElement)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageAdmin/pages/index/index' }))
  })
})
