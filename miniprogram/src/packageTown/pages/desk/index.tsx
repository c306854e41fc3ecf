import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { createTownStudioRequest, type CreatedTownStudio, type StudioFiguresRow } from '@shared/schemas/towns'
import { formatRate } from '@shared/submission/lifecycle'
import { chinaDate } from '@shared/time'
import { parseWith } from '@shared/validation'
import { createTownStudio, downloadTownFiguresCsv, getTownFigures } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { isWeapp, TOWN_COORDINATIONS_PAGE, TOWN_UNITS_PAGE } from '../../../services/platform'
import { openPage } from '../../../services/navigation'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { AccessGate } from '../../../components/ui/access-gate'
import { BusyButton } from '../../../components/ui/busy-button'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { saveCsv } from '../../../packageRep/csv'
import '../../styles.css'

const rate = (value: number | null) => (value === null ? '—' : formatRate(value))

function StudioFigures({ row }: { row: StudioFiguresRow }) {
  const figures: [string, string][] = [
    ['收到意见', String(row.received)],
    ['响应率', rate(row.responseRate)],
    ['解决率', rate(row.resolutionRate)],
    ['满意率', rate(row.satisfactionRate)],
    ['超期', String(row.overdue)],
    ['预约', String(row.bookings)],
    ['已服务', String(row.served)],
    ['爽约', String(row.noShows)],
  ]
  return (
    <View className='card town-studio'>
      <Text className='entry-title town-studio-name'>{row.name}</Text>
      <View className='figures-row'>
        {figures.map(([label, value]) => (
          <View className='figure' key={label}>
            <Text className='figure-value'>{value}</Text>
            <Text className='figure-label'>{label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** 新建工作室: name and address; the answer is the first admin's invite code, shown large to hand over. */
function NewStudioForm({ townId, onCreated }: { townId: string; onCreated: () => void }) {
  const [name, setName] = useState('')
  const [address, setAddress] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<CreatedTownStudio>()
  const submit = async () => {
    const parsed = parseWith(createTownStudioRequest, { name, address })
    if (!parsed.ok) {
      setErrors(parsed.fields)
      return
    }
    setErrors({})
    setBusy(true)
    try {
      const result = await createTownStudio(townId, parsed.value)
      setCreated(result)
      setName('')
      setAddress('')
      Taro.showToast({ title: `已新建${result.studio.name}`, icon: 'none' })
      onCreated()
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card new-studio-card'>
      <Text className='card-title'>新建工作室</Text>
      <Field label='工作室名称' error={errors.name} errorClass='studio-name-error'>
        <Input className='text-input text-input--plain studio-name-input' value={name} maxlength={40} placeholder='例如：新开河村党代表工作室' placeholderClass='input-placeholder' onInput={(e) => setName(e.detail.value)} />
      </Field>
      <Field label='地址' error={errors.address} errorClass='studio-address-error'>
        <Input className='text-input text-input--plain studio-address-input' value={address} maxlength={80} placeholder='例如：新开河村村委会二楼' placeholderClass='input-placeholder' onInput={(e) => setAddress(e.detail.value)} />
      </Field>
      <BusyButton label='新建并生成管理员邀请码' busyLabel='正在新建…' busy={busy} className='btn--primary new-studio-submit' onClick={() => void submit()} />
      {created ? (
        <View className='created-studio'>
          <Text className='plain-line'>「{created.studio.name}」的首位管理员邀请码：</Text>
          <Text className='invite-code admin-invite-code'>{created.adminInvite.code}</Text>
          <Text className='plain-line'>请交给这个工作室的管理员，在「我的 → 加入工作室」输入。{chinaDate(created.adminInvite.expiresAt)} 前有效，只能用一次。</Text>
        </View>
      ) : null}
    </View>
  )
}

/** 镇街工作台 (town admins): every studio of the town side by side this month, the CSV, and 新建工作室. */
export default function TownDeskPage() {
  const [user] = useSessionUser()
  const townId = user?.role === 'town_admin' && user.townId ? user.townId : ''
  const month = chinaDate(new Date()).slice(0, 7)
  const [exporting, setExporting] = useState(false)
  const { state, retry, reload } = usePageData(() => getTownFigures(townId, month), [townId, month], { enabled: Boolean(townId), reloadOnShow: true })
  if (!townId) return <AccessGate user={user} pageClass='town-desk-page' gateClass='no-town-access' refusal='镇街工作台只对镇街管理员开放。' hint='镇街管理员由系统运维人员设置。' />

  const exportCsv = async () => {
    if (exporting) return
    setExporting(true)
    try {
      const file = await downloadTownFiguresCsv(townId, month)
      const done = await saveCsv(file)
      if (!isWeapp()) Taro.showToast({ title: `已下载：${file.filename}`, icon: 'none', duration: 3000 })
      else if (done) Taro.showToast({ title: '已转发', icon: 'none' })
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    } finally {
      setExporting(false)
    }
  }

  return (
    <Page className='town-desk-page'>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <View>
          <Text className='section-title town-title'>{state.data.town.name} · {month.replace('-', ' 年 ')} 月</Text>
          {state.data.studios.length === 0 ? <Text className='plain-line town-no-studios'>本镇街还没有工作室，在下面新建一个。</Text> : null}
          {state.data.studios.map((row) => <StudioFigures key={row.studioId} row={row} />)}
          <BusyButton label='导出本月各工作室数据（CSV）' busyLabel='正在导出…' busy={exporting} className='btn--secondary town-export' onClick={() => void exportCsv()} />
          <View className='card card--link coordinations-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(TOWN_COORDINATIONS_PAGE)}>
            <Text className='entry-title'>协调会</Text>
            <Text className='plain-line'>每月召集成员单位开协调会：通知联络员，记录到会单位和会议决定</Text>
            <Text className='card-action'>打开 ›</Text>
          </View>
          <NewStudioForm townId={townId} onCreated={() => void reload()} />
          <View className='card card--link town-units-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(TOWN_UNITS_PAGE)}>
            <Text className='entry-title'>成员单位与三张清单</Text>
            <Text className='plain-line'>区域化党建成员单位、资源清单、需求清单、项目清单</Text>
            <Text className='card-action'>打开 ›</Text>
          </View>
        </View>
      ) : null}
    </Page>
  )
}
