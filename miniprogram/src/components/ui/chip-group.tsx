import { Text, View } from '@tarojs/components'

export interface ChipOption<T> {
  value: T
  label: string
}

/**
 * Chips to tap: one choice (`radio`, e.g. a submission's category) or several (`checkbox`, e.g. market days). With
 * `columns` they sit in a grid of that many per row (fewer in 长辈模式 and at large text, see app.css); without, they
 * wrap as words do. `chipClass` names each chip for its page's styles and tests.
 */
export function ChipGroup<T extends string | number>({ options, isOn, onTap, kind, chipClass, columns, label, disabled = false }: {
  options: ChipOption<T>[]
  isOn: (value: T) => boolean
  onTap: (value: T) => void
  kind: 'radio' | 'checkbox'
  chipClass: string
  columns?: 2 | 4 | 5 | 7
  /** The group's name, read before its chips. */
  label: string
  disabled?: boolean
}) {
  const chip = (option: ChipOption<T>) => {
    const on = isOn(option.value)
    return (
      <View
        key={option.value}
        className={`chip ${chipClass}${on ? ' chip--on' : ''}`}
        role={kind}
        aria-checked={on}
        aria-disabled={disabled || undefined}
        hoverClass='chip--pressed'
        onClick={disabled ? undefined : () => onTap(option.value)}
      >
        <Text className='chip-text'>{option.label}</Text>
      </View>
    )
  }
  return (
    <View className={columns ? `chip-grid chip-grid--${columns}` : 'chip-row'} role={kind === 'radio' ? 'radiogroup' : 'group'} aria-label={label}>
      {options.map((option) => (columns ? <View className='chip-cell' key={option.value}>{chip(option)}</View> : chip(option)))}
    </View>
  )
}
