import { fireEvent, render, waitFor } from '@testing-library/react'
import type { MySecondsResponse } from '@shared/schemas/submission'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { networkDown, ok, signInAs, type RequestCall } from '../../../../test/fixtures'
import { clearSession } from '../../../services/session'
import MySecondsPage from './index'

const URL = 'http://127.0.0.1:3000/me/seconds'
const page1: MySecondsResponse = {
  items: [
    { id: '01JD00000000000000000000S1', category: '道路交通', text: '菜市场门口的路灯坏了', status: 'replied', date: '2099-11-10', seconds: 3, secondedAt: '2099-11-12T02:00:00.000Z', reply: '已联系电工，本周修好' },
    { id: '01JD00000000000000000000S2', category: '环境卫生', text: '河边垃圾没人清', status: 'submitted', date: '2099-11-08', seconds: 1, secondedAt: '2099-11-09T02:00:00.000Z' },
  ],
  nextCursor: 'c1',
}
const page2: MySecondsResponse = {
  items: [{ id: '01JD00000000000000000000S3', category: '治安安全', text: '小区门禁坏了', status: 'accepted', date: '2099-10-01', seconds: 2, secondedAt: '2099-10-02T02:00:00.000Z' }],
}

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  Taro.request.mockImplementation(((...args: unknown[]) => {
    const { url } = args[0] as RequestCall
    if (url === URL) return ok(page1)
    if (url === `${URL}?cursor=c1`) return ok(page2)
    return Promise.reject(new Error(`unexpected ${url}`))
  }) as never)
})

describe('我附议的事', () => {
  it('shows each matter as it stands now: status, how many raised it, when I seconded it, and the reply once there is one', async () => {
    signInAs('resident')
    const { container } = render(<MySecondsPage />)
    await waitFor(() => expect(container.querySelectorAll('.seconds-item')).toHaveLength(2))
    const [replied, waiting] = Array.from(container.querySelectorAll('.seconds-item'))
    expect(replied!.textContent).toContain('已答复')
    expect(replied!.textContent).toContain('3 位居民也反映了这件事')
    expect(replied!.querySelector('.board-reply')?.textContent).toContain('已联系电工，本周修好')
    expect(waiting!.textContent).toContain('还没有公开答复')
    expect(waiting!.textContent).toContain('1 位居民也反映了这件事')

    fireEvent.click(container.querySelector('.load-more') as Element)
    await waitFor(() => expect(container.querySelectorAll('.seconds-item')).toHaveLength(3))
    expect(calls().map((c) => c.url)).toEqual([URL, `${URL}?cursor=c1`])
  })

  it('says how to second when there is nothing yet', async () => {
    signInAs('resident')
    Taro.request.mockImplementation((() => ok({ items: [] })) as never)
    const { container } = render(<MySecondsPage />)
    await waitFor(() => expect(container.querySelector('.seconds-empty')).not.toBeNull())
    expect(container.textContent).toContain('可以点“附议”')
  })

  it('asks to sign in first, and asks nothing', async () => {
    clearSession()
    const { container } = render(<MySecondsPage />)
    expect(container.textContent).toContain('登录后可以看您附议过的事办得怎么样了')
    expect(calls()).toHaveLength(0)
  })

  it('shows the error with 重试 when the network drops', async () => {
    signInAs('resident')
    Taro.request.mockImplementation(networkDown as never)
    const { container } = render(<MySecondsPage />)
    await waitFor(() => expect(container.textContent).toMatch(/网络|重试/))
  })
})
