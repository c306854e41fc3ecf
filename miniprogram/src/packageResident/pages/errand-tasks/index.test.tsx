import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { apiError, ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import { anErrand, ERRAND_ID } from '../../../../test/errand-fixtures'
import ErrandTasksPage from './index'

const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST')
const click = (el: Element | null) => fireEvent.click(el as Element)

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { studioId: STUDIO_ID }
  signInAs('resident')
})

describe('志愿者接单', () => {
  it('sends someone who is not an approved volunteer to register', async () => {
    Taro.request.mockImplementation(((req: RequestCall) => (req.url.includes('/open-errands') ? apiError(403, 'FORBIDDEN', '审核通过的志愿者才能接单') : ok({ errands: [] }))) as never)
    const { container } = render(<ErrandTasksPage />)
    await waitFor(() => expect(container.querySelector('.not-volunteer')?.textContent).toContain('审核通过的志愿者才能接单'))
    expect(container.querySelector('.volunteer-link')).not.toBeNull()
  })

  it('claims an open order (area only), then reveals the address and phone and marks it delivered', async () => {
    const open = anErrand({ status: 'open', actions: ['claim'] })
    const mine = anErrand({ status: 'assigned', volunteerName: '李志愿', actions: ['deliver'] })
    Taro.request.mockImplementation(((req: RequestCall) => {
      if (req.url.includes('/open-errands')) return ok({ errands: [open] })
      if (req.url.includes('/me/errand-tasks')) return ok({ errands: [] })
      if (req.url.endsWith('/claim')) return ok(mine)
      if (req.url.endsWith('/reveal')) return ok({ address: '贡井区筱溪街道光荣院落3栋2号', phone: '13812345678' })
      if (req.url.endsWith('/deliver')) return ok({ ...mine, status: 'delivered', actions: [] })
      if (req.url.endsWith(`/errands/${ERRAND_ID}`)) return ok({ ...mine, contacts: [{ id: '01JD00000000000000000000C1', at: '2099-11-20T03:00:00.000Z', by: '王志强', kind: 'note', text: '老人腿脚不便，送上楼', followUp: true }] })
      return ok({})
    }) as never)
    const { container } = render(<ErrandTasksPage />)
    await waitFor(() => expect(container.querySelector('.errand-claim')).not.toBeNull())
    expect(container.textContent).not.toContain('光荣院落')
    click(container.querySelector('.errand-claim'))
    await waitFor(() => expect(container.querySelector('.errand-reveal')).not.toBeNull())
    expect(container.querySelector('.open-empty')).not.toBeNull()
    click(container.querySelector('.errand-reveal'))
    await waitFor(() => expect(container.querySelector('.errand-address')?.textContent).toBe('地址：贡井区筱溪街道光荣院落3栋2号'))
    expect(container.querySelector('.errand-phone')?.textContent).toBe('电话：13812345678')
    click(container.querySelector('.errand-contacts-open'))
    await waitFor(() => expect(container.querySelector('.errand-contact-line')?.textContent).toBe('备注 · 王志强：老人腿脚不便，送上楼（需跟进）'))
    click(container.querySelector('.errand-deliver'))
    await waitFor(() => expect(container.querySelector('.errand-status')?.textContent).toBe('已送达'))
    expect(posts().map((p) => p.url.replace(`http://127.0.0.1:3000/studios/${STUDIO_ID}/errands/${ERRAND_ID}/`, ''))).toEqual(['claim', 'reveal', 'deliver'])
  })
})
