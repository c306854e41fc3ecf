import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

/**
 * A sheet over the page (a dialog): dimmed page behind, its title said aloud as the dialog's name — what to confirm
 * or fill in, then the buttons. `className` names the sheet for its own styles and for tests.
 */
export function Sheet({ title, name = title, className, children }: { title: string; name?: string; className: string; children?: ReactNode }) {
  return (
    <View className='sheet-mask'>
      <View className={`sheet ${className}`} aria-modal='true' role='dialog' aria-label={name}>
        <Text className='sheet-title'>{title}</Text>
        {children}
      </View>
    </View>
  )
}
