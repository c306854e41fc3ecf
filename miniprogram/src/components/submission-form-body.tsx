import type { ReactNode } from 'react'
import { Text } from '@tarojs/components'
import type { SubmissionDraft } from '../services/submissions'
import type { SubmissionForm } from '../services/use-submission-form'
import { PhotoPicker } from './photo-picker'
import { CategoryField, GridField, PhoneConsentField, PlaceField, PublicSwitch, SubmissionTextField, SubmitFailure } from './submission-fields'
import { BusyButton } from './ui/busy-button'

/** What differs between the resident's 提意见 and the studio's 代填: the words, and one class on the button. */
export interface SubmissionFormWords {
  textLabel: string
  textPlaceholder: string
  photoHint: string
  publicLabel: string
  publicHintOff: string
  phoneLabel: string
  retryHint: string
  draftHint: string
  submitLabel: string
  submitClass?: string
}

/**
 * The body of a form that sends one 意见建议 — category, text, place, photos, public switch, phone with consent,
 * why sending failed, the button and the draft hint — driven by `useSubmissionForm`.
 */
export function SubmissionFormBody<D extends SubmissionDraft>({
  form,
  words,
  beforeChoosePhoto,
  afterPlace,
  onSubmit,
}: {
  /** Any extra fields of the page's form (e.g. 代填's source) are the page's own business. */
  form: SubmissionForm<D>
  words: SubmissionFormWords
  /** Before the photo picker opens (e.g. H5 asks to sign in first); false stops it. */
  beforeChoosePhoto?: () => boolean
  /** Shown under the text and the place (the submit page's 这些事已经有人反映过). */
  afterPlace?: ReactNode
  onSubmit: () => void
}) {
  const { draft, update, fields, failure, busy, locked } = form
  const patch = (p: Partial<SubmissionDraft>) => p as Partial<D>
  return (
    <>
      <CategoryField
        label='这是哪一类的事？'
        categories={form.categories}
        value={draft.category}
        error={fields.category}
        disabled={locked}
        onChange={(category) => update(patch({ category }), 'category')}
      />

      <SubmissionTextField
        label={words.textLabel}
        value={draft.text}
        placeholder={words.textPlaceholder}
        error={fields.text}
        disabled={locked}
        onChange={(text) => update(patch({ text }), 'text')}
      />

      <PlaceField value={draft.place} error={fields.place} disabled={locked} onChange={(place) => update(patch({ place }), 'place')} />
      {form.grids.length ? <GridField grids={form.grids} value={draft.gridId} error={fields.gridId} disabled={locked} onChange={(gridId) => update(patch({ gridId }), 'gridId')} /> : null}
      {afterPlace}

      <Text className='field-label'>照片（可以不传）</Text>
      <Text className='field-hint photo-section-hint'>{words.photoHint}</Text>
      <PhotoPicker key={form.pickerKey} {...form.photoPicker} beforeChoose={beforeChoosePhoto} />
      {fields.photos ? <Text className='field-error photos-error'>{fields.photos}</Text> : null}

      <PublicSwitch
        label={words.publicLabel}
        on={draft.public}
        hintOn='答复后，事情和答复会显示在公示墙上，让街坊邻居也看到。'
        hintOff={words.publicHintOff}
        disabled={locked}
        onChange={(on) => update(patch({ public: on }))}
      />

      <PublicSwitch
        switchClass='urgent-switch'
        label='紧急（危及人身、财产安全）'
        on={!!draft.urgent}
        hintOn='紧急的事：2 小时内受理，24 小时内答复。真有危险请先拨打 110、119、120。'
        hintOff='不紧急的事按工作日办理。'
        disabled={locked}
        onChange={(on) => update(patch({ urgent: on }))}
      />

      <PhoneConsentField
        label={words.phoneLabel}
        consent={draft.phoneConsent}
        phone={draft.phone}
        consentError={fields.phoneConsent}
        phoneError={fields.phone}
        disabled={locked}
        onConsent={form.setPhoneConsent}
        onPhone={(phone) => update(patch({ phone }), 'phone')}
      />

      <SubmitFailure failure={failure} retryHint={words.retryHint} />

      <BusyButton
        label={words.submitLabel}
        busyLabel={words.submitLabel}
        busy={busy}
        className={`btn--primary btn--huge submit-button${words.submitClass ? ` ${words.submitClass}` : ''}${failure?.retry ? ' submit-retry' : ''}`}
        onClick={onSubmit}
      />
      <Text className='field-hint draft-hint'>{words.draftHint}</Text>
    </>
  )
}
