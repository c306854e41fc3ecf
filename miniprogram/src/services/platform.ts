/**
 * Which platform this build is for. `process.env.TARO_ENV` is replaced at build time, so the other branch is
 * dropped from the bundle; read inside functions so tests can switch it.
 */
export function isWeapp(): boolean {
  return process.env.TARO_ENV === 'weapp'
}

export function isH5(): boolean {
  return process.env.TARO_ENV === 'h5'
}

export const LOGIN_PAGE = '/pages/login/index'
export const STAND_PAGE = '/pages/stand/index'
export const HOME_PAGE = '/pages/index/index'
export const ME_PAGE = '/pages/me/index'
