import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { coinSettingsRequest, type CoinSettingsView } from '@shared/schemas/coins'
import { addDays, chinaDate } from '@shared/time'
import { parseWith } from '@shared/validation'
import { getCoinFigures, getCoinSettings, putCoinSettings } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { revealFirstError } from '../../../services/reveal-error'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { isAdminUser, NoAdminAccess } from '../../admin-access'
import '../../styles.css'

interface RuleRow { id: string; activity: string; coins: string }
interface RewardRow { id: string; name: string; cost: string; stock: string }

/** A new row's id: short, lower case, unique enough within one studio's list. */
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`
/** A typed number as the schema should see it: empty stays missing (its own message), digits become a number. */
const numberOf = (text: string): number | undefined => (text.trim() === '' ? undefined : /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN)

function FormOf({ studioId, settings }: { studioId: string; settings: CoinSettingsView }) {
  const [rules, setRules] = useState<RuleRow[]>(settings.rules.map((r) => ({ id: r.id, activity: r.activity, coins: String(r.coins) })))
  const [rewards, setRewards] = useState<RewardRow[]>(settings.rewards.map((r) => ({ id: r.id, name: r.name, cost: String(r.cost), stock: String(r.stock) })))
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const setRule = (i: number, patch: Partial<RuleRow>) => setRules(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const setReward = (i: number, patch: Partial<RewardRow>) => setRewards(rewards.map((r, j) => (j === i ? { ...r, ...patch } : r)))

  const save = async () => {
    const body = {
      rules: rules.map((r) => ({ id: r.id, activity: r.activity, coins: numberOf(r.coins) })),
      rewards: rewards.map((r) => ({ id: r.id, name: r.name, cost: numberOf(r.cost), stock: numberOf(r.stock) })),
    }
    const parsed = parseWith(coinSettingsRequest, body)
    if (!parsed.ok) {
      setFields(parsed.fields)
      Taro.showToast({ title: '请按红字提示修改', icon: 'none' })
      revealFirstError()
      return
    }
    setBusy(true)
    try {
      await putCoinSettings(studioId, parsed.value)
      setFields({})
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (error) {
      if (isApiError(error) && error.fields) setFields(error.fields)
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <Text className='section-title'>做什么得幸福币</Text>
      {rules.map((r, i) => (
        <View className='card coin-rule-row' key={r.id}>
          <Field label='活动' error={fields[`rules.${i}.activity`]} errorClass='rule-activity-error'>
            <Input className='text-input text-input--plain rule-activity-input' value={r.activity} maxlength={20} placeholder='例如：邻里互助' placeholderClass='input-placeholder' onInput={(e) => setRule(i, { activity: e.detail.value })} />
          </Field>
          <Field label='每次得几个幸福币' error={fields[`rules.${i}.coins`]} errorClass='rule-coins-error'>
            <Input className='text-input text-input--plain rule-coins-input' type='number' value={r.coins} maxlength={3} placeholder='1–100' placeholderClass='input-placeholder' onInput={(e) => setRule(i, { coins: e.detail.value })} />
          </Field>
          <Button className='btn btn--secondary btn--compact rule-remove' onClick={() => setRules(rules.filter((_, j) => j !== i))}>删除这项</Button>
        </View>
      ))}
      {fields.rules ? <Text className='field-error rules-error'>{fields.rules}</Text> : null}
      <Button className='btn btn--secondary rule-add' onClick={() => setRules([...rules, { id: newId('r'), activity: '', coins: '' }])}>添加一项活动</Button>

      <Text className='section-title'>能换什么</Text>
      {rewards.map((r, i) => (
        <View className='card coin-reward-row' key={r.id}>
          <Field label='奖品' error={fields[`rewards.${i}.name`]} errorClass='reward-name-error'>
            <Input className='text-input text-input--plain reward-name-input' value={r.name} maxlength={20} placeholder='例如：毛巾一条' placeholderClass='input-placeholder' onInput={(e) => setReward(i, { name: e.detail.value })} />
          </Field>
          <Field label='要几个幸福币' error={fields[`rewards.${i}.cost`]} errorClass='reward-cost-error'>
            <Input className='text-input text-input--plain reward-cost-input' type='number' value={r.cost} maxlength={4} placeholder='1–1000' placeholderClass='input-placeholder' onInput={(e) => setReward(i, { cost: e.detail.value })} />
          </Field>
          <Field label='还有多少' hint='换出一个少一个；退回的会加回来' error={fields[`rewards.${i}.stock`]} errorClass='reward-stock-error'>
            <Input className='text-input text-input--plain reward-stock-input' type='number' value={r.stock} maxlength={4} placeholder='数量' placeholderClass='input-placeholder' onInput={(e) => setReward(i, { stock: e.detail.value })} />
          </Field>
          <Button className='btn btn--secondary btn--compact reward-remove' onClick={() => setRewards(rewards.filter((_, j) => j !== i))}>不再提供</Button>
        </View>
      ))}
      <Button className='btn btn--secondary reward-add' onClick={() => setRewards([...rewards, { id: newId('g'), name: '', cost: '', stock: '' }])}>添加一种奖品</Button>
      <Text className='field-hint'>不再提供的奖品，已兑换还没领取的照常发放。</Text>

      <BusyButton label='保存' busyLabel='正在保存…' busy={busy} className='btn--primary btn--huge coins-save' onClick={() => void save()} />
    </View>
  )
}

const hours = (minutes: number) => `${Math.floor(minutes / 60)} 小时${minutes % 60 ? ` ${minutes % 60} 分` : ''}`

/** 本月数字: coins issued and redeemed, and volunteer time served at stands, this month or the one before. */
function Figures({ studioId }: { studioId: string }) {
  const now = chinaDate(new Date())
  const months = [now.slice(0, 7), addDays(`${now.slice(0, 7)}-01`, -1).slice(0, 7)]
  const [month, setMonth] = useState(months[0]!)
  const { state, retry } = usePageData(() => getCoinFigures(studioId, month), [studioId, month])
  return (
    <View className='card coin-figures'>
      <Text className='card-title'>幸福币与志愿服务</Text>
      <ChipGroup label='月份' kind='radio' chipClass='figures-month' options={months.map((m, i) => ({ value: m, label: i === 0 ? '本月' : '上月' }))} isOn={(m) => m === month} onTap={setMonth} />
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <View className='figures-grid'>
          <Text className='plain-line figure-issued'>发出 {state.data.issued} 个（{state.data.awards} 次）</Text>
          <Text className='plain-line figure-redeemed'>兑换 {state.data.redeemed} 个（{state.data.redemptions} 次），退回 {state.data.refunded} 个</Text>
          <Text className='plain-line figure-hours'>服务点志愿服务 {hours(state.data.volunteerMinutes)}（{state.data.volunteerShifts} 人次）</Text>
        </View>
      ) : null}
    </View>
  )
}

/** 幸福币规则与奖品 (admins): the activities that earn coins and the rewards they buy. */
export default function AdminCoinsPage() {
  const [user] = useSessionUser()
  const allowed = isAdminUser(user)
  const studioId = allowed ? user.studioId : ''
  const { state, retry } = usePageData(() => getCoinSettings(studioId), [studioId], { enabled: allowed })
  if (!allowed) return <NoAdminAccess user={user} />
  return (
    <Page className='admin-page admin-coins-page'>
      <PageState state={state} onRetry={retry} />
      {allowed ? <Figures studioId={studioId} /> : null}
      {state.status === 'ready' ? <FormOf studioId={studioId} settings={state.data} /> : null}
    </Page>
  )
}
