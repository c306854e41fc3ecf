import Taro from '@tarojs/taro'
import { BOOKINGS_PAGE, LOGIN_PAGE, ME_PAGE, TAB_PAGES } from './platform'

/** A page parameter as given (`useRouter().params` are not URI-decoded on H5); undefined when absent. */
export function decodeParam(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** Opens a page on top of this one; says so when it cannot (e.g. a subpackage failed to download). */
export function openPage(url: string): void {
  Taro.navigateTo({ url }).catch(() => {
    Taro.showToast({ title: '页面打开失败，请重试', icon: 'none' })
  })
}

export function openLogin(): void {
  Taro.navigateTo({ url: LOGIN_PAGE }).catch(() => {
    Taro.showToast({ title: '页面打开失败，请重试', icon: 'none' })
  })
}

/** Back to where the person came from (the stand page, 我的 …), or to 我的 when there is no history. */
export function goBackOrMe(): void {
  let depth = 0
  try {
    depth = Taro.getCurrentPages().length
  } catch {
    depth = 0
  }
  if (depth > 1) {
    Taro.navigateBack().catch(() => Taro.switchTab({ url: ME_PAGE }))
  } else {
    Taro.switchTab({ url: ME_PAGE })
  }
}

function previousRoute(): string {
  try {
    const pages = Taro.getCurrentPages()
    return pages.length > 1 ? pages[pages.length - 2]?.route ?? '' : ''
  } catch {
    return ''
  }
}

/** Opens a page, or goes back to it when it is the page right below (so the stack does not grow in circles). */
export function openOrBack(url: string): void {
  const route = url.replace(/^\//, '').split('?')[0]
  if (previousRoute() === route) {
    Taro.navigateBack().catch(() => undefined)
    return
  }
  Taro.navigateTo({ url }).catch(() => {
    Taro.showToast({ title: '页面打开失败，请重试', icon: 'none' })
  })
}

export function openMyBookings(): void {
  openOrBack(BOOKINGS_PAGE)
}

/** Opens a page given by the API (e.g. a message's `page`): tab pages with `switchTab`, others with `navigateTo`. */
export function openAnyPage(page: string): void {
  const url = page.startsWith('/') ? page : `/${page}`
  const path = url.split('?')[0]
  const fail = () => {
    Taro.showToast({ title: '页面打开失败，请重试', icon: 'none' })
  }
  if (TAB_PAGES.includes(path)) Taro.switchTab({ url: path }).catch(fail)
  else Taro.navigateTo({ url }).catch(fail)
}
