/**
 * The fields of a form that sends one 意见建议, shared by the resident's 提意见 and the studio's 代填:
 * the category chips (the studio's own, with how soon the chosen one is answered), the text with its counter,
 * the place, the public switch, the phone behind a consent tick, and the box that says why sending failed.
 *
 * Each renders its label, its control and its message in place (no wrapper), with the class names the stylesheet
 * and the tests know: `.category-chip`, `.textarea-input`, `.text-count`, `.place-input`, `.public-switch`,
 * `.phone-consent`, `.phone-input`, `.<field>-error`, `.submit-error`.
 */
import { Input, Text, Textarea, View } from '@tarojs/components'
import type { StudioCategory } from '../services/submission-settings'
import type { GridChoice } from '../services/grids'
import { ChipGroup } from './ui/chip-group'

/** As in the shared schemas: a submission's text is 5–1000 characters, its place at most 50. */
export const TEXT_MAX = 1000
export const PLACE_MAX = 50

export function CategoryField({
  label,
  categories,
  value,
  error,
  disabled,
  onChange,
}: {
  label: string
  categories: StudioCategory[]
  value: string
  error?: string
  disabled?: boolean
  onChange: (category: string) => void
}) {
  const chosen = categories.find((c) => c.name === value)
  return (
    <>
      <Text className='field-label'>{label}</Text>
      <ChipGroup
        label={label}
        kind='radio'
        chipClass='category-chip'
        options={categories.map(({ name }) => ({ value: name, label: name }))}
        isOn={(category) => value === category}
        onTap={onChange}
        disabled={disabled}
      />
      {chosen?.replyDays !== undefined ? (
        <Text className='field-hint category-limit'>“{chosen.name}”{chosen.replyDays === 0 ? '一般当天答复' : `一般 ${chosen.replyDays} 个工作日内答复`}</Text>
      ) : null}
      {error ? <Text className='field-error category-error'>{error}</Text> : null}
    </>
  )
}

export function SubmissionTextField({
  label,
  value,
  placeholder,
  error,
  disabled,
  max = TEXT_MAX,
  onChange,
}: {
  label: string
  value: string
  placeholder: string
  error?: string
  disabled?: boolean
  max?: number
  onChange: (text: string) => void
}) {
  const count = value.length
  return (
    <>
      <Text className='field-label'>{label}</Text>
      <Textarea
        className={`text-input textarea-input${error ? ' text-input--error' : ''}`}
        value={value}
        maxlength={max}
        disabled={disabled || undefined}
        placeholder={placeholder}
        placeholderClass='input-placeholder'
        autoHeight={false}
        onInput={(e) => onChange(e.detail.value)}
      />
      <Text className={`text-count${count > max - 50 ? ' text-count--near' : ''}`}>{count} / {max} 字</Text>
      {error ? <Text className='field-error text-error'>{error}</Text> : null}
    </>
  )
}

export function PlaceField({
  label = '地点（可以不填）',
  value,
  placeholder = '例如：老街口路灯旁',
  error,
  disabled,
  onChange,
}: {
  label?: string
  value: string
  placeholder?: string
  error?: string
  disabled?: boolean
  onChange: (place: string) => void
}) {
  return (
    <>
      <Text className='field-label'>{label}</Text>
      <Input
        className={`text-input text-input--plain place-input${error ? ' text-input--error' : ''}`}
        value={value}
        maxlength={PLACE_MAX}
        disabled={disabled || undefined}
        placeholder={placeholder}
        placeholderClass='input-placeholder'
        onInput={(e) => onChange(e.detail.value)}
      />
      {error ? <Text className='field-error place-error'>{error}</Text> : null}
    </>
  )
}

const NO_GRID = 'none'

/** 网格 / 院落: which of the studio's grids the matter is in — optional (不清楚), so its grid head sees it. */
export function GridField({ grids, value, error, disabled, onChange }: { grids: GridChoice[]; value?: string; error?: string; disabled?: boolean; onChange: (gridId: string | undefined) => void }) {
  return (
    <>
      <Text className='field-label'>在哪个网格（可以不选）</Text>
      <ChipGroup
        label='在哪个网格'
        kind='radio'
        columns={2}
        chipClass='grid-choice'
        disabled={disabled}
        options={[...grids.map((g) => ({ value: g.id, label: g.name })), { value: NO_GRID, label: '不清楚' }]}
        isOn={(id) => (value ?? NO_GRID) === id}
        onTap={(id) => onChange(id === NO_GRID ? undefined : id)}
      />
      {error ? <Text className='field-error grid-error'>{error}</Text> : null}
    </>
  )
}

/** 公开到公示墙: a big switch, and under it what the choice means. */
export function PublicSwitch({
  label,
  on,
  hintOn,
  hintOff,
  disabled,
  onChange,
  switchClass = 'public-switch',
}: {
  label: string
  on: boolean
  hintOn: string
  hintOff: string
  disabled?: boolean
  onChange: (on: boolean) => void
  /** The switch's own class (`public-switch`, `urgent-switch`). */
  switchClass?: string
}) {
  return (
    <>
      <View
        className={`consent-switch ${switchClass}${on ? ' consent-switch--on' : ''}`}
        role='switch'
        aria-checked={on}
        hoverClass='consent-switch--pressed'
        onClick={disabled ? undefined : () => onChange(!on)}
      >
        <Text className='consent-switch-label'>{label}</Text>
        <View className='switch-track'>
          <Text className='switch-text'>{on ? '开' : '关'}</Text>
          <View className='switch-knob' />
        </View>
      </View>
      <Text className='field-hint'>{on ? hintOn : hintOff}</Text>
    </>
  )
}

/** The phone number, only behind a consent tick (unticking should forget the number: see `setPhoneConsent`). */
export function PhoneConsentField({
  label,
  consent,
  phone,
  consentError,
  phoneError,
  disabled,
  onConsent,
  onPhone,
}: {
  label: string
  consent: boolean
  phone: string
  consentError?: string
  phoneError?: string
  disabled?: boolean
  onConsent: (consent: boolean) => void
  onPhone: (phone: string) => void
}) {
  return (
    <>
      <View
        className={`consent-tick phone-consent${consent ? ' consent-tick--on' : ''}`}
        role='checkbox'
        aria-checked={consent}
        onClick={disabled ? undefined : () => onConsent(!consent)}
      >
        <View className='consent-box'>{consent ? <Text className='consent-mark'>✓</Text> : null}</View>
        <Text className='consent-text'>{label}</Text>
      </View>
      {consentError ? <Text className='field-error phoneConsent-error'>{consentError}</Text> : null}
      {consent ? (
        <View className='phone-field'>
          <Text className='field-label'>手机号</Text>
          <Input
            className={`text-input phone-input${phoneError ? ' text-input--error' : ''}`}
            type='number'
            value={phone}
            maxlength={11}
            disabled={disabled || undefined}
            placeholder='11 位手机号'
            placeholderClass='input-placeholder'
            onInput={(e) => onPhone(e.detail.value)}
          />
          {phoneError ? <Text className='field-error phone-error'>{phoneError}</Text> : null}
        </View>
      ) : null}
    </>
  )
}

/** Why sending failed; when the outcome is unknown, that what was typed is kept and a retry is safe. */
export function SubmitFailure({ failure, retryHint }: { failure: { message: string; retry: boolean } | null; retryHint: string }) {
  if (!failure) return null
  return (
    <View className='sheet-error submit-error'>
      <Text className='error-message'>{failure.message}</Text>
      {failure.retry ? <Text className='plain-line'>{retryHint}</Text> : null}
    </View>
  )
}
