import Taro, { resetTaroMock } from '../../test/mocks/taro'
import { agreementText, askFor, lastAgreementFor } from './subscribe'

const TEMPLATES = {
  TARO_APP_TEMPLATE_BOOKING_REMINDER: 't-reminder',
  TARO_APP_TEMPLATE_STAND_CANCELLED: 't-cancelled',
  TARO_APP_TEMPLATE_SUBMISSION_REPLIED: 't-replied',
  TARO_APP_TEMPLATE_SUBMISSION_STATUS: 't-status',
  TARO_APP_TEMPLATE_RATE_REQUEST: 't-rate',
  TARO_APP_TEMPLATE_BOARD_UPDATE: 't-board',
}
const saved = { ...process.env }

beforeEach(() => {
  resetTaroMock()
  Object.assign(process.env, TEMPLATES, { TARO_ENV: 'weapp' })
})

afterAll(() => {
  for (const key of [...Object.keys(TEMPLATES), 'TARO_ENV']) {
    if (saved[key] === undefined) delete process.env[key]
    else process.env[key] = saved[key]
  }
})

describe('asking for subscribe messages in the tap', () => {
  it('asks for every kind the action can bring, and says what was accepted and what was not', async () => {
    Taro.requestSubscribeMessage.mockImplementationOnce(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 't-reminder': 'accept', 't-cancelled': 'reject' }))

    const agreement = await askFor('booking')

    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['t-reminder', 't-cancelled'] }))
    expect(agreement).toEqual({ accepted: ['booking_reminder'], declined: ['stand_cancelled'] })
    expect(lastAgreementFor('booking')).toEqual(agreement)
    expect(agreementText(agreement!)).toBe('已开启微信提醒：「预约前一晚的提醒」，各提醒一次；「服务点取消的通知」没有开启，会放在「消息」里')
  })

  it('asks for the reply, the progress and the rating on submit, and the board on 关注', async () => {
    await askFor('submission')
    await askFor('follow')
    const asked = Taro.requestSubscribeMessage.mock.calls.map((args) => (args[0] as { tmplIds: string[] }).tmplIds)
    expect(asked).toEqual([['t-replied', 't-status', 't-rate'], ['t-board']])
  })

  it('counts a declined or failed sheet as nothing agreed, and never stops the action', async () => {
    Taro.requestSubscribeMessage.mockImplementationOnce(() => Promise.reject({ errMsg: 'requestSubscribeMessage:fail cancel' }))
    const agreement = await askFor('submission')
    expect(agreement).toEqual({ accepted: [], declined: ['submission_replied', 'submission_status', 'rate_request'] })
    expect(agreementText(agreement!)).toBe('您没有开启微信提醒，有消息时请到「我的 → 消息」查看')
  })

  it('asks only for kinds that have a template, and nothing on H5', async () => {
    delete process.env.TARO_APP_TEMPLATE_STAND_CANCELLED
    await askFor('booking')
    expect(Taro.requestSubscribeMessage).toHaveBeenLastCalledWith(expect.objectContaining({ tmplIds: ['t-reminder'] }))

    delete process.env.TARO_APP_TEMPLATE_BOARD_UPDATE
    await expect(askFor('follow')).resolves.toBeNull()

    process.env.TARO_ENV = 'h5'
    Taro.requestSubscribeMessage.mockClear()
    await expect(askFor('submission')).resolves.toBeNull()
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled()
  })
})

describe('the build defines every template it reads', () => {
  // An env the build does not define is left as `process.env.…`, which the browser build cannot read: the page that
  // imports it throws `process is not defined` (a page of 意见 went blank this way).
  it('names in config/index.ts each TARO_APP_TEMPLATE_* that subscribe.ts reads', () => {
    const { readFileSync } = jest.requireActual<typeof import('node:fs')>('node:fs')
    const { join } = jest.requireActual<typeof import('node:path')>('node:path')
    const read = (file: string) => readFileSync(join(__dirname, file), 'utf8')
    const used = [...read('subscribe.ts').matchAll(/process\.env\.(TARO_APP_TEMPLATE_[A-Z_]+)/g)].map((m) => m[1])
    const defined = new Set([...read('../../config/index.ts').matchAll(/^\s+(TARO_APP_TEMPLATE_[A-Z_]+):/gm)].map((m) => m[1]))
    expect(used.length).toBeGreaterThan(5)
    expect(used.filter((name) => !defined.has(name))).toEqual([])
  })
})
