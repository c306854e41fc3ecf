import type { CSSProperties, ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useTextSize } from '../../services/text-size'

/** From this text scale on, rows of two or more (chips, tiles) become one per row (`page--large-text`). */
export const LARGE_TEXT_SCALE = 1.5

/**
 * The root of every page: the design tokens of `.page` (styles/tokens.css) take their type scale from
 * `--text-scale` — the phone's text size × 长辈模式 — and `page--care` raises contrast; `page--care` and `page--large-text` give one thing per row.
 */
export function Page({ className = '', children }: { className?: string; children?: ReactNode }) {
  const { careMode, scale } = useTextSize()
  const style = { '--text-scale': String(scale) } as CSSProperties
  const classes = ['page', className, careMode ? 'page--care' : '', scale >= LARGE_TEXT_SCALE ? 'page--large-text' : ''].filter(Boolean)
  return (
    <View className={classes.join(' ')} style={style}>
      {children}
    </View>
  )
}
