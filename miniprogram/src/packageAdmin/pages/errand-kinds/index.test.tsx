import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import { errandKinds, HAIRCUT } from '../../../../test/errand-fixtures'
import ErrandKindsPage from './index'

const sent = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST' || c.method === 'PUT')
const click = (el: Element | null) => fireEvent.click(el as Element)

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAs('admin')
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.url.includes('/volunteer-teams')) return ok({ teams: [] })
    if (req.method === 'POST' || req.method === 'PUT') return ok({ ...errandKinds()[1], ...req.data, id: HAIRCUT }, req.method === 'POST' ? 201 : 200)
    return ok({ kinds: errandKinds() })
  }) as never)
})

describe('代办服务目录', () => {
  it('lists the catalogue, refuses a kind without a name, then adds one', async () => {
    const { container } = render(<ErrandKindsPage />)
    await waitFor(() => expect(container.querySelectorAll('.errand-kind-row')).toHaveLength(2))
    expect(container.querySelectorAll('.errand-kind-how')[1]?.textContent).toBe('志愿者接单，工作人员确认接单，上门')
    click(container.querySelector('.kind-save'))
    expect(container.querySelector('.kind-name-error')?.textContent).toBe('名称至少 2 个字')
    expect(sent()).toHaveLength(0)
    fireEvent.change(container.querySelector('.kind-name') as Element, { target: { value: '代缴水电费' } })
    fireEvent.change(container.querySelector('.kind-description') as Element, { target: { value: '代缴水费电费，收据送回家' } })
    click(container.querySelectorAll('.kind-dispatch')[0] ?? null)
    click(container.querySelector('.kind-save'))
    await waitFor(() => expect(sent()).toHaveLength(1))
    expect(sent()[0]).toMatchObject({ method: 'POST', url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/errand-kinds`, data: { name: '代缴水电费', dispatch: 'assign', acceptClaims: false, homeVisit: false } })
  })

  it('withdraws a kind (停用) through its edit form', async () => {
    const { container } = render(<ErrandKindsPage />)
    await waitFor(() => expect(container.querySelector('.errand-kind-edit')).not.toBeNull())
    click(container.querySelector('.errand-kind-edit'))
    click(container.querySelectorAll('.kind-retired')[0] ?? null)
    click(container.querySelector('.kind-save'))
    await waitFor(() => expect(sent()).toHaveLength(1))
    expect(sent()[0]).toMatchObject({ method: 'PUT', data: { name: '代购药品', retired: true } })
  })
})
