import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import WishesPage from './index'

const WISH = '01JD00000000000000000000W1'
const aWish = (overrides: Record<string, unknown> = {}) => ({ id: WISH, studioId: STUDIO_ID, title: '想要一根结实的拐杖', details: '腿脚不好，电话 138****8000', status: 'approved', statusLabel: '待认领', wisherName: '刘**', onBehalf: false, createdAt: '2099-11-20T02:00:00.000Z', can: [], ...overrides })
const figures = { month: '2099-11', posted: 3, claimed: 2, confirmed: 1, helpers: [{ name: '张**', confirmed: 1 }] }
const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)
const posts = () => calls().filter((c) => c.method === 'POST')
const click = (el: Element | null) => fireEvent.click(el as Element)
const tab = (container: HTMLElement, label: string) => click([...container.querySelectorAll('.wish-tab')].find((t) => t.textContent === label) ?? null)

/** The API as the page sees it: the wall, the figures, my lists, and each POST answered with the wish as it then is. */
function api(wall: unknown[], answers: Record<string, unknown> = {}) {
  Taro.request.mockImplementation(((req: RequestCall) => {
    const path = req.url.replace('http://127.0.0.1:3000', '')
    if (req.method === 'POST') return ok(answers[path.split('/').pop()!] ?? aWish(), 201)
    if (path.endsWith('/wish-figures')) return ok(figures)
    return ok({ wishes: wall })
  }) as never)
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { studioId: STUDIO_ID }
})

describe('微心愿', () => {
  it('shows the 心愿墙 to anyone, without names, with the month’s figures; no buttons for someone signed out', async () => {
    api([aWish()])
    const { container } = render(<WishesPage />)
    await waitFor(() => expect(container.querySelector('.wish-title')?.textContent).toBe('想要一根结实的拐杖'))
    expect(container.querySelector('.wish-who')?.textContent).toBe('心愿人：刘**')
    expect(container.querySelector('.wish-figures-line')?.textContent).toBe('本月：发布 3 个 · 认领 2 个 · 圆梦 1 个')
    expect(container.querySelector('.wish-helpers')?.textContent).toBe('助人榜：张** 1 个')
    expect(container.querySelector('.wish-act')).toBeNull()
    expect(calls()[0]!.header?.Authorization).toBeUndefined()
    tab(container, '我的心愿')
    expect(container.querySelector('.wish-form')).toBeNull()
    expect(container.textContent).toContain('登录后可以许心愿')
  })

  it('lets an approved volunteer claim (after asking), then mark it done with a note the sheet checks', async () => {
    signInAs('resident')
    api([aWish({ can: ['claim'] })], { claim: aWish({ status: 'claimed', can: ['cancel_claim', 'fulfil'] }) })
    const { container } = render(<WishesPage />)
    await waitFor(() => expect(container.querySelector('.wish-act--claim')?.textContent).toBe('我来认领'))
    // signed in, the wall is asked for with the session: the API says whether this person may claim
    expect(calls().find((c) => c.url === `http://127.0.0.1:3000/studios/${STUDIO_ID}/wishes`)!.header?.Authorization).toBe('Bearer t')
    click(container.querySelector('.wish-act--claim'))
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]!.url).toBe(`http://127.0.0.1:3000/studios/${STUDIO_ID}/wishes/${WISH}/claim`)
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '认领这个心愿？' }))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已认领，心愿人会收到通知' })))

    api([aWish({ status: 'claimed', statusLabel: '已认领', claimerName: '王阿姨', can: ['cancel_claim', 'fulfil'] })], { fulfil: aWish({ status: 'fulfilled' }) })
    tab(container, '我认领的')
    await waitFor(() => expect(container.querySelector('.wish-act--fulfil')).not.toBeNull())
    click(container.querySelector('.wish-act--fulfil'))
    click(container.querySelector('.fulfil-send'))
    expect(container.querySelector('.fulfil-note-error')?.textContent).toBe('请简单写一下是怎么完成的（至少 2 个字）')
    expect(posts()).toHaveLength(1)
    fireEvent.change(container.querySelector('.fulfil-note') as Element, { target: { value: '送去了一根四脚拐杖' } })
    click(container.querySelector('.fulfil-send'))
    await waitFor(() => expect(posts()).toHaveLength(2))
    expect(posts()[1]).toMatchObject({ url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/wishes/${WISH}/fulfil`, data: { note: '送去了一根四脚拐杖' } })
    await waitFor(() => expect(container.querySelector('.fulfil-sheet')).toBeNull())
  })

  it('posts a wish from 我的心愿: names the missing field, keeps the typed text when the network drops, and sends the same key again', async () => {
    signInAs('resident')
    api([])
    const { container, unmount } = render(<WishesPage />)
    tab(container, '我的心愿')
    await waitFor(() => expect(container.querySelector('.wish-submit')).not.toBeNull())
    click(container.querySelector('.wish-submit'))
    expect(container.querySelector('.wish-title-error')?.textContent).toBe('请写下心愿')
    expect(posts()).toHaveLength(0)

    fireEvent.change(container.querySelector('.wish-title-input') as Element, { target: { value: '想请人帮忙修台灯' } })
    Taro.request.mockImplementation(((req: RequestCall) => (req.method === 'POST' ? Promise.reject({ errMsg: 'request:fail timeout' }) : ok({ wishes: [] }))) as never)
    click(container.querySelector('.wish-submit'))
    await waitFor(() => expect(posts()).toHaveLength(1))
    const first = posts()[0]!.data!.requestId
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledTimes(2))
    unmount()

    // opened again: the text is still there, and 提交 sends the same retry key
    api([], { wishes: aWish({ status: 'pending_review', statusLabel: '待审核', can: ['withdraw'] }) })
    const again = render(<WishesPage />)
    tab(again.container, '我的心愿')
    await waitFor(() => expect((again.container.querySelector('.wish-title-input') as HTMLInputElement)?.value).toBe('想请人帮忙修台灯'))
    click(again.container.querySelector('.wish-submit'))
    await waitFor(() => expect(posts()).toHaveLength(2))
    expect(posts()[1]).toMatchObject({ url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/wishes`, data: { requestId: first, title: '想请人帮忙修台灯' } })
    await waitFor(() => expect((again.container.querySelector('.wish-title-input') as HTMLInputElement).value).toBe(''))
  })

  it('lets the wisher confirm a fulfilled wish, and shows its timeline', async () => {
    signInAs('resident')
    const fulfilled = aWish({ status: 'fulfilled', statusLabel: '已完成待确认', wisherName: '王阿姨', claimerName: '张志愿', note: '送去了拐杖', can: ['confirm'], timeline: [{ step: 'post', label: '发布心愿', by: '居民', at: '2099-11-20T02:00:00.000Z' }, { step: 'fulfil', label: '标记完成', by: '张志愿', at: '2099-11-21T02:00:00.000Z', note: '送去了拐杖' }] })
    api([fulfilled], { confirm: aWish({ status: 'confirmed' }) })
    const { container } = render(<WishesPage />)
    tab(container, '我的心愿')
    await waitFor(() => expect(container.querySelector('.wish-act--confirm')?.textContent).toBe('确认圆梦'))
    expect([...container.querySelectorAll('.wish-step')].map((s) => s.textContent)).toEqual(['11月20日 周五 10:00 居民 发布心愿', '11月21日 周六 10:00 张志愿 标记完成：送去了拐杖'])
    click(container.querySelector('.wish-act--confirm'))
    await waitFor(() => expect(posts().map((p) => p.url)).toEqual([`http://127.0.0.1:3000/studios/${STUDIO_ID}/wishes/${WISH}/confirm`]))
  })
})
