import { fireEvent, render, waitFor } from '@testing-library/react'
import type { ReplyTemplatesResponse } from '@shared/schemas/submission'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { apiError, networkDown, ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import ReplyTemplatesPage from './index'

// jest has no CSS transform: the page's stylesheet is for the build only

const URL = `http://127.0.0.1:3000/studios/${STUDIO_ID}/reply-templates`
const TEMPLATES: ReplyTemplatesResponse = {
  templates: [
    { title: '已转交部门', text: '您反映的{类别}问题已转交{部门}，预计{期限}前处理完毕。——{工作室}' },
    { title: '已经办好', text: '您反映的问题已经处理好了。——{工作室}' },
  ],
  version: 3,
  updatedAt: '2099-11-20T02:30:00.000Z',
}

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)
const gets = () => calls().filter((c) => (c.method ?? 'GET') === 'GET')
const puts = () => calls().filter((c) => c.method === 'PUT')
const all = (container: HTMLElement, selector: string) => Array.from(container.querySelectorAll(selector)) as HTMLElement[]
const cards = (container: HTMLElement) => all(container, '.template-card')

function type(element: Element | null | undefined, value: string) {
  fireEvent.change(element as Element, { target: { value } })
}

/** GET answers `lists` in turn (the last one again and again); PUT answers `put`. */
function api(put: (data: unknown) => Promise<unknown> = (data) => ok({ ...(data as object), version: 4, updatedAt: '2099-11-21T01:00:00.000Z' }), lists: ReplyTemplatesResponse[] = [TEMPLATES]) {
  const queue = [...lists]
  Taro.request.mockImplementation(((call: RequestCall) => {
    if (call.url !== URL) return Promise.reject(new Error(`unexpected ${call.method} ${call.url}`))
    if (call.method === 'PUT') return put(call.data)
    return ok(queue.length > 1 ? queue.shift() : queue[0])
  }) as never)
}

async function open(count = 2) {
  const view = render(<ReplyTemplatesPage />)
  await waitFor(() => expect(cards(view.container)).toHaveLength(count))
  return view.container
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
})

describe('答复模板', () => {
  it('is closed to residents and staff', () => {
    signInAs('staff')
    const { container } = render(<ReplyTemplatesPage />)
    expect(container.querySelector('.no-rep-access')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('loads the studio’s templates as editable cards, with a count, the words and a filled-in preview', async () => {
    signInAs('representative')
    api()
    const container = await open()
    expect(gets()[0].url).toBe(URL)
    expect(gets()[0].header?.Authorization).toMatch(/^Bearer /)
    const [first, second] = cards(container)
    expect((first.querySelector('.template-title-input') as HTMLInputElement).value).toBe('已转交部门')
    expect((second.querySelector('.template-text-input') as HTMLTextAreaElement).value).toBe('您反映的问题已经处理好了。——{工作室}')
    expect(first.querySelector('.template-count')?.textContent).toBe(`${TEMPLATES.templates[0].text.length} / 500 字`)
    expect(all(container, '.placeholder-word').map((w) => w.textContent)).toEqual(['{类别}', '{部门}', '{期限}', '{地点}', '{工作室}'])
    expect(container.querySelector('.templates-status')?.textContent).toContain('上次保存')
    // the first is selected: its preview is filled with the example
    const preview = first.querySelector('.template-preview-text')?.textContent ?? ''
    expect(preview).toMatch(/^您反映的道路交通问题已转交镇城管办，预计\d{4}年\d{1,2}月\d{1,2}日前处理完毕。——青石镇党代表工作室$/)
    expect(second.querySelector('.template-preview')).toBeNull()
    expect(container.querySelector('.templates-unsaved')).toBeNull()
  })

  it('edits: the word chips go into the template being edited, the count and preview follow', async () => {
    signInAs('admin')
    api()
    const container = await open()
    const second = cards(container)[1]
    type(second.querySelector('.template-text-input'), '您说的地方我们去看过了：')
    expect(second.classList.contains('template-card--active')).toBe(true)
    const chip = Array.from(second.querySelectorAll('.placeholder-chip')).find((c) => c.textContent === '{地点}') as Element
    fireEvent.click(chip)
    const text = second.querySelector('.template-text-input') as HTMLTextAreaElement
    expect(text.value).toBe('您说的地方我们去看过了：{地点}')
    expect(second.querySelector('.template-count')?.textContent).toBe(`${text.value.length} / 500 字`)
    expect(second.querySelector('.template-preview-text')?.textContent).toBe('您说的地方我们去看过了：老街口')
    // the first card's content is untouched
    expect((cards(container)[0].querySelector('.template-text-input') as HTMLTextAreaElement).value).toBe(TEMPLATES.templates[0].text)
    expect(container.querySelector('.templates-unsaved')?.textContent).toBe('有修改还没有保存')

    type(second.querySelector('.template-text-input'), '请{姓名}来一趟')
    expect(second.querySelector('.template-unknown')?.textContent).toContain('{姓名}')
  })

  it('shows the shared schema’s message next to the field it names, and sends nothing', async () => {
    signInAs('representative')
    api()
    const container = await open()
    type(cards(container)[1].querySelector('.template-title-input'), '好')
    fireEvent.click(container.querySelector('.templates-save') as Element)
    expect(cards(container)[1].querySelector('.template-title-error')?.textContent).toBe('第 2 个模板：模板名称至少 2 个字')
    expect(cards(container)[0].querySelector('.field-error')).toBeNull()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '第 2 个模板：模板名称至少 2 个字' }))

    // the same name twice: said at the second one
    type(cards(container)[1].querySelector('.template-title-input'), '已转交部门')
    expect(cards(container)[1].querySelector('.template-title-error')).toBeNull()
    fireEvent.click(container.querySelector('.templates-save') as Element)
    expect(cards(container)[1].querySelector('.template-title-error')?.textContent).toBe('第 2 个模板：模板名称不能重复（和第 1 个一样）')

    type(cards(container)[1].querySelector('.template-title-input'), '办好了')
    type(cards(container)[0].querySelector('.template-text-input'), '好的')
    fireEvent.click(container.querySelector('.templates-save') as Element)
    expect(cards(container)[0].querySelector('.template-text-error')?.textContent).toBe('第 1 个模板：模板内容至少 5 个字')
    expect(puts()).toHaveLength(0)
    expect(Taro.showLoading).not.toHaveBeenCalled()
  })

  it('adds and deletes (after asking), then saves the whole list with the version it was read at', async () => {
    signInAs('representative')
    api()
    const container = await open()
    fireEvent.click(container.querySelector('.template-add') as Element)
    expect(cards(container)).toHaveLength(3)
    const added = cards(container)[2]
    expect(added.classList.contains('template-card--active')).toBe(true)
    type(added.querySelector('.template-title-input'), '需要材料')
    type(added.querySelector('.template-text-input'), '请带好身份证到')
    fireEvent.click(Array.from(added.querySelectorAll('.placeholder-chip')).find((c) => c.textContent === '{地点}') as Element)

    // 不删: nothing changes
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    fireEvent.click(cards(container)[0].querySelector('.template-remove') as Element)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('“已转交部门”') }))
    await Promise.resolve()
    expect(cards(container)).toHaveLength(3)
    // 删除
    fireEvent.click(cards(container)[0].querySelector('.template-remove') as Element)
    await waitFor(() => expect(cards(container)).toHaveLength(2))
    expect((cards(container)[0].querySelector('.template-title-input') as HTMLInputElement).value).toBe('已经办好')

    fireEvent.click(container.querySelector('.templates-save') as Element)
    await waitFor(() => expect(puts()).toHaveLength(1))
    expect(puts()[0].url).toBe(URL)
    expect(puts()[0].data).toEqual({
      templates: [
        { title: '已经办好', text: '您反映的问题已经处理好了。——{工作室}' },
        { title: '需要材料', text: '请带好身份证到{地点}' },
      ],
      version: 3,
    })
    expect(Taro.showLoading).toHaveBeenCalledWith(expect.objectContaining({ title: '正在保存…' }))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存', icon: 'success' })))
    expect(Taro.hideLoading).toHaveBeenCalled()
    expect(container.querySelector('.templates-unsaved')).toBeNull()

    // the next save goes from the version the API answered
    type(cards(container)[1].querySelector('.template-title-input'), '带好材料')
    fireEvent.click(container.querySelector('.templates-save') as Element)
    await waitFor(() => expect(puts()).toHaveLength(2))
    expect(puts()[1].data).toMatchObject({ version: 4 })
  })

  it('offers no 添加 beyond 12 templates', async () => {
    signInAs('representative')
    const twelve = { templates: Array.from({ length: 12 }, (_, i) => ({ title: `模板${i + 1}`, text: `第${i + 1}个模板的内容` })), version: 1 }
    api(undefined, [twelve])
    const container = await open(12)
    expect(container.querySelector('.template-add')).toBeNull()
    expect(container.querySelector('.templates-max')?.textContent).toBe('最多 12 个模板')
    expect(container.querySelector('.templates-status')?.textContent).toContain('还没有人修改过')
  })

  it('on 409 says another representative changed them, keeps what was typed, and reloads only when asked', async () => {
    signInAs('representative')
    const theirs: ReplyTemplatesResponse = { templates: [{ title: '他们改的', text: '别人刚保存的模板内容' }], version: 4, updatedAt: '2099-11-21T01:00:00.000Z' }
    api(() => apiError(409, 'CONFLICT', '答复模板刚被其他人修改过，请重新载入后再改'), [TEMPLATES, theirs])
    const container = await open()
    type(cards(container)[0].querySelector('.template-text-input'), '我自己写的新内容，还没保存')
    fireEvent.click(container.querySelector('.templates-save') as Element)
    await waitFor(() => expect(container.querySelector('.templates-conflict')).not.toBeNull())
    expect(puts()[0].data).toMatchObject({ version: 3 })
    expect(container.querySelector('.templates-conflict')?.textContent).toContain('另一位党代表')
    expect((cards(container)[0].querySelector('.template-text-input') as HTMLTextAreaElement).value).toBe('我自己写的新内容，还没保存')
    expect(gets()).toHaveLength(1)

    fireEvent.click(container.querySelector('.templates-reload') as Element)
    await waitFor(() => expect(cards(container)).toHaveLength(1))
    expect(gets()).toHaveLength(2)
    expect((cards(container)[0].querySelector('.template-title-input') as HTMLInputElement).value).toBe('他们改的')
    expect(container.querySelector('.templates-conflict')).toBeNull()
  })

  it('on a network failure keeps everything typed and says so', async () => {
    signInAs('representative')
    let attempt = 0
    api((data) => (++attempt === 1 ? networkDown() : ok({ ...(data as object), version: 4 })))
    const container = await open()
    type(cards(container)[1].querySelector('.template-title-input'), '办好了')
    type(cards(container)[1].querySelector('.template-text-input'), '已经办好了，谢谢您。')
    fireEvent.click(container.querySelector('.templates-save') as Element)
    await waitFor(() => expect(container.querySelector('.templates-network')).not.toBeNull())
    expect(container.querySelector('.templates-network')?.textContent).toContain('您写的内容都还在')
    expect((cards(container)[1].querySelector('.template-title-input') as HTMLInputElement).value).toBe('办好了')
    expect((cards(container)[1].querySelector('.template-text-input') as HTMLTextAreaElement).value).toBe('已经办好了，谢谢您。')
    expect(container.querySelector('.templates-unsaved')).not.toBeNull()
    expect(container.querySelector('.templates-save')?.textContent).toBe('保存')

    fireEvent.click(container.querySelector('.templates-save') as Element)
    await waitFor(() => expect(container.querySelector('.templates-network')).toBeNull())
    expect(puts()).toHaveLength(2)
    expect(puts()[1].data).toEqual(puts()[0].data)
  })

  it('shows the API’s field messages (400) next to their fields', async () => {
    signInAs('representative')
    api(() => Promise.resolve({ statusCode: 400, data: { error: { code: 'VALIDATION_FAILED', message: '有几处需要修改', fields: { 'templates.1.text': '模板内容不能超过 500 个字' } } } }))
    const container = await open()
    fireEvent.click(container.querySelector('.templates-save') as Element)
    await waitFor(() => expect(cards(container)[1].querySelector('.template-text-error')?.textContent).toBe('第 2 个模板：模板内容不能超过 500 个字'))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '有几处需要修改' }))
  })

  it('says why when the templates cannot be loaded, and retries', async () => {
    signInAs('representative')
    let first = true
    Taro.request.mockImplementation((() => {
      if (first) {
        first = false
        return networkDown()
      }
      return ok(TEMPLATES)
    }) as never)
    const { container } = render(<ReplyTemplatesPage />)
    await waitFor(() => expect(container.querySelector('.error-message')?.textContent).toBe('网络不太好，请检查网络后重试'))
    fireEvent.click(container.querySelector('.retry-button') as Element)
    await waitFor(() => expect(cards(container)).toHaveLength(2))
  })
})
