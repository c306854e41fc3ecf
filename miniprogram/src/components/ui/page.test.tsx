import { act, fireEvent, render } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../test/mocks/taro'
import { CARE_MODE_KEY, systemTextScale, textScaleOf } from '../../services/text-size'
import { CareModeToggle } from '../care-mode-toggle'
import { Page } from './page'

const saved = process.env.TARO_ENV

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'weapp'
})

afterAll(() => {
  process.env.TARO_ENV = saved
})

const root = (container: HTMLElement) => container.firstElementChild as HTMLElement

describe('the Page primitive and 长辈模式', () => {
  it('sets the text scale from WeChat’s font-size setting, never below the app’s own sizes', () => {
    const { container } = render(<Page className='stand-page'>内容</Page>)
    expect(root(container).className).toBe('page stand-page')
    expect(root(container).style.getPropertyValue('--text-scale')).toBe('1')

    Taro.getSystemInfoSync.mockReturnValue({ fontSizeSetting: 34 })
    const large = render(<Page>内容</Page>)
    expect(root(large.container).style.getPropertyValue('--text-scale')).toBe('2')
    // 2× text: rows of several become one per row
    expect(root(large.container).className).toBe('page page--large-text')

    Taro.getSystemInfoSync.mockReturnValue({ fontSizeSetting: 14 })
    expect(systemTextScale()).toBe(1)
  })

  it('follows the browser’s text size on H5 (the px of font-size: medium)', () => {
    process.env.TARO_ENV = 'h5'
    const computed = jest.spyOn(window, 'getComputedStyle').mockReturnValue({ fontSize: '24px' } as CSSStyleDeclaration)
    expect(systemTextScale()).toBe(1.5)
    computed.mockRestore()
  })

  it('长辈模式 makes every open page bigger and clearer at once, is kept on the phone, and says what it did', () => {
    const { container } = render(
      <>
        <Page className='me-page'>
          <CareModeToggle />
        </Page>
        <Page className='stand-page'>服务项目</Page>
      </>,
    )
    const [me, stand] = Array.from(container.children) as HTMLElement[]
    const toggle = container.querySelector('.care-toggle') as HTMLElement
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    expect(toggle.textContent).toContain('长辈模式（大字）')

    act(() => {
      fireEvent.click(toggle)
    })
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    expect(toggle.textContent).toContain('长辈模式：已开启')
    for (const page of [me!, stand!]) {
      expect(page.className).toContain('page--care')
      expect(page.style.getPropertyValue('--text-scale')).toBe('1.25')
    }
    expect(Taro.getStorageSync(CARE_MODE_KEY)).toBe(true)
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '已开启长辈模式：字更大', icon: 'none' })

    // a page opened later starts in 长辈模式
    const later = render(<Page>公示墙</Page>)
    expect(root(later.container).className).toContain('page--care')

    act(() => {
      fireEvent.click(toggle)
    })
    expect(stand!.className).not.toContain('page--care')
    expect(Taro.getStorageSync(CARE_MODE_KEY)).toBe(false)
  })

  it('multiplies 长辈模式 with the phone’s own size, up to what the layout takes', () => {
    expect(textScaleOf(false, 1)).toBe(1)
    expect(textScaleOf(true, 1)).toBe(1.25)
    expect(textScaleOf(true, 1.6)).toBe(2)
    expect(textScaleOf(true, 2)).toBe(2.5)
  })
})
