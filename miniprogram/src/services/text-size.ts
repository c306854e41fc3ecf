import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { isWeapp } from './platform'

/** 长辈模式: the person's choice, kept on the phone (not an account setting: a grandchild may set it on grandma's phone). */
export const CARE_MODE_KEY = 'lianxin.careMode'
/** How much bigger 长辈模式 makes every text, on top of the phone's own text size. */
export const CARE_MODE_FACTOR = 1.25
/** The largest text scale the layout takes (the phone's 2× text with 长辈模式 on stops here). */
export const MAX_TEXT_SCALE = 2.5

/** WeChat's 我-设置-通用-字体大小 at its default (iOS 17 px); Chromium's default text size (16 px). */
const WEAPP_DEFAULT_FONT_PX = 17
const BROWSER_DEFAULT_FONT_PX = 16

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

/**
 * The phone's own text size as a factor of its default: WeChat's font-size setting in the mini-program, the
 * browser's text size on H5 (the px of `font-size: medium`, which follows it). Never below 1: the app's sizes are
 * already large.
 */
export function systemTextScale(): number {
  try {
    if (isWeapp()) {
      const setting = Taro.getSystemInfoSync().fontSizeSetting
      return typeof setting === 'number' && setting > 0 ? clamp(setting / WEAPP_DEFAULT_FONT_PX, 1, 2) : 1
    }
    if (typeof document === 'undefined' || !document.body) return 1
    const probe = document.createElement('div')
    probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
    document.body.appendChild(probe)
    const px = parseFloat(getComputedStyle(probe).fontSize)
    probe.remove()
    return Number.isFinite(px) && px > 0 ? clamp(px / BROWSER_DEFAULT_FONT_PX, 1, 2) : 1
  } catch {
    return 1
  }
}

export function isCareMode(): boolean {
  try {
    return Taro.getStorageSync(CARE_MODE_KEY) === true
  } catch {
    return false
  }
}

const listeners = new Set<(on: boolean) => void>()

/** Turns 长辈模式 on or off on this phone; every open page follows at once. */
export function setCareMode(on: boolean): void {
  try {
    Taro.setStorageSync(CARE_MODE_KEY, on)
  } catch {
    // storage full or unavailable: still applies to the pages open now
  }
  for (const listener of listeners) listener(on)
}

/** The factor every text size of the page is multiplied by (the `--text-scale` of `.page`). */
export function textScaleOf(careMode: boolean, system: number): number {
  return Math.round(clamp(system * (careMode ? CARE_MODE_FACTOR : 1), 1, MAX_TEXT_SCALE) * 100) / 100
}

/** 长辈模式 and the resulting text scale, following changes made on another page. */
export function useTextSize(): { careMode: boolean; scale: number } {
  const [careMode, setOn] = useState(isCareMode)
  const [system] = useState(systemTextScale)
  useEffect(() => {
    listeners.add(setOn)
    return () => {
      listeners.delete(setOn)
    }
  }, [])
  return { careMode, scale: textScaleOf(careMode, system) }
}
