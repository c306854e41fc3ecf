import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { aQueue, aReading, apiError, networkDown, ok, signInAs, STAND_ID, type RequestCall } from '../../../../test/fixtures'
import StandConsolePage from './index'

const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST')

function api(answers: Array<() => Promise<unknown>> = []) {
  Taro.request.mockImplementation(((...args: unknown[]) => {
    const { method, url } = args[0] as RequestCall
    if (method === 'POST') {
      const next = answers.shift()
      return next ? next() : Promise.reject(new Error(`unexpected POST ${url}`))
    }
    return ok(aQueue())
  }) as never)
}

function fill(container: HTMLElement, values: { systolic?: string; diastolic?: string; pulse?: string }) {
  for (const [key, value] of Object.entries(values)) {
    fireEvent.change(container.querySelector(`.${key}-input`) as HTMLInputElement, { target: { value } })
  }
}

async function openForm(container: HTMLElement, index = 0) {
  await screen.findByText('青石镇集市')
  const buttons = Array.from(container.querySelectorAll('.record-reading')) as HTMLElement[]
  fireEvent.click(buttons[index])
  await waitFor(() => expect(container.querySelector('.reading-sheet')).not.toBeNull())
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { standId: STAND_ID }
  signInAs('staff')
})

describe('记录血压 at the stand console', () => {
  it('is offered for the checked-in, called and served of a service that keeps readings only', async () => {
    api()
    const { container } = render(<StandConsolePage />)
    await screen.findByText('青石镇集市')
    // 量血压: one called + one checked in with an account; the expected (not yet here) get no button
    expect(container.querySelectorAll('.record-reading')).toHaveLength(2)
    expect(container.querySelector('.expected-entry .record-reading')).toBeNull()
    // a walk-in has no account: nothing can be kept, staff tell the reading aloud
    expect(container.querySelectorAll('.reading-walkin-note')).toHaveLength(1)

    const shoes = Array.from(container.querySelectorAll('.service-tab')).find((t) => t.textContent?.includes('修鞋')) as HTMLElement
    fireEvent.click(shoes)
    await waitFor(() => expect(container.querySelector('.service-panel .card-title')?.textContent).toBe('修鞋'))
    expect(container.querySelectorAll('.record-reading')).toHaveLength(0)
  })

  it('checks the numbers with the shared schema and says what is wrong under each field', async () => {
    api()
    const { container } = render(<StandConsolePage />)
    await openForm(container)

    fireEvent.click(container.querySelector('.reading-submit') as HTMLElement)
    expect(container.querySelector('.systolic-error')?.textContent).toBe('请填写收缩压（高压）')
    expect(container.querySelector('.diastolic-error')?.textContent).toBe('请填写舒张压（低压）')
    expect(container.querySelector('.pulse-error')).toBeNull() // optional

    fill(container, { systolic: '80', diastolic: '95' })
    fireEvent.click(container.querySelector('.reading-submit') as HTMLElement)
    expect(container.querySelector('.systolic-error')).toBeNull()
    expect(container.querySelector('.diastolic-error')?.textContent).toBe('舒张压（低压）应低于收缩压（高压）')

    fill(container, { systolic: '135', diastolic: '85', pulse: '300' })
    fireEvent.click(container.querySelector('.reading-submit') as HTMLElement)
    expect(container.querySelector('.pulse-error')?.textContent).toBe('脉搏应在 30–220 之间')
    expect(posts()).toHaveLength(0)
  })

  it('shows the 409 "no consent" message and tells staff to say the reading aloud', async () => {
    api([() => apiError(409, 'CONFLICT', '居民没有同意保存健康读数，请口头告知读数', 'no_health_consent')])
    const { container } = render(<StandConsolePage />)
    await openForm(container)

    fill(container, { systolic: '142', diastolic: '91' })
    fireEvent.click(container.querySelector('.reading-submit') as HTMLElement)
    await waitFor(() => expect(container.querySelector('.reading-result')).not.toBeNull())
    const result = container.querySelector('.reading-result') as HTMLElement
    expect(result.className).toContain('reading-result--refused')
    expect(result.textContent).toContain('读数没有保存')
    expect(result.textContent).toContain('居民没有同意保存健康读数，请口头告知读数')
    expect(result.querySelector('.reading-say-aloud')?.textContent).toBe('请当面告诉居民：高压 142，低压 91。')
    expect(posts()[0].url).toBe(`http://127.0.0.1:3000/stands/${STAND_ID}/entries/01JD000000000000000000000E/reading`)
    expect(posts()[0].data).toEqual({ requestId: expect.stringMatching(/^[0-9A-Z]{26}$/), systolic: 142, diastolic: 91 })

    fireEvent.click(container.querySelector('.reading-done') as HTMLElement)
    expect(container.querySelector('.reading-sheet')).toBeNull()
  })

  it('records a reading and marks the row', async () => {
    api([() => ok(aReading({ systolic: 128, diastolic: 80, pulse: 70 }), 201)])
    const { container } = render(<StandConsolePage />)
    await openForm(container)

    fill(container, { systolic: '128', diastolic: '80', pulse: '70' })
    fireEvent.click(container.querySelector('.reading-submit') as HTMLElement)
    await waitFor(() => expect(container.querySelector('.reading-result--ok')).not.toBeNull())
    expect(posts()[0].data).toEqual({ requestId: expect.stringMatching(/^[0-9A-Z]{26}$/), systolic: 128, diastolic: 80, pulse: 70 })
    expect(container.querySelector('.reading-result-values')?.textContent).toBe('128/80 · 脉搏 70')

    fireEvent.click(container.querySelector('.reading-done') as HTMLElement)
    expect(container.querySelector('.queue-card--called .reading-recorded')?.textContent).toBe('已记录血压 128/80（正常高值）')
    expect(container.querySelector('.queue-card--called .record-reading')).toBeNull()
  })

  it('after a dropped answer keeps the numbers as sent and retries with the same key; a new reading gets a new key', async () => {
    api([networkDown, () => ok(aReading({ systolic: 135, diastolic: 85 }), 201), () => ok(aReading({ systolic: 120, diastolic: 78 }), 201)])
    const { container } = render(<StandConsolePage />)
    await openForm(container)

    fill(container, { systolic: '135', diastolic: '85' })
    fireEvent.click(container.querySelector('.reading-submit') as HTMLElement)
    await waitFor(() => expect(container.querySelector('.reading-retry-hint')).not.toBeNull())
    expect((container.querySelector('.systolic-input') as HTMLInputElement).disabled).toBe(true)
    expect(container.querySelector('.reading-submit')?.textContent).toBe('重新保存')

    fireEvent.click(container.querySelector('.reading-submit') as HTMLElement)
    await waitFor(() => expect(container.querySelector('.reading-result--ok')).not.toBeNull())
    const [first, retry] = posts().map((p) => p.data as { requestId: string })
    expect(retry).toEqual(first)

    fireEvent.click(container.querySelector('.reading-done') as HTMLElement)
    await openForm(container, 0)
    fill(container, { systolic: '120', diastolic: '78' })
    fireEvent.click(container.querySelector('.reading-submit') as HTMLElement)
    await waitFor(() => expect(container.querySelector('.reading-result--ok')).not.toBeNull())
    expect((posts()[2].data as { requestId: string }).requestId).not.toBe(first.requestId)
  })
})
