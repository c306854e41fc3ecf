import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../test/mocks/taro'
import { aSubmission, GRID_ID_2, ok, signInAs, someGrids, STAND_ID, STUDIO_ID, type RequestCall } from '../../../test/fixtures'
import SubmitPage from './index'
import { fillIn, submissionPosts } from '../../../test/submit-steps'

// 提意见's grid question (网格 / 院落, #14): asked only when the studio has grids; 不清楚 sends none.

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { studioId: STUDIO_ID, standId: STAND_ID }
  signInAs('resident')
})

describe('提意见: the grid', () => {
  it('asks which grid when the studio has grids, and sends the one chosen (不清楚: none)', async () => {
    Taro.request.mockImplementation(((call: RequestCall) => (call.url.endsWith('/grids') ? ok({ grids: someGrids() }) : ok(aSubmission(), 201))) as never)
    const { container } = render(<SubmitPage />)
    await waitFor(() => expect(container.querySelectorAll('.grid-choice')).toHaveLength(3))
    expect([...container.querySelectorAll('.grid-choice')].map((c) => c.textContent)).toEqual(['人民路网格', '新村院落', '不清楚'])
    expect(container.querySelectorAll('.grid-choice')[2]?.className).toContain('chip--on')
    fillIn(container)
    fireEvent.click(container.querySelectorAll('.grid-choice')[1] as Element)
    fireEvent.click(container.querySelector('.submit-button') as Element)
    await waitFor(() => expect(submissionPosts()).toHaveLength(1))
    expect(submissionPosts()[0].data).toMatchObject({ gridId: GRID_ID_2, place: '老街口' })
  })

  it('shows no grid question when the studio has no grids', async () => {
    Taro.request.mockImplementation(((call: RequestCall) => (call.url.endsWith('/grids') ? ok({ grids: [] }) : ok(aSubmission(), 201))) as never)
    const { container } = render(<SubmitPage />)
    await waitFor(() => expect(Taro.request.mock.calls.some((c) => (c[0] as RequestCall).url.endsWith('/grids'))).toBe(true))
    expect(container.querySelector('.grid-choice')).toBeNull()
  })
})
