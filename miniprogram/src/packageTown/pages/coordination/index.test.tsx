import { fireEvent, render, waitFor } from '@testing-library/react'
import type { CoordinationView } from '@shared/schemas/coordination'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { FUTURE, ok, signInAs, type RequestCall } from '../../../../test/fixtures'
import { saveSession } from '../../../services/session'
import CoordinationsPage from '../coordinations/index'
import NewCoordinationPage from '../coordination-new/index'
import CoordinationPage from './index'

const BASE = 'http://127.0.0.1:3000'
const TOWN_ID = '01JD00000000000000000000W1'
const HOSPITAL = '01JD00000000000000000000N1'
const SCHOOL = '01JD00000000000000000000N2'
const ID = '01JD00000000000000000000C7'
const meeting = (patch: Partial<CoordinationView> = {}): CoordinationView => ({
  id: ID,
  townId: TOWN_ID,
  townName: '洛社镇',
  topic: '十二月成员单位联席会',
  date: '2099-12-10',
  time: '14:30',
  place: '镇党群服务中心',
  agenda: ['通报双向服务项目', '研究冬季义诊安排'],
  units: [{ id: HOSPITAL, name: '洛社镇卫生院' }, { id: SCHOOL, name: '洛社中心小学' }],
  studios: [],
  status: 'planned',
  statusLabel: '待召开',
  ...patch,
})
const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST')
const type = (container: HTMLElement, cls: string, value: string) => fireEvent.change(container.querySelector(cls) as Element, { target: { value } })
const signInTown = (role: 'town_admin' | 'unit_liaison') =>
  saveSession({ token: 't', expiresAt: FUTURE, user: { id: '01JD00000000000000000000U9', displayName: role === 'town_admin' ? '吴卫东' : '周丽萍', role, townId: TOWN_ID, ...(role === 'unit_liaison' ? { departmentId: HOSPITAL } : {}) } })

let answer: (req: RequestCall) => Promise<unknown>
const unit = (id: string, name: string) => ({ id, townId: TOWN_ID, name, kind: 'hospital', kindLabel: '医院 / 卫生院', active: true, createdAt: FUTURE, version: 1 })

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = BASE
  answer = (req) => {
    if (req.url.endsWith('/record')) return ok(meeting({ status: 'held', statusLabel: '已召开，决定已公示', decision: '每月两次义诊', minutes: '各单位通报了本月的服务项目。', units: [{ id: HOSPITAL, name: '洛社镇卫生院', present: true }, { id: SCHOOL, name: '洛社中心小学', present: false }] }))
    if (req.method === 'POST') return ok(meeting(), 201)
    if (req.url.endsWith('/units')) return ok({ units: [unit(HOSPITAL, '洛社镇卫生院'), unit(SCHOOL, '洛社中心小学'), { ...unit('01JD00000000000000000000U9', '已退出的单位'), active: false }] })
    if (req.url.includes('/studios')) return ok({ town: { id: TOWN_ID, name: '洛社镇', district: '惠山区' }, studios: [{ id: '01JD00000000000000000000S1', name: '洛社镇党代表工作室', address: '人民路', createdAt: FUTURE }] })
    if (req.url.includes(`/coordinations/${ID}`)) return ok(meeting())
    return ok({ items: [meeting()] })
  }
  Taro.request.mockImplementation(((req: RequestCall) => answer(req)) as never)
})

describe('协调会', () => {
  it('lists the town’s meetings for a unit’s liaison, without 召开', async () => {
    signInTown('unit_liaison')
    const { container } = render(<CoordinationsPage />)
    await waitFor(() => expect(container.querySelectorAll('.coordination-card')).toHaveLength(1))
    expect(Taro.request.mock.calls[0]![0]).toMatchObject({ url: `${BASE}/towns/${TOWN_ID}/coordinations` })
    expect(container.querySelector('.coordination-unit-list')?.textContent).toBe('洛社镇卫生院、洛社中心小学')
    expect(container.querySelector('.coordination-new')).toBeNull()
  })

  it('is closed to residents and studio people, and asks nothing of the API', () => {
    signInAs('representative')
    const { container } = render(<CoordinationsPage />)
    expect(container.querySelector('.no-town-access')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('召开: names what is missing, then sends the meeting with the agenda one item a line and the studios picked', async () => {
    signInTown('town_admin')
    const { container, findByText } = render(<NewCoordinationPage />)
    await findByText('洛社镇党代表工作室')
    fireEvent.click(container.querySelector('.coordination-create') as Element)
    expect(container.querySelector('.coordination-topic-error')?.textContent).toBe('请填写议题')
    expect(container.querySelector('.coordination-agenda-error')?.textContent).toBe('请至少写一项议程')
    expect(posts()).toHaveLength(0)
    type(container, '.coordination-topic-input', '十二月成员单位联席会')
    type(container, '.coordination-date-input', '2099-12-10')
    type(container, '.coordination-place-input', '镇党群服务中心')
    type(container, '.coordination-agenda-input', '通报双向服务项目\n\n研究冬季义诊安排')
    fireEvent.click(await findByText('洛社镇党代表工作室'))
    fireEvent.click(container.querySelector('.coordination-create') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]).toMatchObject({ url: `${BASE}/towns/${TOWN_ID}/coordinations`, data: { topic: '十二月成员单位联席会', date: '2099-12-10', time: '14:30', place: '镇党群服务中心', agenda: ['通报双向服务项目', '研究冬季义诊安排'], studioIds: ['01JD00000000000000000000S1'] } })
    expect((posts()[0].data as { unitIds?: string[] }).unitIds).toBeUndefined() // every active unit: the server's default
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/packageTown/pages/coordination/index?townId=${TOWN_ID}&id=${ID}` }))
  })

  it('召开: the active units are all invited unless taken off; the ones left are sent', async () => {
    signInTown('town_admin')
    const { container, findByText } = render(<NewCoordinationPage />)
    await findByText('洛社中心小学')
    expect(Array.from(container.querySelectorAll('.coordination-unit-pick')).map((c) => c.textContent)).toEqual(['洛社镇卫生院', '洛社中心小学'])
    type(container, '.coordination-topic-input', '十二月成员单位联席会')
    type(container, '.coordination-date-input', '2099-12-10')
    type(container, '.coordination-place-input', '镇党群服务中心')
    type(container, '.coordination-agenda-input', '研究冬季义诊安排')
    fireEvent.click(await findByText('洛社中心小学'))
    fireEvent.click(container.querySelector('.coordination-create') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]).toMatchObject({ data: { unitIds: [HOSPITAL] } })
  })

  it('the town admin records the units present, the minutes and the decision; the page then shows 到会 / 缺席', async () => {
    signInTown('town_admin')
    router.params = { townId: TOWN_ID, id: ID }
    const { container, findByText } = render(<CoordinationPage />)
    fireEvent.click(await findByText('洛社镇卫生院', { selector: '.coordination-present-pick, .coordination-present-pick *' }))
    fireEvent.click(container.querySelector('.coordination-record-submit') as Element)
    expect(container.querySelector('.coordination-minutes-error')?.textContent).toBe('请填写会议纪要')
    expect(posts()).toHaveLength(0)
    type(container, '.coordination-minutes-input', '各单位通报了本月的服务项目。')
    type(container, '.coordination-decision-input', '每月两次义诊')
    fireEvent.click(container.querySelector('.coordination-record-submit') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]).toMatchObject({ url: `${BASE}/towns/${TOWN_ID}/coordinations/${ID}/record`, data: { presentUnitIds: [HOSPITAL], minutes: '各单位通报了本月的服务项目。', decision: '每月两次义诊' } })
    await waitFor(() => expect(container.querySelector('.coordination-unit-list')?.textContent).toBe('洛社镇卫生院（到会）、洛社中心小学（缺席）'))
    expect(container.querySelector('.coordination-publish')).not.toBeNull()
  })
})
