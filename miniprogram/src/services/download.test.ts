import Taro, { resetTaroMock } from '../../test/mocks/taro'
import { downloadVenuePoster } from './api'
import { ApiError, filenameFromDisposition } from './request'
import { saveSession } from './session'

const VENUE = '01JD00000000000000000000V1'
const USER = { id: '01JD0000000000000000000001', displayName: '李主任', role: 'admin' as const, studioId: '01JD00000000000000000000S1' }

function fakeResponse(status: number, body: string, headers: Record<string, string> = {}) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => lower[name.toLowerCase()] ?? null },
    blob: () => Promise.resolve(new Blob([body], { type: 'application/pdf' })),
    text: () => Promise.resolve(body),
  }
}

const fetchMock = jest.fn()
const originalFetch = (globalThis as { fetch?: unknown }).fetch

beforeEach(() => {
  resetTaroMock()
  fetchMock.mockReset()
  ;(globalThis as { fetch?: unknown }).fetch = fetchMock
  process.env.TARO_APP_API_BASE = 'https://api.test'
  saveSession({ token: 'tok-9', expiresAt: '2099-01-01T00:00:00.000Z', user: USER })
})

afterAll(() => {
  ;(globalThis as { fetch?: unknown }).fetch = originalFetch
})

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 filename*, decoded, over the ASCII one', () => {
    const header = `attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent('青石镇集市二维码海报.pdf')}`
    expect(filenameFromDisposition(header, 'x.pdf')).toBe('青石镇集市二维码海报.pdf')
  })

  it('falls back to filename, then to the given name, and never keeps a path', () => {
    expect(filenameFromDisposition('attachment; filename="poster.pdf"', 'x.pdf')).toBe('poster.pdf')
    expect(filenameFromDisposition(null, '集市/海报.pdf')).toBe('集市_海报.pdf')
    expect(filenameFromDisposition(`attachment; filename*=UTF-8''..%2F..%2Fetc.pdf`, 'x.pdf')).toBe('.._.._etc.pdf')
  })
})

describe('downloading the poster', () => {
  it('on H5 fetches with the bearer token and names the file from Content-Disposition', async () => {
    process.env.TARO_ENV = 'h5'
    fetchMock.mockResolvedValueOnce(fakeResponse(200, '%PDF-1.7', {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent('青石镇集市.pdf')}`,
    }))

    const file = await downloadVenuePoster(VENUE, '青石镇集市')

    const [url, init] = fetchMock.mock.calls[0] as [string, { headers: Record<string, string> }]
    expect(url).toBe(`https://api.test/venues/${VENUE}/poster`)
    expect(init.headers.Authorization).toBe('Bearer tok-9')
    expect(init.headers.Accept).toBe('application/pdf')
    expect(file.filename).toBe('青石镇集市.pdf')
    expect(file.blob).toBeInstanceOf(Blob)
  })

  it('on H5 turns an error answer into an ApiError with its Chinese message', async () => {
    process.env.TARO_ENV = 'h5'
    fetchMock.mockResolvedValueOnce(fakeResponse(403, JSON.stringify({ error: { code: 'FORBIDDEN', message: '只有本工作室的管理员可以设置' } })))
    await expect(downloadVenuePoster(VENUE, '青石镇集市')).rejects.toMatchObject({ status: 403, message: '只有本工作室的管理员可以设置' })
  })

  it('on H5 reports a network failure in words a person understands', async () => {
    process.env.TARO_ENV = 'h5'
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    const error = await downloadVenuePoster(VENUE, '青石镇集市').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('NETWORK_ERROR')
  })

  it('on weapp uses Taro.downloadFile with the Authorization header into a named file', async () => {
    process.env.TARO_ENV = 'weapp'
    Taro.downloadFile.mockImplementationOnce((...args: unknown[]) => {
      const { filePath } = args[0] as { filePath: string }
      return Promise.resolve({ statusCode: 200, filePath, errMsg: 'downloadFile:ok' })
    })

    const file = await downloadVenuePoster(VENUE, '青石镇集市')

    const options = Taro.downloadFile.mock.calls[0][0] as { url: string; header: Record<string, string>; filePath: string }
    expect(options.url).toBe(`https://api.test/venues/${VENUE}/poster`)
    expect(options.header.Authorization).toBe('Bearer tok-9')
    expect(options.filePath).toBe('wxfile://usr/青石镇集市二维码海报.pdf')
    expect(file.filePath).toBe('wxfile://usr/青石镇集市二维码海报.pdf')
    expect(fetchMock).not.toHaveBeenCalled()
  })
})
