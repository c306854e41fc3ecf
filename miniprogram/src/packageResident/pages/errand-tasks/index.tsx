import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { contactEntryRequest, ERRAND_CONTACT_KINDS, ERRAND_CONTACT_LABELS, type ErrandView } from '@shared/schemas/errands'
import { parseWith } from '@shared/validation'
import { addErrandContact, claimErrand, deliverErrand, getErrand, listMyErrandTasks, listOpenErrands, revealErrandContact } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { openPage } from '../../../services/navigation'
import { VOLUNTEER_PAGE } from '../../../services/platform'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { ErrandSummary } from '../../errand-summary'
import { studioIdOf, studioPageGate } from '../../studio-page'

type ContactKind = (typeof ERRAND_CONTACT_KINDS)[number]

/** 记联系: a call, a visit or a note on the order (需跟进 when something is still to do). */
function ContactForm({ studioId, errandId, onSaved }: { studioId: string; errandId: string; onSaved: (e: ErrandView) => void }) {
  const [kind, setKind] = useState<ContactKind>('call')
  const [text, setText] = useState('')
  const [followUp, setFollowUp] = useState(false)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const save = async () => {
    const parsed = parseWith(contactEntryRequest, { kind, text, followUp })
    if (!parsed.ok) {
      setError(Object.values(parsed.fields)[0])
      return
    }
    setBusy(true)
    try {
      onSaved(await addErrandContact(studioId, errandId, parsed.value))
      setText('')
      setError(undefined)
      Taro.showToast({ title: '已记下', icon: 'none' })
    } catch (e) {
      if (isApiError(e) && e.fields) setError(Object.values(e.fields)[0])
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='errand-contact-form'>
      <ChipGroup label='联系方式' kind='radio' chipClass='contact-kind-chip' options={ERRAND_CONTACT_KINDS.map((k) => ({ value: k, label: ERRAND_CONTACT_LABELS[k] }))} isOn={(k) => k === kind} onTap={setKind} />
      <Field label='联系情况' error={error} errorClass='contact-error'>
        <Input className='text-input text-input--plain contact-text' value={text} maxlength={200} placeholder='例如：约好下午三点送到' placeholderClass='input-placeholder' onInput={(e) => setText(e.detail.value)} />
      </Field>
      <ChipGroup label='需跟进' kind='checkbox' chipClass='follow-up-chip' options={[{ value: 'yes', label: '需跟进' }]} isOn={() => followUp} onTap={() => setFollowUp(!followUp)} />
      <BusyButton label='记下' busyLabel='正在记…' busy={busy} className='btn--secondary contact-save' onClick={() => void save()} />
    </View>
  )
}

/** One order given to me: 查看地址电话 (recorded), 已送达, the contact log. */
function MyTask({ studioId, errand, onChanged }: { studioId: string; errand: ErrandView; onChanged: (e: ErrandView) => void }) {
  const [contact, setContact] = useState<{ address: string; phone: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const act = async (work: () => Promise<void>) => {
    setBusy(true)
    try {
      await work()
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }
  const reveal = () => act(async () => setContact(await revealErrandContact(studioId, errand.id)))
  const deliver = () =>
    act(async () => {
      onChanged(await deliverErrand(studioId, errand.id))
      Taro.showToast({ title: '已标记送达，等居民确认', icon: 'none' })
    })
  const showContacts = () => act(async () => onChanged(await getErrand(studioId, errand.id)))
  const mayReveal = errand.status === 'assigned' || errand.status === 'delivered'
  return (
    <ErrandSummary errand={errand}>
      {contact ? (
        <View className='errand-contact-box' role='status'>
          <Text className='plain-line errand-address'>地址：{contact.address}</Text>
          <Text className='plain-line errand-phone'>电话：{contact.phone || '（没有留电话）'}</Text>
        </View>
      ) : mayReveal ? (
        <BusyButton label='查看地址和电话' busyLabel='正在查看…' busy={busy} className='btn--secondary errand-reveal' onClick={() => void reveal()} />
      ) : errand.status === 'claimed' ? (
        <Text className='plain-line errand-wait'>已接单，等工作人员确认后可以看地址。</Text>
      ) : null}
      {errand.actions.includes('deliver') ? <BusyButton label='已上门/已送达' busyLabel='正在提交…' busy={busy} className='btn--primary errand-deliver' onClick={() => void deliver()} /> : null}
      {errand.contacts?.length ? (
        <View className='errand-contacts'>
          {errand.contacts.map((c) => (
            <Text key={c.id} className='plain-line errand-contact-line'>
              {ERRAND_CONTACT_LABELS[c.kind]} · {c.by}：{c.text}{c.followUp ? '（需跟进）' : ''}
            </Text>
          ))}
        </View>
      ) : null}
      {mayReveal && !errand.contacts ? <Button className='btn btn--secondary errand-contacts-open' onClick={() => void showContacts()}>联系记录</Button> : null}
      {mayReveal ? <ContactForm studioId={studioId} errandId={errand.id} onSaved={onChanged} /> : null}
    </ErrandSummary>
  )
}

/** 志愿者接单: reviewed orders I may claim (the area only), and the ones given to me. */
export default function ErrandTasksPage() {
  const { params } = useRouter()
  const studioId = studioIdOf(params)
  const [user] = useSessionUser()
  const [claiming, setClaiming] = useState<string | null>(null)
  const { state, retry, setData, reload } = usePageData(
    async () => {
      const [open, mine] = await Promise.all([listOpenErrands(studioId).catch((e: unknown) => (isApiError(e) && e.status === 403 ? null : Promise.reject(e))), listMyErrandTasks(studioId)])
      return { open: open?.errands ?? null, mine: mine.errands }
    },
    [studioId],
    { enabled: !!user && !!studioId, initial: () => (studioId ? { status: 'loading' } : { status: 'error', message: '先扫一扫服务点的二维码，才知道是哪个工作室' }), reloadOnShow: true },
  )
  const gate = studioPageGate('errand-tasks-page', user, state, '登录后志愿者可以接单。', studioId ? retry : undefined)
  if (gate || state.status !== 'ready') return gate
  const { open, mine } = state.data
  const claim = async (id: string) => {
    setClaiming(id)
    try {
      const taken = await claimErrand(studioId, id)
      Taro.showToast({ title: taken.status === 'claimed' ? '已接单，等工作人员确认' : '接单成功', icon: 'none' })
      setData((d) => ({ open: d.open?.filter((e) => e.id !== id) ?? null, mine: [taken, ...d.mine] }))
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
      await reload()
    } finally {
      setClaiming(null)
    }
  }
  const replace = (e: ErrandView) => setData((d) => ({ ...d, mine: d.mine.map((x) => (x.id === e.id ? e : x)) }))
  return (
    <Page className='errand-tasks-page'>
      <Text className='section-title'>派给我的</Text>
      {mine.length ? mine.map((e) => <MyTask key={e.id} studioId={studioId} errand={e} onChanged={replace} />) : <Text className='plain-line my-tasks-empty'>还没有派给您的单。</Text>}
      <Text className='section-title'>可以接的单</Text>
      {open === null ? (
        <View className='card card--hint not-volunteer'>
          <Text className='plain-line'>审核通过的志愿者才能接单。</Text>
          <Button className='btn btn--secondary volunteer-link' onClick={() => openPage(VOLUNTEER_PAGE)}>去登记当志愿者</Button>
        </View>
      ) : open.length ? (
        open.map((e) => (
          <ErrandSummary key={e.id} errand={e}>
            <BusyButton label='接单' busyLabel='正在接单…' busy={claiming === e.id} className='btn--primary errand-claim' onClick={() => void claim(e.id)} />
          </ErrandSummary>
        ))
      ) : (
        <Text className='plain-line open-empty'>现在没有可以接的单。</Text>
      )}
    </Page>
  )
}
