import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../test/mocks/taro'
import { aReading, myReadings, ok, signInAs, type RequestCall } from '../../../test/fixtures'
import type { MyReadingsResponse } from '@shared/schemas/reading'
import ReadingsPage from './index'

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)
const byMethod = (method: string) => calls().filter((c) => c.method === method)

const R1 = aReading({ id: '01JD00000000000000000000R1', systolic: 150, diastolic: 95, measuredAt: '2099-10-02T01:00:00.000Z' })
const R2 = aReading({ id: '01JD00000000000000000000R2', systolic: 132, diastolic: 82, pulse: undefined, measuredAt: '2099-11-22T01:12:00.000Z' })

/** GET /me/readings answers `data`; PUT echoes the consent; DELETE answers { deleted: true }. */
function api(data: MyReadingsResponse) {
  Taro.request.mockImplementation(((...args: unknown[]) => {
    const { method, data: body } = args[0] as RequestCall
    if (method === 'PUT') return ok({ consent: (body as { consent: boolean }).consent, updatedAt: '2099-11-23T02:00:00.000Z', retentionDays: 180 })
    if (method === 'DELETE') return ok({ deleted: true })
    return ok(data)
  }) as never)
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
})

describe('我的血压记录', () => {
  it('says in plain words how each reading stands — 150/95 is 偏高 — and that it is not a diagnosis', async () => {
    signInAs('resident')
    api(myReadings([R1, R2]))
    const { container } = render(<ReadingsPage />)
    await waitFor(() => expect(container.querySelectorAll('.reading-item')).toHaveLength(2))
    const bands = Array.from(container.querySelectorAll('.reading-band')).map((b) => b.textContent)
    expect(bands.sort()).toEqual(['偏高', '正常高值'])
    const high = Array.from(container.querySelectorAll('.reading-item')).find((item) => item.textContent?.includes('150')) as HTMLElement
    expect(high.querySelector('.reading-band')?.className).toContain('tag--warn')
    expect(high.querySelector('.reading-hint')?.textContent).toContain('一次测量不是诊断')
  })

  it('asks a signed-out person to sign in, without calling the API', () => {
    const { container } = render(<ReadingsPage />)
    expect(container.querySelector('.login-button')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('explains the consent (what, why, how long, withdraw) and shows the chart and the readings, newest first', async () => {
    signInAs('resident')
    api(myReadings([R1, R2]))
    const { container } = render(<ReadingsPage />)
    await screen.findByText('每次的读数（2 次）')

    // consented: a short line, the full explanation one tap away
    const consent = container.querySelector('.health-consent') as HTMLElement
    expect(consent.querySelector('.consent-short')?.textContent).toBe('每条记录保存 180 天后自动删除。您可以随时撤回同意，或删除任何一条。')
    expect(consent.textContent).toContain('现在：已同意')
    fireEvent.click(consent.querySelector('.consent-more') as HTMLElement)
    expect(consent.textContent).toContain('血压（高压、低压）和脉搏')
    expect(consent.querySelector('.consent-retention')?.textContent).toBe('每条记录保存 180 天，到期自动删除。')
    expect(consent.textContent).toContain('随时撤回同意')

    expect(container.querySelectorAll('.readings-chart .chart-dot--systolic')).toHaveLength(2)
    expect(container.querySelectorAll('.readings-chart .chart-line--diastolic')).toHaveLength(1)

    const items = Array.from(container.querySelectorAll('.reading-item'))
    expect(items.map((i) => i.querySelector('.reading-systolic')?.textContent)).toEqual(['132', '150'])
    expect(items[0].querySelector('.reading-pulse')?.textContent).toBe('—')
    expect(items[1].querySelector('.reading-diastolic')?.textContent).toBe('95')
    expect(items[0].querySelector('.reading-place')?.textContent).toBe('青石镇集市 · 量血压')
  })

  it('says so when there are no readings', async () => {
    signInAs('resident')
    api(myReadings([], false))
    const { container } = render(<ReadingsPage />)
    await screen.findByText('还没有血压记录')
    expect(container.querySelector('.readings-chart')).toBeNull()
    expect(container.querySelector('.readings-empty')?.textContent).toContain('如果您同意保存')
    // not consented: everything is spelled out before the switch
    const consent = container.querySelector('.health-consent') as HTMLElement
    expect(consent.querySelector('.consent-retention')?.textContent).toBe('每条记录保存 180 天，到期自动删除。')
    expect(consent.textContent).toContain('方便您自己看血压的变化')
    expect(consent.textContent).toContain('随时撤回同意')
  })

  it('the consent switch calls the API and shows the new state', async () => {
    signInAs('resident')
    api(myReadings([], false))
    const { container } = render(<ReadingsPage />)
    await screen.findByText('还没有血压记录')
    const toggle = () => container.querySelector('.consent-switch') as HTMLElement
    expect(toggle().className).not.toContain('consent-switch--on')

    fireEvent.click(toggle())
    await waitFor(() => expect(toggle().className).toContain('consent-switch--on'))
    expect(byMethod('PUT')).toHaveLength(1)
    expect(byMethod('PUT')[0].url).toBe('http://127.0.0.1:3000/me/consents/health-readings')
    expect(byMethod('PUT')[0].data).toEqual({ consent: true })
    expect(container.querySelector('.consent-state')?.textContent).toContain('已同意')
    expect(Taro.showModal).not.toHaveBeenCalled() // giving consent is the tap itself
  })

  it('withdrawing asks first, says the records go with it, and the server deletes them', async () => {
    signInAs('resident')
    api(myReadings([R1, R2], true))
    const { container } = render(<ReadingsPage />)
    await screen.findByText('每次的读数（2 次）')

    // first time: the person changes their mind
    Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'showModal:ok' }))
    fireEvent.click(container.querySelector('.consent-switch') as HTMLElement)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(byMethod('PUT')).toHaveLength(0)

    expect((Taro.showModal.mock.calls[0][0] as { content: string }).content).toContain('已保存的 2 条记录会一并删除')

    // then withdraws: one request, and the records are gone from the page
    fireEvent.click(container.querySelector('.consent-switch') as HTMLElement)
    await waitFor(() => expect(byMethod('PUT')).toHaveLength(1))
    expect(byMethod('PUT')[0].data).toEqual({ consent: false })
    expect(byMethod('DELETE')).toHaveLength(0)
    await waitFor(() => expect(container.querySelectorAll('.reading-item')).toHaveLength(0))
    expect(container.querySelector('.consent-state')?.textContent).toContain('未同意')
  })

  it('deleting a reading asks for confirmation, and removes it only when confirmed', async () => {
    signInAs('resident')
    api(myReadings([R1, R2]))
    const { container } = render(<ReadingsPage />)
    await screen.findByText('每次的读数（2 次）')
    const deleteButtons = () => Array.from(container.querySelectorAll('.reading-delete')) as HTMLElement[]

    Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'showModal:ok' }))
    fireEvent.click(deleteButtons()[1])
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect((Taro.showModal.mock.calls[0][0] as { content: string }).content).toContain('高压 150，低压 95')
    expect(byMethod('DELETE')).toHaveLength(0)
    expect(container.querySelectorAll('.reading-item')).toHaveLength(2)

    fireEvent.click(deleteButtons()[1])
    await waitFor(() => expect(container.querySelectorAll('.reading-item')).toHaveLength(1))
    expect(byMethod('DELETE')[0].url).toBe(`http://127.0.0.1:3000/me/readings/${R1.id}`)
    expect(container.querySelector('.reading-systolic')?.textContent).toBe('132')
  })
})
