import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { contactEntryRequest, ERRAND_CONTACT_LABELS, ERRAND_STATUS_LABELS, ERRAND_URGENCY_LABELS, type ErrandStatus, type ErrandView } from '@shared/schemas/errands'
import { parseWith } from '@shared/validation'
import { addErrandContact, assignErrand, cancelErrand, confirmErrand, decideErrandClaim, deliverErrand, getErrand, getErrandFigures, listStudioErrands, listVolunteerTeams, reviewErrand } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { openPage } from '../../../services/navigation'
import { ERRANDS_PAGE } from '../../../services/platform'
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

/** The queue's tabs: what waits for staff first. */
const TABS: ErrandStatus[] = ['ordered', 'claimed', 'open', 'assigned', 'delivered', 'confirmed', 'cancelled']

type Mode = 'refuse' | 'assign' | 'confirm' | 'cancel' | 'contacts' | null
interface Volunteer {
  userId: string
  displayName: string
}

/** One order for staff: its details and the buttons its status allows (审核, 派单, 确认接单, 送达, 确认, 取消, 联系记录). */
function QueueOrder({ studioId, errand, volunteers, onChanged }: { studioId: string; errand: ErrandView; volunteers: Volunteer[]; onChanged: (e: ErrandView) => void }) {
  const [mode, setMode] = useState<Mode>(null)
  const [text, setText] = useState('')
  const [pick, setPick] = useState<string>('')
  const [rating, setRating] = useState<number | undefined>()
  const [followUp, setFollowUp] = useState(false)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const has = (action: string) => errand.actions.includes(action)

  const act = async (work: () => Promise<ErrandView>, said: string, keepOpen = false) => {
    setBusy(true)
    try {
      const next = await work()
      onChanged(next)
      Taro.showToast({ title: said, icon: 'none' })
      setText('')
      setError(undefined)
      if (!keepOpen) setMode(null)
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }
  const need = (ok: boolean, message: string) => {
    if (!ok) setError(message)
    return ok
  }
  const send = () => {
    if (mode === 'refuse' && need(text.trim().length > 0, '不通过请写明原因，下单的人会看到')) void act(() => reviewErrand(studioId, errand.id, { approve: false, reason: text }), '已退回下单人')
    if (mode === 'cancel' && need(text.trim().length >= 2, '请写明取消的原因（至少 2 个字）')) void act(() => cancelErrand(studioId, errand.id, text), '已取消')
    if (mode === 'assign' && need(!!pick, '请选一位志愿者')) void act(() => assignErrand(studioId, errand.id, pick), '已派单')
    if (mode === 'confirm' && need(!!rating, '请为服务打分')) void act(() => confirmErrand(studioId, errand.id, { rating: rating!, ...(text.trim() ? { comment: text } : {}) }), '已确认完成')
    if (mode === 'contacts') {
      const parsed = parseWith(contactEntryRequest, { kind: 'call', text, followUp })
      if (need(parsed.ok, parsed.ok ? '' : Object.values(parsed.fields)[0] ?? '请写明联系的情况')) void act(() => addErrandContact(studioId, errand.id, { kind: 'call', text, followUp }), '已记下', true)
    }
  }
  const openContacts = () => void act(() => getErrand(studioId, errand.id), '联系记录已打开', true).then(() => setMode('contacts'))

  return (
    <View className={`card queue-errand queue-errand--${errand.status}`}>
      <Text className='card-title queue-errand-title'>{errand.kindName} · {errand.personName}</Text>
      <Text className='plain-line queue-errand-line'>{errand.forWhom} · {ERRAND_URGENCY_LABELS[errand.urgency]} · {errand.when}</Text>
      <Text className='plain-line queue-errand-line'>片区：{errand.area}{errand.onBehalf ? '（代下单）' : ''}</Text>
      {errand.note ? <Text className='plain-line'>备注：{errand.note}</Text> : null}
      {errand.volunteerName ? <Text className='plain-line queue-errand-volunteer'>志愿者：{errand.volunteerName}（{ERRAND_STATUS_LABELS[errand.status]}）</Text> : null}
      {errand.reason ? <Text className='plain-line'>原因：{errand.reason}</Text> : null}
      {errand.rating ? <Text className='plain-line'>评分：{errand.rating} 分{errand.comment ? `，${errand.comment}` : ''}</Text> : null}
      {mode === 'contacts' && errand.contacts ? (
        <View className='queue-contacts'>
          {errand.contacts.length ? errand.contacts.map((c) => <Text key={c.id} className='plain-line queue-contact-line'>{ERRAND_CONTACT_LABELS[c.kind]} · {c.by}：{c.text}{c.followUp ? '（需跟进）' : ''}</Text>) : <Text className='plain-line'>还没有联系记录。</Text>}
        </View>
      ) : null}
      {mode ? (
        <View className='queue-form'>
          {mode === 'assign' ? (
            volunteers.length ? <ChipGroup label='派给哪位志愿者' kind='radio' columns={2} chipClass='assign-chip' options={volunteers.map((v) => ({ value: v.userId, label: v.displayName }))} isOn={(id) => id === pick} onTap={setPick} /> : <Text className='plain-line'>服务队里还没有志愿者，请管理员先把志愿者编入服务队。</Text>
          ) : null}
          {mode === 'confirm' ? <ChipGroup label='打分' kind='radio' columns={5} chipClass='staff-rating-chip' options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: `${n} 分` }))} isOn={(n) => n === rating} onTap={setRating} /> : null}
          {mode === 'contacts' ? <ChipGroup label='需跟进' kind='checkbox' chipClass='queue-follow-up' options={[{ value: 'yes', label: '需跟进' }]} isOn={() => followUp} onTap={() => setFollowUp(!followUp)} /> : null}
          {mode !== 'assign' ? (
            <Field label={{ refuse: '不通过的原因', cancel: '取消的原因', confirm: '评价（可以不填）', contacts: '记一次电话联系' }[mode]} error={error} errorClass='queue-error'>
              <Input className='text-input text-input--plain queue-text' value={text} maxlength={200} placeholderClass='input-placeholder' onInput={(e) => setText(e.detail.value)} />
            </Field>
          ) : error ? <Text className='field-error queue-error'>{error}</Text> : null}
          <BusyButton label='提交' busyLabel='正在提交…' busy={busy} className='btn--primary queue-send' onClick={send} />
          <Button className='btn btn--secondary queue-back' onClick={() => setMode(null)}>收起</Button>
        </View>
      ) : (
        <View className='queue-buttons'>
          {has('approve') ? <BusyButton label='审核通过' busyLabel='正在提交…' busy={busy} className='btn--primary queue-approve' onClick={() => void act(() => reviewErrand(studioId, errand.id, { approve: true }), '已通过，志愿者可以看到了')} /> : null}
          {has('refuse') ? <Button className='btn btn--secondary queue-refuse' onClick={() => setMode('refuse')}>不通过</Button> : null}
          {has('acceptClaim') ? <BusyButton label='同意接单' busyLabel='正在提交…' busy={busy} className='btn--primary queue-accept-claim' onClick={() => void act(() => decideErrandClaim(studioId, errand.id, true), '已同意接单')} /> : null}
          {has('returnClaim') ? <Button className='btn btn--secondary queue-return-claim' onClick={() => void act(() => decideErrandClaim(studioId, errand.id, false), '已退回，重新等人接单')}>退回接单</Button> : null}
          {has('assign') ? <Button className='btn btn--secondary queue-assign' onClick={() => setMode('assign')}>派单</Button> : null}
          {has('deliver') ? <Button className='btn btn--secondary queue-deliver' onClick={() => void act(() => deliverErrand(studioId, errand.id), '已标记送达')}>标记已送达</Button> : null}
          {has('confirm') ? <Button className='btn btn--primary queue-confirm' onClick={() => setMode('confirm')}>代确认完成</Button> : null}
          {has('cancel') ? <Button className='btn btn--secondary queue-cancel' onClick={() => setMode('cancel')}>取消这单</Button> : null}
          <Button className='btn btn--secondary queue-contacts-open' onClick={openContacts}>联系记录</Button>
        </View>
      )}
    </View>
  )
}

/** 代办服务 for staff: this month's figures, the queue by status, 代下单 for someone without a phone. */
export default function StaffErrandsPage() {
  const [user] = useSessionUser()
  const allowed = isStaffUser(user)
  const studioId = allowed ? user.studioId : ''
  const [tab, setTab] = useState<ErrandStatus>('ordered')
  const { state, retry, setData } = usePageData(
    async () => {
      const [page, figures, teams] = await Promise.all([listStudioErrands(studioId, tab), getErrandFigures(studioId), listVolunteerTeams(studioId)])
      const volunteers = new Map<string, Volunteer>()
      for (const t of teams.teams) for (const m of t.members) volunteers.set(m.userId, m)
      return { errands: page.errands, figures, volunteers: [...volunteers.values()] }
    },
    [studioId, tab],
    { enabled: allowed, reloadOnShow: true },
  )
  if (!allowed) return <NoStaffAccess user={user} />
  const replace = (e: ErrandView) => setData((d) => ({ ...d, errands: d.errands.map((x) => (x.id === e.id ? e : x)) }))
  return (
    <Page className='staff-page staff-errands-page'>
      <Button className='btn btn--primary on-behalf-errand' onClick={() => openPage(`${ERRANDS_PAGE}?studioId=${studioId}&onBehalf=1`)}>代下单</Button>
      {state.status === 'ready' ? (
        <View className='card errand-figures' role='status'>
          <Text className='card-title'>本月（{state.data.figures.month}）</Text>
          <Text className='plain-line errand-figures-line'>
            下单 {Object.values(state.data.figures.byStatus).reduce((a, b) => a + b, 0)} 单 · 待审核 {state.data.figures.byStatus.ordered ?? 0} · 已确认 {state.data.figures.confirmed}
            {state.data.figures.averageRating !== undefined ? ` · 平均 ${state.data.figures.averageRating} 分` : ''}
          </Text>
        </View>
      ) : null}
      <ChipGroup label='状态' kind='radio' columns={4} chipClass='queue-tab' options={TABS.map((s) => ({ value: s, label: ERRAND_STATUS_LABELS[s] }))} isOn={(s) => s === tab} onTap={setTab} />
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        state.data.errands.length ? (
          state.data.errands.map((e) => <QueueOrder key={e.id} studioId={studioId} errand={e} volunteers={state.data.volunteers} onChanged={replace} />)
        ) : (
          <Text className='plain-line queue-empty'>没有“{ERRAND_STATUS_LABELS[tab]}”的单。</Text>
        )
      ) : null}
    </Page>
  )
}
