import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { awardCoinsRequest, redemptionCodeSchema, REDEMPTION_STATUS_LABELS, refuseRedemptionRequest, type AwardView, type RedemptionView } from '@shared/schemas/coins'
import { parseWith } from '@shared/validation'
import { awardCoins, getCoinSettings, getRedemption, handOverRedemption, refuseRedemption } from '../../../services/api'
import { errorMessage, isApiError, outcomeUnknown } from '../../../services/request'
import { newRequestId } from '../../../services/request-id'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { isStaffUser, NoStaffAccess } from '../../staff-access'
import '../../styles.css'
import './index.css'

/** 记幸福币: the resident's card code, the activity (the studio's rules), a note; one retry key per filled form. */
function AwardForm({ studioId, rules }: { studioId: string; rules: { id: string; activity: string; coins: number }[] }) {
  const [cardCode, setCardCode] = useState('')
  const [ruleId, setRuleId] = useState('')
  const [note, setNote] = useState('')
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<AwardView | null>(null)
  const requestId = useRef(newRequestId())

  const submit = async () => {
    if (busy) return
    const parsed = parseWith(awardCoinsRequest, { requestId: requestId.current, cardCode, ruleId, ...(note.trim() ? { note } : {}) })
    if (!parsed.ok) {
      setFields(parsed.fields)
      return
    }
    setBusy(true)
    setDone(null)
    try {
      const award = await awardCoins(studioId, parsed.value)
      setDone(award)
      Taro.showToast({ title: `已记 ${award.coins} 个幸福币`, icon: 'none' })
      requestId.current = newRequestId()
      setCardCode('')
      setNote('')
      setFields({})
    } catch (error) {
      // a dropped answer keeps the retry key: 记上 again cannot credit twice
      if (!outcomeUnknown(error)) requestId.current = newRequestId()
      if (isApiError(error) && error.fields) setFields(error.fields)
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card coin-award'>
      <Text className='card-title'>记幸福币</Text>
      <Field label='居民的幸福币卡号' hint='请居民打开“我的 → 我的幸福币”，念出或出示 8 位卡号' error={fields.cardCode} errorClass='card-code-error'>
        <Input className={`text-input card-code-input${fields.cardCode ? ' text-input--error' : ''}`} value={cardCode} maxlength={12} placeholder='8 位卡号' placeholderClass='input-placeholder' onInput={(e) => setCardCode(e.detail.value)} />
      </Field>
      <Field label='做了什么' error={fields.ruleId} errorClass='rule-error'>
        <ChipGroup label='做了什么' kind='radio' chipClass='award-rule' options={rules.map((r) => ({ value: r.id, label: `${r.activity} +${r.coins}` }))} isOn={(id) => id === ruleId} onTap={setRuleId} />
      </Field>
      <Field label='备注（可以不填）' error={fields.note} errorClass='note-error'>
        <Input className='text-input text-input--plain award-note' value={note} maxlength={100} placeholder='例如：帮独居老人买药' placeholderClass='input-placeholder' onInput={(e) => setNote(e.detail.value)} />
      </Field>
      <BusyButton label='记上' busyLabel='正在记…' busy={busy} className='btn--primary award-submit' onClick={() => void submit()} />
      {done ? (
        <View className='notice notice--success award-done' role='status'>
          <Text className='notice-body'>已为 {done.residentName} 记 {done.coins} 个幸福币（{done.activity}）。</Text>
        </View>
      ) : null}
    </View>
  )
}

/** 兑换核销: the resident's code → whose it is and what → 发放, or 不发放 with a reason (the coins go back). */
function RedemptionDesk({ studioId }: { studioId: string }) {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [found, setFound] = useState<RedemptionView | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const act = async (work: () => Promise<RedemptionView>, said: (r: RedemptionView) => string) => {
    setBusy(true)
    try {
      const result = await work()
      setFound(result)
      Taro.showToast({ title: said(result), icon: 'none' })
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  const look = () => {
    const parsed = parseWith(redemptionCodeSchema, code)
    if (!parsed.ok) {
      setError(parsed.fields[''] ?? Object.values(parsed.fields)[0] ?? '请核对兑换码')
      return
    }
    setError(null)
    void act(() => getRedemption(studioId, parsed.value), (r) => `${r.residentName ?? '居民'}：${r.rewardName}`)
  }

  const refuse = () => {
    const parsed = parseWith(refuseRedemptionRequest, { reason })
    if (!parsed.ok) {
      setReasonError(parsed.fields.reason ?? '请写明原因')
      return
    }
    setReasonError(null)
    void act(() => refuseRedemption(studioId, found!.code, parsed.value.reason), (r) => `未发放，${r.cost} 个幸福币已退回`)
  }

  return (
    <View className='card redemption-desk'>
      <Text className='card-title'>兑换核销</Text>
      <Field label='兑换码' hint='居民在“我的幸福币 → 待领取”里出示' error={error ?? undefined} errorClass='redemption-code-error'>
        <Input className={`text-input redemption-code-input${error ? ' text-input--error' : ''}`} value={code} maxlength={10} placeholder='6 位兑换码' placeholderClass='input-placeholder' onInput={(e) => setCode(e.detail.value)} />
      </Field>
      <Button className='btn btn--secondary redemption-look' disabled={busy || undefined} onClick={look}>查找</Button>
      {found ? (
        <View className='redemption-found' role='status'>
          <Text className='plain-line redemption-found-who'>{found.residentName}：{found.rewardName}（{found.cost} 个幸福币）</Text>
          <Text className='plain-line redemption-found-status'>状态：{REDEMPTION_STATUS_LABELS[found.status]}</Text>
          {found.status === 'reserved' ? (
            <View>
              <BusyButton label='发放' busyLabel='正在发放…' busy={busy} className='btn--primary redemption-hand-over' onClick={() => void act(() => handOverRedemption(studioId, found.code), () => '已发放')} />
              <Field label='不能发放的原因' error={reasonError ?? undefined} errorClass='refuse-reason-error'>
                <Input className='text-input text-input--plain refuse-reason' value={reason} maxlength={100} placeholder='例如：今天没带来' placeholderClass='input-placeholder' onInput={(e) => setReason(e.detail.value)} />
              </Field>
              <Button className='btn btn--secondary redemption-refuse' disabled={busy || undefined} onClick={refuse}>不发放，退回幸福币</Button>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

/** At the stand: credit residents for confirmed activities, and hand rewards over against their codes. */
export default function StaffCoinsPage() {
  const [user] = useSessionUser()
  const allowed = isStaffUser(user)
  const studioId = allowed ? user.studioId : ''
  const { state, retry } = usePageData(() => getCoinSettings(studioId), [studioId], { enabled: allowed })
  if (!allowed) return <NoStaffAccess user={user} />
  return (
    <Page className='staff-page staff-coins-page'>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <View>
          <AwardForm studioId={studioId} rules={state.data.rules} />
          <RedemptionDesk studioId={studioId} />
        </View>
      ) : null}
    </Page>
  )
}
