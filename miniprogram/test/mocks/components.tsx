/**
 * A small stand-in for `@tarojs/components` in jest (jsdom): plain elements that keep `className`, `onClick`
 * and turn `onInput` into Taro's `{ detail: { value } }` event. Map it with
 *   moduleNameMapper: { '^@tarojs/components$': '<rootDir>/miniprogram/test/mocks/components.tsx' }
 */
import type { ReactNode } from 'react'

interface BaseProps {
  className?: string
  children?: ReactNode
  onClick?: (event: unknown) => void
  hoverClass?: string
  [key: string]: unknown
}

/** `role`, `aria-*`, `data-*` and `style` as Taro passes them on to the element (the Page primitive's `--text-scale`). */
function passed(props: BaseProps): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([key]) => key === 'role' || key === 'style' || key.startsWith('aria-') || key.startsWith('data-')))
}

export function View(props: BaseProps) {
  const { className, children, onClick } = props
  return <div className={className} onClick={onClick} {...passed(props)}>{children}</div>
}

export function Text({ className, children, onClick }: BaseProps) {
  return <span className={className} onClick={onClick}>{children}</span>
}

/** A tap on an `openType='agreePrivacyAuthorization'` button also fires its agree event, as WeChat does. */
export function Button(props: BaseProps & { disabled?: boolean; id?: string; openType?: string; onAgreePrivacyAuthorization?: () => void }) {
  const { className, children, onClick, disabled, id, openType, onAgreePrivacyAuthorization } = props
  const tap = (event: unknown) => {
    ;(onClick as ((e: unknown) => void) | undefined)?.(event)
    if (openType === 'agreePrivacyAuthorization') onAgreePrivacyAuthorization?.()
  }
  return <button type='button' id={id} className={className} onClick={tap} disabled={disabled} {...passed(props)}>{children}</button>
}

interface InputProps {
  className?: string
  value?: string
  placeholder?: string
  maxlength?: number
  onInput?: (event: { detail: { value: string } }) => void
  onConfirm?: (event: { detail: { value: string } }) => void
  [key: string]: unknown
}

export function Input({ className, value, placeholder, maxlength, disabled, onInput, onConfirm }: InputProps) {
  return (
    <input
      className={className}
      value={value ?? ''}
      disabled={!!disabled}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onConfirm?.({ detail: { value: (e.target as HTMLInputElement).value } })
      }}
    />
  )
}

/** `onError` / `onLoad` are kept: `fireEvent.error(img)` stands for a photo that no longer loads. */
export function Image({ className, src, onError, onLoad }: BaseProps & { src?: string; onError?: (event: unknown) => void; onLoad?: (event: unknown) => void }) {
  return <img className={className} src={src} alt='' onError={onError} onLoad={onLoad} />
}

export function ScrollView({ className, children }: BaseProps) {
  return <div className={className}>{children}</div>
}

interface TextareaProps {
  className?: string
  value?: string
  placeholder?: string
  maxlength?: number
  onInput?: (event: { detail: { value: string } }) => void
  [key: string]: unknown
}

export function Textarea({ className, value, placeholder, maxlength, onInput }: TextareaProps) {
  return (
    <textarea
      className={className}
      value={value ?? ''}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
    />
  )
}

interface PickerProps {
  className?: string
  children?: ReactNode
  mode?: string
  value?: unknown
  onChange?: (event: { detail: { value: string } }) => void
  [key: string]: unknown
}

/** The picker's child as it is, plus a hidden `.picker-mock` text input: `fireEvent.change` it to pick a value. */
export function Picker({ children, mode, value, onChange }: PickerProps) {
  return (
    <div className='picker' data-mode={mode}>
      {children}
      <input
        className='picker-mock'
        hidden
        value={String(value ?? '')}
        onChange={(e) => onChange?.({ detail: { value: e.target.value } })}
      />
    </div>
  )
}
