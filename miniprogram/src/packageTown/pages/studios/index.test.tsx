import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, type RequestCall } from '../../../../test/fixtures'
import TownStudiosPage from './index'

const TOWNS = [
  { id: '01JD00000000000000000000W1', name: '洛社镇', district: '惠山区' },
  { id: '01JD00000000000000000000W2', name: '前洲街道', district: '惠山区' },
]
const directory = (town: (typeof TOWNS)[number], studioName: string) => ({
  town,
  studios: [{ id: '01JD00000000000000000000S2', name: studioName, address: '村委会二楼', venues: [{ id: '01JD00000000000000000000V2', name: '文化礼堂', address: '礼堂门口', nextMarketDays: ['12月4日 周五（十月十五）'] }] }],
})

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAs('resident')
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.url.endsWith('/towns')) return ok({ towns: TOWNS })
    if (req.url.includes(`/towns/${TOWNS[1].id}/directory`)) return ok(directory(TOWNS[1], '堰桥村党代表工作室'))
    if (req.url.includes('/directory')) return ok(directory(TOWNS[0], '新开河村党代表工作室'))
    if (req.url.endsWith('/follow')) return ok({ following: req.method === 'PUT' })
    return ok({})
  }) as never)
})

describe('本镇街的工作室 (residents)', () => {
  it('lists the town’s studios with their venues and next market days (lunar), and 关注 one', async () => {
    const { container } = render(<TownStudiosPage />)
    await waitFor(() => expect(container.querySelector('.directory-studio-name')?.textContent).toBe('新开河村党代表工作室'))
    expect(container.querySelector('.directory-market-days')?.textContent).toBe('下次服务：12月4日 周五（十月十五）')
    fireEvent.click(container.querySelector('.directory-follow') as Element)
    await waitFor(() => expect(container.querySelector('.directory-follow')?.textContent).toContain('已关注'))
    const put = Taro.request.mock.calls.map((c) => c[0] as RequestCall).find((c) => c.method === 'PUT')
    expect(put).toMatchObject({ url: 'http://127.0.0.1:3000/studios/01JD00000000000000000000S2/follow' })
  })

  it('opens 提意见 and the 公示墙 of the studio chosen', async () => {
    const { container } = render(<TownStudiosPage />)
    await waitFor(() => expect(container.querySelector('.directory-submit')).not.toBeNull())
    fireEvent.click(container.querySelector('.directory-submit') as Element)
    fireEvent.click(container.querySelector('.directory-board') as Element)
    expect(Taro.navigateTo.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual(['/pages/submit/index?studioId=01JD00000000000000000000S2', '/pages/board/index?studioId=01JD00000000000000000000S2'])
  })

  it('lets the resident pick another town', async () => {
    const { container } = render(<TownStudiosPage />)
    await waitFor(() => expect(container.querySelectorAll('.town-chip')).toHaveLength(2))
    fireEvent.click(container.querySelectorAll('.town-chip')[1] as Element)
    await waitFor(() => expect(container.querySelector('.directory-studio-name')?.textContent).toBe('堰桥村党代表工作室'))
    expect(container.querySelector('.directory-town')?.textContent).toBe('前洲街道的党代表工作室')
  })
})
