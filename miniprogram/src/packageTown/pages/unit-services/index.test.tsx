import { fireEvent, render, waitFor } from '@testing-library/react'
import { chinaDate, addDays } from '@shared/time'
import type { UnitServiceDaysResponse } from '@shared/schemas/unit-services'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { FUTURE, networkDown, ok, signInAs, STAND_ID, type RequestCall } from '../../../../test/fixtures'
import { saveSession } from '../../../services/session'
import UnitServicesPage from './index'

const TOWN_ID = '01JD00000000000000000000W1'
const UNIT_ID = '01JD00000000000000000000N1'
const ENTRY_ID = '01JD00000000000000000000E1'
const today = chinaDate(new Date())

function daysAnswer(status: 'booked' | 'served' = 'booked', note?: string): UnitServiceDaysResponse {
  const entry = { id: ENTRY_ID, kind: 'booking' as const, status, residentName: '顾阿婆', code: 'K7Q3', startTime: '08:00', endTime: '08:30', ...(note ? { note } : {}) }
  const day = (date: string, standId: string, entries: (typeof entry)[]) => ({
    standId,
    date,
    startTime: '08:00',
    endTime: '11:30',
    status: 'scheduled' as const,
    studioName: '洛社镇党代表工作室',
    venueName: '洛社农贸集市',
    address: '洛社镇人民路',
    service: { id: '01JD00000000000000000000A9', name: '义诊' },
    counts: { booked: entries.length, served: entries.filter((e) => e.status === 'served').length, noShows: 0 },
    entries,
  })
  return { unit: { id: UNIT_ID, name: '洛社镇卫生院' }, upcoming: [day(today, STAND_ID, [entry]), day(addDays(today, 3), '01JD00000000000000000000T2', [{ ...entry, id: '01JD00000000000000000000E2', residentName: '钱大伯' }])], recent: [] }
}

let answer = daysAnswer()
let failNext = false

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  saveSession({ token: 't', expiresAt: FUTURE, user: { id: '01JD00000000000000000000U7', displayName: '周丽萍', role: 'unit_liaison', townId: TOWN_ID, departmentId: UNIT_ID } })
  answer = daysAnswer()
  failNext = false
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.method === 'POST') {
      if (failNext) {
        failNext = false
        return networkDown()
      }
      const body = req.data as { outcome: 'served'; note?: string }
      answer = daysAnswer(body.outcome === 'served' ? 'served' : 'booked', body.note)
      return ok({ ...answer.upcoming[0]!.entries[0], standId: STAND_ID, serviceId: answer.upcoming[0]!.service.id, serviceName: '义诊', studioName: '洛社镇党代表工作室', venueName: '洛社农贸集市', address: '洛社镇人民路', date: today, createdAt: FUTURE })
    }
    return ok(answer)
  }) as never)
})

describe('本单位服务', () => {
  it('lists the unit’s market days with who booked; only a day that has come can be recorded', async () => {
    const { container } = render(<UnitServicesPage />)
    await waitFor(() => expect(container.querySelectorAll('.unit-day')).toHaveLength(2))
    expect(container.querySelector('.unit-name')?.textContent).toBe('洛社镇卫生院')
    expect(container.querySelector('.unit-day-service')?.textContent).toBe('义诊：预约 1 人 · 已服务 0 · 未到 0')
    expect([...container.querySelectorAll('.unit-entry-name')].map((n) => n.textContent)).toEqual(['顾阿婆', '钱大伯'])
    expect(container.querySelector('.unit-entry-line')?.textContent).toContain('预约码 K7Q3')
    // today's day has the record button, the one three days ahead not yet
    expect(container.querySelectorAll('.unit-entry-record')).toHaveLength(1)
  })

  it('records 已服务 with a note; a dropped network keeps the sheet and the note typed', async () => {
    const { container } = render(<UnitServicesPage />)
    await waitFor(() => expect(container.querySelector('.unit-entry-record')).not.toBeNull())
    fireEvent.click(container.querySelector('.unit-entry-record') as Element)
    const input = container.querySelector('.record-note') as HTMLInputElement
    fireEvent.input(input, { target: { value: '血压 135/85，建议复查' } })
    failNext = true
    fireEvent.click(container.querySelector('.record-served') as Element)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalled())
    expect(container.querySelector('.record-sheet')).not.toBeNull()
    expect((container.querySelector('.record-note') as HTMLInputElement).value).toBe('血压 135/85，建议复查')
    fireEvent.click(container.querySelector('.record-served') as Element)
    await waitFor(() => expect(container.querySelector('.record-sheet')).toBeNull())
    const post = Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST').pop()
    expect(post).toMatchObject({ url: `http://127.0.0.1:3000/stands/${STAND_ID}/entries/${ENTRY_ID}/record`, data: { outcome: 'served', note: '血压 135/85，建议复查' } })
    await waitFor(() => expect(container.querySelector('.unit-entry-note')?.textContent).toBe('记录：血压 135/85，建议复查'))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已记录：已服务' }))
  })

  it('tells someone who is not a unit liaison who the page is for', () => {
    signInAs('staff')
    const { container } = render(<UnitServicesPage />)
    expect(container.querySelector('.no-unit-services-access')?.textContent).toContain('只有成员单位联络员可以查看本单位服务')
  })
})
