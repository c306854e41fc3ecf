import { enableKeyboardAccess } from './h5-keyboard'

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('keyboard access in the browser build', () => {
  let stop: () => void
  afterEach(() => {
    stop?.()
    document.body.innerHTML = ''
  })

  it('makes pages and buttons focusable, buttons pressable with Enter and Space, and disabled ones skipped', async () => {
    document.body.innerHTML = '<div class="taro_page"><taro-button-core id="a">预约</taro-button-core></div>'
    stop = enableKeyboardAccess()
    const page = document.querySelector('.taro_page')!
    const first = document.getElementById('a')!
    expect(page.getAttribute('tabindex')).toBe('0')
    expect(first.getAttribute('tabindex')).toBe('0')
    expect(first.getAttribute('role')).toBe('button')

    const clicked = jest.fn()
    first.addEventListener('click', clicked)
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    first.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }))
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }))
    expect(clicked).toHaveBeenCalledTimes(2)

    // a page and a button added later; a button disabled later leaves the Tab order and is not pressed
    const later = document.createElement('div')
    later.className = 'taro_page'
    later.innerHTML = '<taro-button-core id="b" disabled>提交</taro-button-core>'
    document.body.appendChild(later)
    await tick()
    const second = document.getElementById('b')!
    expect(later.getAttribute('tabindex')).toBe('0')
    expect(second.getAttribute('tabindex')).toBe('-1')
    const pressed = jest.fn()
    second.addEventListener('click', pressed)
    second.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(pressed).not.toHaveBeenCalled()

    first.setAttribute('disabled', '')
    await tick()
    expect(first.getAttribute('tabindex')).toBe('-1')
  })

  it('names the H5 navigation bar’s 返回 and 首页 and lets Enter press them', () => {
    document.body.innerHTML = '<div id="taro-navigation-bar"><div class="taro-navigation-bar-home"></div><div class="taro-navigation-bar-back"></div></div>'
    stop = enableKeyboardAccess()
    const back = document.querySelector<HTMLElement>('.taro-navigation-bar-back')!
    expect([back.getAttribute('role'), back.getAttribute('tabindex'), back.getAttribute('aria-label')]).toEqual(['button', '0', '返回'])
    expect(document.querySelector('.taro-navigation-bar-home')!.getAttribute('aria-label')).toBe('回首页')
    const clicked = jest.fn()
    back.addEventListener('click', clicked)
    back.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(clicked).toHaveBeenCalledTimes(1)
  })
})
