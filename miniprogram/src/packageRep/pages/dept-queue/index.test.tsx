import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { FUTURE, ok, signInAs, type RequestCall } from '../../../../test/fixtures'
import { saveSession } from '../../../services/session'
import { aMatter, CHENGGUAN, MATTER, signInAsLiaison } from '../../../../test/department-fixtures'
import DepartmentQueuePage from './index'

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAsLiaison()
})

describe('部门待办', () => {
  it('lists the department’s matters, the overdue one flagged, and opens one', async () => {
    const { text: _t, place: _p, status: _s, timeline: _tl, allowedSteps: _a, photos: _ph, ...item } = aMatter()
    Taro.request.mockImplementation(((req: RequestCall) => {
      expect(req.url).toBe(`http://127.0.0.1:3000/departments/${CHENGGUAN}/queue`)
      return ok({ department: { id: CHENGGUAN, name: '城管办', active: true }, items: [{ ...item, overdue: true, dueDate: '2026-01-05' }, { ...item, handOnId: '01JD00000000000000000000H2', state: 'acknowledged', stateLabel: '办理中' }] })
    }) as never)
    const { container } = render(<DepartmentQueuePage />)
    await waitFor(() => expect(container.querySelectorAll('.dept-queue-item')).toHaveLength(2))
    expect(container.querySelector('.dept-queue-title')?.textContent).toBe('城管办：交办给本部门的事')
    expect(container.querySelector('.dept-queue-item--overdue .dept-queue-due')?.textContent).toBe('已超期（期限 2026-01-05）')
    expect([...container.querySelectorAll('.dept-queue-state')].map((e) => e.textContent)).toEqual(['待签收', '办理中'])
    fireEvent.click(container.querySelector('.dept-queue-item') as Element)
    expect(Taro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: `/packageRep/pages/dept-matter/index?departmentId=${CHENGGUAN}&id=${MATTER}` }))
  })

  it('for a member unit’s liaison: the unit’s queue, each matter with the studio it came from', async () => {
    const HOSPITAL = '01JD00000000000000000000N1'
    saveSession({ token: 't', expiresAt: FUTURE, user: { id: '01JD00000000000000000000U8', displayName: '周丽萍', role: 'unit_liaison', townId: '01JD00000000000000000000W1', departmentId: HOSPITAL } })
    const { text: _t, place: _p, status: _s, timeline: _tl, allowedSteps: _a, photos: _ph, ...item } = aMatter({ departmentId: HOSPITAL, department: '洛社镇卫生院', studioName: '新开河村党代表工作室' })
    Taro.request.mockImplementation(((req: RequestCall) => {
      expect(req.url).toBe(`http://127.0.0.1:3000/departments/${HOSPITAL}/queue`)
      return ok({ department: { id: HOSPITAL, name: '洛社镇卫生院', active: true, memberUnit: true }, items: [item] })
    }) as never)
    const { container } = render(<DepartmentQueuePage />)
    await waitFor(() => expect(container.querySelector('.dept-queue-studio')?.textContent).toBe('来自新开河村党代表工作室'))
    expect(container.querySelector('.dept-queue-title')?.textContent).toBe('洛社镇卫生院：各工作室交办给本单位的事')
  })

  it('says so when nothing is handed to the department', async () => {
    Taro.request.mockImplementation((() => ok({ department: { id: CHENGGUAN, name: '城管办', active: true }, items: [] })) as never)
    const { container } = render(<DepartmentQueuePage />)
    await waitFor(() => expect(container.querySelector('.dept-queue-empty')?.textContent).toBe('现在没有交办给本部门的事。'))
  })

  it('is for liaisons only', () => {
    signInAs('representative')
    const { container } = render(<DepartmentQueuePage />)
    expect(container.querySelector('.no-liaison-access')).not.toBeNull()
  })
})

describe('部门待办 on a desk screen (H5 at ≥ 1280 px)', () => {
  afterEach(() => {
    delete (window as { matchMedia?: unknown }).matchMedia
  })

  it('opens the chosen matter beside the queue, instead of another page', async () => {
    window.matchMedia = ((query: string) => ({ matches: query === '(min-width: 1280px)', media: query, addEventListener: () => undefined, removeEventListener: () => undefined })) as never
    const { text: _t, place: _p, status: _s, timeline: _tl, allowedSteps: _a, photos: _ph, ...item } = aMatter()
    Taro.request.mockImplementation(((req: RequestCall) =>
      req.url.endsWith('/queue') ? ok({ department: { id: CHENGGUAN, name: '城管办', active: true }, items: [item] }) : ok(aMatter({ text: '桥头的摊位占了人行道' }))) as never)
    const { container, findByText } = render(<DepartmentQueuePage />)
    await waitFor(() => expect(container.querySelector('.desk-console .desk-pane--list .dept-queue-item')).not.toBeNull())
    expect(container.textContent).toContain('在左边选一件事，详情显示在这里。')
    fireEvent.click(container.querySelector('.dept-queue-item') as Element)
    await findByText('桥头的摊位占了人行道')
    expect(container.querySelector('.desk-pane--detail .dept-matter-text')).not.toBeNull()
    expect(container.querySelector('.dept-queue-item')?.className).toContain('desk-item--chosen')
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })
})
