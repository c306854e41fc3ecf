import { Text, View } from '@tarojs/components'

/** A big tick box with its words beside it (the same look as the booking sheet's consent tick). */
export function Tick({ on, label, hint, className = '', onChange }: { on: boolean; label: string; hint?: string; className?: string; onChange: (on: boolean) => void }) {
  return (
    <View className={`consent-tick${on ? ' consent-tick--on' : ''} ${className}`} role='checkbox' aria-checked={on} onClick={() => onChange(!on)}>
      <View className='consent-box'>{on ? <Text className='consent-mark'>✓</Text> : null}</View>
      <View className='tick-words'>
        <Text className='consent-text'>{label}</Text>
        {hint ? <Text className='tick-hint'>{hint}</Text> : null}
      </View>
    </View>
  )
}
