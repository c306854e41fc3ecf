import { useState } from 'react'
import { askFor } from '../services/subscribe'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { bookSlotRequest, type BookingView, type BookSlotRequest } from '@shared/schemas/booking'
import type { SlotView, StandPageResponse, StandServiceView } from '@shared/schemas/stand'
import { formatChinaDate } from '@shared/time'
import { parseWith } from '@shared/validation'
import { bookSlot } from '../services/api'
import { errorMessage, isApiError, outcomeUnknown } from '../services/request'
import { newRequestId } from '../services/request-id'
import { openMyBookings } from '../services/navigation'
import { Sheet } from './ui/sheet'
import { BusyButton } from './ui/busy-button'
import { Field } from './ui/field'

export const PHONE_CONSENT_TEXT = '方便工作人员上门前联系您，仅用于本次服务'
export const ADDRESS_REQUIRED_MESSAGE = '上门服务请填写详细地址'

/** What the person typed for one slot, kept by the page while the sheet is closed and reopened. */
export interface BookingDraft {
  address: string
  phone: string
  phoneConsent: boolean
  /**
   * The retry key of the last attempt whose outcome is unknown (network failure, 5xx). Sent again on the next
   * tap so the booking is never made twice; cleared once the API has answered yes or no.
   */
  requestId?: string
}

export function emptyDraft(): BookingDraft {
  return { address: '', phone: '', phoneConsent: false }
}

export function slotKey(standId: string, serviceId: string, startTime: string): string {
  return `${standId}/${serviceId}/${startTime}`
}

interface Props {
  data: StandPageResponse
  service: StandServiceView
  slot: SlotView
  draft: BookingDraft
  /** Merges into the page's draft for this slot. */
  onDraftChange: (patch: Partial<BookingDraft>) => void
  onClose: () => void
  onBooked: (booking: BookingView) => void
  /** The API said no (full, already booked, limit): the page refreshes the places left. */
  onRefused: () => void
}

type FieldKey = 'address' | 'phone' | 'phoneConsent'

interface Failure {
  message: string
  /** The outcome is unknown: the same request may be sent again. */
  retry: boolean
  /** The API says this person already has such a booking: offer 我的预约. */
  showMine?: boolean
}

export function BookingSheet({ data, service, slot, draft, onDraftChange, onClose, onBooked, onRefused }: Props) {
  const [busy, setBusy] = useState(false)
  const [fields, setFields] = useState<Partial<Record<FieldKey, string>>>({})
  const [failure, setFailure] = useState<Failure | null>(
    draft.requestId ? { message: '上次提交没有收到回复', retry: true } : null,
  )
  /**
   * While the outcome of an attempt is unknown, the form is kept exactly as sent (shown, not editable): the retry
   * must carry the same body with the same key, or the API would take it for another booking.
   */
  const locked = !!draft.requestId

  const update = (patch: Partial<BookingDraft>, clear?: FieldKey) => {
    onDraftChange(patch)
    if (clear && fields[clear]) setFields({ ...fields, [clear]: undefined })
  }

  const submit = async () => {
    if (busy) return
    const requestId = draft.requestId ?? newRequestId()
    const input: Record<string, unknown> = {
      standId: data.stand.id,
      serviceId: service.id,
      startTime: slot.startTime,
      requestId,
    }
    if (service.homeVisit) {
      input.address = draft.address
      if (draft.phone.trim()) {
        input.phone = draft.phone
        input.phoneConsent = draft.phoneConsent
      }
    }
    const parsed = parseWith(bookSlotRequest, input)
    const problems: Partial<Record<FieldKey, string>> = {}
    if (service.homeVisit && !draft.address.trim()) problems.address = ADDRESS_REQUIRED_MESSAGE
    if (!parsed.ok) {
      for (const key of ['address', 'phone', 'phoneConsent'] as const) {
        if (parsed.fields[key] && !problems[key]) problems[key] = parsed.fields[key]
      }
    }
    if (Object.keys(problems).length > 0 || !parsed.ok) {
      setFields(problems)
      const other = parsed.ok ? undefined : Object.entries(parsed.fields).find(([key]) => !(key in problems))?.[1]
      setFailure(other ? { message: other, retry: false } : null)
      return
    }

    setFields({})
    setFailure(null)
    setBusy(true)
    onDraftChange({ requestId })
    // in the tap: the evening-before reminder and word of a cancelled stand (the ticket page says what was agreed)
    await askFor('booking')
    Taro.showLoading({ title: '正在预约…', mask: true })
    try {
      const booking = await bookSlot(parsed.value as BookSlotRequest)
      Taro.hideLoading()
      setBusy(false)
      onBooked(booking)
    } catch (error) {
      Taro.hideLoading()
      setBusy(false)
      const retry = outcomeUnknown(error)
      // keep what was typed; keep the key only while we do not know whether the booking was made
      onDraftChange({ requestId: retry ? requestId : undefined })
      if (isApiError(error) && Object.keys(error.fields).length > 0) {
        const fromApi: Partial<Record<FieldKey, string>> = {}
        for (const key of ['address', 'phone', 'phoneConsent'] as const) if (error.fields[key]) fromApi[key] = error.fields[key]
        setFields(fromApi)
      }
      const message = errorMessage(error)
      setFailure({ message, retry, showMine: !retry && isApiError(error) && error.reason === 'already_booked' })
      if (!retry) onRefused()
    }
  }

  const { stand, venue } = data
  const closeLabel = failure && !failure.retry ? '关闭' : '再想想'
  return (
    <Sheet title='确认预约' className='booking-sheet'>
      <View className='confirm-rows'>
        <View className='confirm-row'>
          <Text className='confirm-label'>服务</Text>
          <Text className='confirm-value confirm-service'>{service.name}</Text>
        </View>
        <View className='confirm-row'>
          <Text className='confirm-label'>日期</Text>
          <Text className='confirm-value confirm-date'>{formatChinaDate(stand.date)}</Text>
        </View>
        <View className='confirm-row'>
          <Text className='confirm-label'>时间</Text>
          <Text className='confirm-value confirm-time'>{slot.startTime}–{slot.endTime}</Text>
        </View>
        <View className='confirm-row'>
          <Text className='confirm-label'>地点</Text>
          <Text className='confirm-value confirm-place'>{venue.name}</Text>
        </View>
      </View>

      {service.homeVisit ? (
        <View className='home-visit'>
          <Field label='上门地址' hint='这项服务由工作人员上门办理' error={fields.address} errorClass='address-error'>
            <Input
              className={`text-input text-input--plain address-input${fields.address ? ' text-input--error' : ''}`}
              value={draft.address}
              maxlength={100}
              disabled={locked || undefined}
              placeholder='村/小区、楼栋、门牌号'
              placeholderClass='input-placeholder'
              onInput={(e) => update({ address: e.detail.value }, 'address')}
            />
          </Field>

          <Field label='手机号（可以不填）' error={fields.phone} errorClass='phone-error'>
            <Input
              className={`text-input phone-input${fields.phone ? ' text-input--error' : ''}`}
              type='number'
              value={draft.phone}
              maxlength={11}
              disabled={locked || undefined}
              placeholder='11 位手机号'
              placeholderClass='input-placeholder'
              onInput={(e) => update({ phone: e.detail.value }, 'phone')}
            />
          </Field>

          <View
            className={`consent-tick${draft.phoneConsent ? ' consent-tick--on' : ''}`}
            role='checkbox'
            aria-checked={draft.phoneConsent}
            onClick={locked ? undefined : () => update({ phoneConsent: !draft.phoneConsent }, 'phoneConsent')}
          >
            <View className='consent-box'>{draft.phoneConsent ? <Text className='consent-mark'>✓</Text> : null}</View>
            <Text className='consent-text'>同意留手机号：{PHONE_CONSENT_TEXT}</Text>
          </View>
          {fields.phoneConsent ? <Text className='field-error consent-error'>{fields.phoneConsent}</Text> : null}
        </View>
      ) : null}

      {failure ? (
        <View className='sheet-error booking-error'>
          <Text className='error-message'>{failure.message}</Text>
          {failure.retry ? (
            <Text className='plain-line'>
              {service.homeVisit ? '您填的内容都还在。' : ''}网络好了再点“重试预约”，不会重复预约。
            </Text>
          ) : null}
          {failure.showMine ? (
            <Button className='btn btn--secondary btn--compact open-my-bookings' onClick={openMyBookings}>查看我的预约</Button>
          ) : null}
        </View>
      ) : null}

      <BusyButton
        label={failure?.retry ? '重试预约' : '确认预约'}
        busyLabel='正在预约…'
        busy={busy}
        className={`btn--primary btn--huge booking-confirm${failure?.retry ? ' booking-retry' : ''}`}
        onClick={() => void submit()}
      />
      <Button key={closeLabel} className='btn btn--secondary booking-sheet-close' disabled={busy || undefined} onClick={onClose}>
        {closeLabel}
      </Button>
    </Sheet>
  )
}
