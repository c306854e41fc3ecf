import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { VOLUNTEER_SKILLS, VOLUNTEER_STATUS_LABELS, volunteerRequest, type MyVolunteerView, type VolunteerView } from '@shared/schemas/volunteers'
import { parseWith } from '@shared/validation'
import { getMyVolunteer, registerVolunteer, withdrawVolunteer } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { getLastStand } from '../../../services/last-stand'
import { revealFirstError } from '../../../services/reveal-error'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { SignInCard } from '../../../components/sign-in-card'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'

interface Draft {
  partyMember?: boolean
  inService: boolean
  organisation: string
  skills: string[]
  availability: string
}

const draftOf = (v?: VolunteerView): Draft =>
  v ? { partyMember: v.partyMember, inService: v.inService, organisation: v.organisation ?? '', skills: v.skills, availability: v.availability } : { inService: false, organisation: '', skills: [], availability: '' }

const YES_NO = [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }]

/** 登记 / 修改: party member (and 在职 with the unit: 双报到), what one can help with, when. */
function VolunteerForm({ studioId, current, onSaved }: { studioId: string; current?: VolunteerView; onSaved: () => void }) {
  const [draft, setDraft] = useState<Draft>(draftOf(current))
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const change = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch })

  const submit = async () => {
    const body = { partyMember: draft.partyMember, inService: draft.partyMember ? draft.inService : false, ...(draft.inService && draft.organisation.trim() ? { organisation: draft.organisation } : {}), skills: draft.skills, availability: draft.availability }
    const parsed = parseWith(volunteerRequest, body)
    if (!parsed.ok) {
      setFields(parsed.fields)
      Taro.showToast({ title: '请按红字提示修改', icon: 'none' })
      revealFirstError()
      return
    }
    setBusy(true)
    try {
      const saved = await registerVolunteer(studioId, parsed.value)
      setFields({})
      Taro.showToast({ title: saved.status === 'pending' ? '已提交，等工作室审核' : '已保存', icon: 'none' })
      onSaved()
    } catch (error) {
      if (isApiError(error) && error.fields) setFields(error.fields)
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card volunteer-form'>
      <Text className='card-title'>{current ? '修改登记' : '登记当志愿者'}</Text>
      <Field label='您是党员吗？' error={fields.partyMember} errorClass='party-error'>
        <ChipGroup label='您是党员吗？' kind='radio' chipClass='party-chip' options={YES_NO} isOn={(v) => draft.partyMember === (v === 'yes')} onTap={(v) => change({ partyMember: v === 'yes', ...(v === 'no' ? { inService: false } : {}) })} />
      </Field>
      {draft.partyMember ? (
        <Field label='是在职党员吗？' hint='在单位上班的党员，到居住的社区报到（双报到）' error={fields.inService} errorClass='in-service-error'>
          <ChipGroup label='是在职党员吗？' kind='radio' chipClass='in-service-chip' options={YES_NO} isOn={(v) => draft.inService === (v === 'yes')} onTap={(v) => change({ inService: v === 'yes' })} />
        </Field>
      ) : null}
      {draft.inService ? (
        <Field label='工作单位' error={fields.organisation} errorClass='organisation-error'>
          <Input className='text-input text-input--plain organisation-input' value={draft.organisation} maxlength={40} placeholder='例如：洛社中心小学' placeholderClass='input-placeholder' onInput={(e) => change({ organisation: e.detail.value })} />
        </Field>
      ) : null}
      <Field label='能帮什么（可多选）' error={fields.skills} errorClass='skills-error'>
        <ChipGroup
          label='能帮什么'
          kind='checkbox'
          columns={2}
          chipClass='skill-chip'
          options={VOLUNTEER_SKILLS.map((s) => ({ value: s, label: s }))}
          isOn={(s) => draft.skills.includes(s)}
          onTap={(s) => change({ skills: draft.skills.includes(s) ? draft.skills.filter((x) => x !== s) : [...draft.skills, s] })}
        />
      </Field>
      <Field label='什么时候有空' error={fields.availability} errorClass='availability-error'>
        <Input className='text-input text-input--plain availability-input' value={draft.availability} maxlength={40} placeholder='例如：周六上午、工作日晚上' placeholderClass='input-placeholder' onInput={(e) => change({ availability: e.detail.value })} />
      </Field>
      <BusyButton label={current ? '保存修改' : '提交登记'} busyLabel='正在提交…' busy={busy} className='btn--primary btn--huge volunteer-submit' onClick={() => void submit()} />
    </View>
  )
}

function StatusCard({ data }: { data: MyVolunteerView }) {
  const r = data.registration!
  return (
    <View className={`card card--hint volunteer-status volunteer-status--${r.status}`} role='status'>
      <Text className='card-title'>志愿者登记：{VOLUNTEER_STATUS_LABELS[r.status]}</Text>
      {r.status === 'pending' ? <Text className='plain-line'>工作室审核后会告诉您。</Text> : null}
      {r.status === 'declined' && r.reason ? <Text className='plain-line volunteer-reason'>原因：{r.reason}</Text> : null}
      {r.status === 'approved' ? (
        <Text className='plain-line volunteer-teams'>{data.teams.length ? `所在服务队：${data.teams.map((t) => `${t.name}${t.leader ? '（队长）' : ''}`).join('、')}` : '还没有编入服务队，工作室会安排。'}</Text>
      ) : null}
      {data.served && data.served.shifts > 0 ? (
        <Text className='plain-line volunteer-served'>
          在服务点服务了 {data.served.shifts} 次，共 {Math.floor(data.served.minutes / 60)} 小时{data.served.minutes % 60 ? ` ${data.served.minutes % 60} 分` : ''}
        </Text>
      ) : r.status === 'approved' ? (
        <Text className='plain-line volunteer-served'>到服务点帮忙时，请工作人员为您签到、签退：每满 1 小时记幸福币。</Text>
      ) : null}
    </View>
  )
}

/** 当志愿者: register with the studio of the last stand, see the studio's answer and one's teams, change or leave. */
export default function VolunteerPage() {
  const { params } = useRouter()
  const studioId = (typeof params.studioId === 'string' && params.studioId) || getLastStand()?.studioId || ''
  const [user] = useSessionUser()
  const [editing, setEditing] = useState(false)
  const { state, retry, reload } = usePageData(() => getMyVolunteer(studioId), [studioId], {
    enabled: !!user && !!studioId,
    initial: () => (studioId ? { status: 'loading' } : { status: 'error', message: '先扫一扫服务点的二维码，才知道向哪个工作室登记' }),
    reloadOnShow: true,
  })

  if (!user) {
    return (
      <Page className='volunteer-page'>
        <SignInCard why='登录后可以登记当志愿者。' />
      </Page>
    )
  }
  if (state.status !== 'ready') {
    return (
      <Page className='volunteer-page'>
        <PageState state={state} onRetry={studioId ? retry : undefined} />
      </Page>
    )
  }

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({ title: '退出志愿者？', content: '会离开所在的服务队。以后可以重新登记。', confirmText: '退出', cancelText: '不退出' })
    if (!confirm) return
    try {
      await withdrawVolunteer(studioId)
      Taro.showToast({ title: '已退出', icon: 'none' })
      await reload()
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    }
  }

  const registration = state.data.registration
  const active = registration && (registration.status === 'pending' || registration.status === 'approved')
  return (
    <Page className='volunteer-page'>
      {registration ? <StatusCard data={state.data} /> : null}
      {!active || editing ? (
        <VolunteerForm
          studioId={studioId}
          current={active ? registration : undefined}
          onSaved={() => {
            setEditing(false)
            void reload()
          }}
        />
      ) : (
        <View>
          <Button className='btn btn--secondary volunteer-edit' onClick={() => setEditing(true)}>修改登记</Button>
          <Button className='btn btn--secondary volunteer-withdraw' onClick={() => void withdraw()}>退出志愿者</Button>
        </View>
      )}
    </Page>
  )
}
