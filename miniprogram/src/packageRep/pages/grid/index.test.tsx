import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { GRID_ID, GRID_ID_2, ok, signInAs, someGrids, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import GridMattersPage from './index'

const SUB = '01JD00000000000000000000X1'
const matters = (gridId: string) => ({
  grid: { id: gridId, name: gridId === GRID_ID ? '人民路网格' : '新村院落', kind: gridId === GRID_ID ? '网格' : '院落' },
  items: [{ id: SUB, category: '环境卫生', summary: '新村 5 幢门口的下水道堵了', status: 'submitted', source: 'resident', createdAt: '2099-11-20T01:00:00.000Z', dueDate: '2099-11-21', overdue: true, photoCount: 0 }],
})
const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.method === 'PUT') return ok({ gridId: GRID_ID, listed: (req.data as { listed: boolean }).listed })
    if (req.url.endsWith('/grids')) return ok({ grids: someGrids().map((g) => ({ ...g, heads: [] })) })
    const gridId = /grids\/(\w+)\/submissions/.exec(req.url)![1]!
    return ok(matters(gridId))
  }) as never)
})

describe('网格待办', () => {
  it('shows a grid head their own grid’s matters, and lets them choose to be listed by name', async () => {
    signInAs('grid_head')
    router.params = { id: GRID_ID_2 } // another grid in the address changes nothing: a grid head sees their own
    const { container } = render(<GridMattersPage />)
    await waitFor(() => expect(container.querySelector('.grid-title')?.textContent).toBe('人民路网格（网格）'))
    expect(calls().some((c) => c.url === `http://127.0.0.1:3000/studios/${STUDIO_ID}/grids/${GRID_ID}/submissions`)).toBe(true)
    expect(container.querySelectorAll('.grid-item')).toHaveLength(1)
    expect(container.querySelector('.grid-item')?.className).toContain('inbox-item--overdue')
    await waitFor(() => expect(container.querySelectorAll('.grid-listing-choice')).toHaveLength(2))
    fireEvent.click(container.querySelectorAll('.grid-listing-choice')[0] as Element)
    await waitFor(() => expect(calls().filter((c) => c.method === 'PUT')).toHaveLength(1))
    expect(calls().find((c) => c.method === 'PUT')).toMatchObject({ url: `http://127.0.0.1:3000/grids/${GRID_ID}/listing`, data: { listed: true } })
  })

  it('shows a representative the grid named in the address, without the listing choice', async () => {
    signInAs('representative')
    router.params = { id: GRID_ID_2 }
    const { container } = render(<GridMattersPage />)
    await waitFor(() => expect(container.querySelector('.grid-title')?.textContent).toBe('新村院落（院落）'))
    expect(container.querySelector('.grid-listing')).toBeNull()
  })

  it('turns a resident away', () => {
    signInAs('resident')
    const { container } = render(<GridMattersPage />)
    expect(container.querySelector('.no-grid-access')).not.toBeNull()
  })
})
