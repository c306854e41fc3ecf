import { act, fireEvent, render, screen } from '@testing-library/react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { resetTaroMock } from '../../test/mocks/taro'
import { ApiError, NETWORK_ERROR_MESSAGE } from '../services/request'
import { usePageData } from '../services/use-page-data'
import { ErrorCard, PageLoading, PageState } from './page-state'

beforeEach(() => {
  resetTaroMock()
})

describe('PageState', () => {
  it('shows 正在加载… while loading', () => {
    const { container } = render(<PageState state={{ status: 'loading' }} />)
    expect(container.innerHTML).toBe('<span class="loading-text">正在加载…</span>')
  })

  it('shows skeleton blocks above 正在加载… when asked (the stand page)', () => {
    const { container } = render(<PageState state={{ status: 'loading' }} skeleton />)
    const loading = container.querySelector('.loading') as Element
    expect(Array.from(loading.children).map((el) => el.className)).toEqual([
      'skeleton skeleton--title',
      'skeleton',
      'skeleton skeleton--short',
      'loading-text',
    ])
  })

  it('shows the error card with the message and 重试, which calls onRetry', () => {
    const onRetry = jest.fn()
    const { container } = render(<PageState state={{ status: 'error', message: '服务暂时不可用，请稍后再试' }} onRetry={onRetry} />)
    const card = container.querySelector('.card.error-card') as Element
    expect(card.querySelector('.error-message')?.textContent).toBe('服务暂时不可用，请稍后再试')
    const retry = card.querySelector('.btn.btn--primary.retry-button') as Element
    expect(retry.textContent).toBe('重试')
    fireEvent.click(retry)
    expect(onRetry).toHaveBeenCalledTimes(1)
  })

  it('leaves 重试 out without onRetry, and puts other buttons after it', () => {
    const { container } = render(
      <PageState
        state={{ status: 'error', message: '没有找到这个工作室的公示墙' }}
        onRetry={() => undefined}
        errorActions={<Button className='btn btn--secondary'>回到首页</Button>}
      />,
    )
    expect(Array.from((container.querySelector('.error-card') as Element).children).map((el) => el.textContent)).toEqual([
      '没有找到这个工作室的公示墙',
      '重试',
      '回到首页',
    ])

    const { container: without } = render(<PageState state={{ status: 'error', message: '没有指定服务点' }} />)
    expect(without.querySelector('.retry-button')).toBeNull()
  })

  it('shows nothing once the data is ready', () => {
    const { container } = render(<PageState state={{ status: 'ready', data: [] }} />)
    expect(container.innerHTML).toBe('')
  })

  it('ErrorCard and PageLoading can be used on their own', () => {
    const { container } = render(
      <View>
        <ErrorCard message='请先扫一扫服务点的二维码，再提意见建议。' />
        <PageLoading />
      </View>,
    )
    expect(container.querySelector('.error-card .error-message')?.textContent).toBe('请先扫一扫服务点的二维码，再提意见建议。')
    expect(container.querySelector('.retry-button')).toBeNull()
    expect(container.querySelector('.loading-text')?.textContent).toBe('正在加载…')
  })
})

/** A page as the pages use the two: its loading and error states from the hook, shown by PageState. */
function ListPage({ load }: { load: () => Promise<string[]> }) {
  const { state, retry, reload } = usePageData(load, [])
  return (
    <View className='page'>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? state.data.map((item) => <Text key={item} className='item'>{item}</Text>) : null}
      <Button className='refresh' onClick={() => void reload()}>刷新</Button>
    </View>
  )
}

describe('a page with usePageData and PageState', () => {
  it('重试 after a failed first load shows 正在加载… and loads again', async () => {
    let answer!: (items: string[]) => void
    const load = jest.fn()
      .mockRejectedValueOnce(new ApiError({ code: 'NETWORK_ERROR', status: 0, message: NETWORK_ERROR_MESSAGE }))
      .mockImplementationOnce(() => new Promise<string[]>((resolve) => (answer = resolve)))
    const { container } = render(<ListPage load={load} />)
    expect(container.querySelector('.loading-text')).not.toBeNull()

    expect((await screen.findByText(NETWORK_ERROR_MESSAGE)).className).toBe('error-message')
    fireEvent.click(container.querySelector('.retry-button') as Element)
    expect(container.querySelector('.loading-text')).not.toBeNull()
    expect(container.querySelector('.error-card')).toBeNull()
    expect(load).toHaveBeenCalledTimes(2)

    await act(async () => answer(['量血压', '修鞋']))
    expect(Array.from(container.querySelectorAll('.item')).map((el) => el.textContent)).toEqual(['量血压', '修鞋'])
    expect(container.querySelector('.loading-text')).toBeNull()
  })

  it('a failed refresh keeps the list on the page and says why in a toast', async () => {
    const load = jest.fn()
      .mockResolvedValueOnce(['量血压'])
      .mockRejectedValueOnce(new ApiError({ code: 'NETWORK_ERROR', status: 0, message: NETWORK_ERROR_MESSAGE }))
    const { container } = render(<ListPage load={load} />)
    await screen.findByText('量血压')
    await act(async () => {
      fireEvent.click(container.querySelector('.refresh') as Element)
    })
    expect(load).toHaveBeenCalledTimes(2)
    expect(screen.getByText('量血压')).toBeTruthy()
    expect(container.querySelector('.error-card')).toBeNull()
    expect(Taro.showToast).toHaveBeenCalledWith({ title: NETWORK_ERROR_MESSAGE, icon: 'none', duration: 3000 })
  })
})
