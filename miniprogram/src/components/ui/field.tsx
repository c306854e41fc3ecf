import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

/**
 * One form field: its label, an optional hint, the control (`children`) and, when the server or the form refused
 * it, the reason in red right below — named by `errorClass` so the page can scroll to it (services/reveal-error).
 */
export function Field({ label, hint, error, errorClass, className, children }: {
  label: string
  hint?: string
  error?: string
  errorClass: string
  className?: string
  children?: ReactNode
}) {
  return (
    <View className={`field${className ? ` ${className}` : ''}`}>
      <Text className='field-label'>{label}</Text>
      {hint ? <Text className='field-hint'>{hint}</Text> : null}
      {children}
      {error ? <Text className={`field-error ${errorClass}`}>{error}</Text> : null}
    </View>
  )
}
