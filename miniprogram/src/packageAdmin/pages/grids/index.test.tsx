import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, someGrids, GRID_ID_2, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import GridsPage from './index'

const sent = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST' || c.method === 'PUT')
const click = (el: Element | null) => fireEvent.click(el as Element)

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAs('admin')
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.method === 'POST' || req.method === 'PUT') return ok({ ...someGrids()[1], ...req.data }, req.method === 'POST' ? 201 : 200)
    return ok({ grids: someGrids() })
  }) as never)
})

describe('网格与网格员', () => {
  it('lists the grids with their listed heads, refuses a one-character name, then adds a 院落', async () => {
    const { container } = render(<GridsPage />)
    await waitFor(() => expect(container.querySelectorAll('.grid-row')).toHaveLength(2))
    expect(container.querySelectorAll('.grid-row-heads')[0]?.textContent).toBe('网格员：王志强')
    expect(container.querySelectorAll('.grid-row-heads')[1]?.textContent).toBe('网格员：未公示或还没有')
    fireEvent.input(container.querySelector('.grid-name') as Element, { target: { value: '东' } })
    click(container.querySelector('.grid-save'))
    expect(container.querySelector('.grid-name-error')?.textContent).toBe('网格名称至少 2 个字')
    expect(sent()).toHaveLength(0)
    fireEvent.input(container.querySelector('.grid-name') as Element, { target: { value: '东街院落' } })
    click(container.querySelectorAll('.grid-kind')[1] ?? null)
    click(container.querySelector('.grid-save'))
    await waitFor(() => expect(sent()).toHaveLength(1))
    expect(sent()[0]).toMatchObject({ method: 'POST', url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/grids`, data: { name: '东街院落', kind: '院落' } })
  })

  it('renames a grid through its edit form', async () => {
    const { container } = render(<GridsPage />)
    await waitFor(() => expect(container.querySelectorAll('.grid-edit')).toHaveLength(2))
    click(container.querySelectorAll('.grid-edit')[1] ?? null)
    fireEvent.input(container.querySelector('.grid-name') as Element, { target: { value: '新村一院落' } })
    click(container.querySelector('.grid-save'))
    await waitFor(() => expect(sent()).toHaveLength(1))
    expect(sent()[0]).toMatchObject({ method: 'PUT', url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/grids/${GRID_ID_2}`, data: { name: '新村一院落', kind: '院落' } })
  })
})
