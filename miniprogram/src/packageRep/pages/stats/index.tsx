import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Picker, Text, View } from '@tarojs/components'
import { formatRate } from '@shared/submission/lifecycle'
import { chinaDate } from '@shared/time'
import { downloadSubmissionsCsv, getStudioStats } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { isWeapp } from '../../../services/platform'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { useStudioCategories } from '../../../services/submission-settings'
import { PageState } from '../../../components/page-state'
import { isRepUser, NoRepAccess } from '../../rep-access'
import { saveCsv } from '../../csv'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

/** `2026-11` → `2026年11月` */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/** Hours with one decimal (`12.5 小时`), or `—` when nothing has been replied to yet. */
export function formatHours(hours: number | null): string {
  return hours === null ? '—' : `${(Math.round(hours * 10) / 10).toFixed(1)} 小时`
}

/** `2026-11-05` → `2026年11月5日` */
function dateLabel(date: string): string {
  const [y, m, d] = date.split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

function Figure({ value, label, className }: { value: string | number; label: string; className: string }) {
  return (
    <View className='stats-figure'>
      <Text className={`stats-value ${className}`}>{value}</Text>
      <Text className='stats-label'>{label}</Text>
    </View>
  )
}

function DateField({ value, start, end, className, onChange }: { value: string; start?: string; end?: string; className: string; onChange: (date: string) => void }) {
  return (
    <View className='date-picker-box'>
      <Picker mode='date' value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <View className={`picker-field picker-field--small ${className}`}>
          <Text className='picker-value'>{dateLabel(value)}</Text>
        </View>
      </Picker>
    </View>
  )
}

/** 办理统计: a month's figures for the studio (or one category), and the CSV export for a date range. */
export default function StatsPage() {
  const [user] = useSessionUser()
  const today = chinaDate(new Date())
  const thisMonth = today.slice(0, 7)
  const [month, setMonth] = useState(thisMonth)
  const [category, setCategory] = useState('')
  const [from, setFrom] = useState(`${thisMonth}-01`)
  const [to, setTo] = useState(today)
  const [exporting, setExporting] = useState(false)
  const studioId = isRepUser(user) ? user.studioId : ''
  const { state, retry } = usePageData(() => getStudioStats(studioId, { month, category: category || undefined }), [studioId, month, category], {
    enabled: !!studioId,
    pullDownRefresh: true,
    onRefreshError: 'error',
  })
  // the studio's own categories for the filter (the defaults if they cannot be loaded)
  const { categories } = useStudioCategories(studioId)

  const exportCsv = async () => {
    if (exporting || !studioId) return
    if (from > to) {
      Taro.showToast({ title: '结束日期应不早于开始日期', icon: 'none', duration: 2500 })
      return
    }
    setExporting(true)
    Taro.showLoading({ title: '正在导出…', mask: true })
    try {
      const file = await downloadSubmissionsCsv(studioId, from, to)
      Taro.hideLoading()
      try {
        const done = await saveCsv(file)
        if (!isWeapp()) Taro.showToast({ title: `已下载：${file.filename}`, icon: 'none', duration: 3000 })
        else if (done) Taro.showToast({ title: '已转发', icon: 'none' })
      } catch {
        Taro.showToast({ title: '表格没有保存成功，请再点一次导出', icon: 'none', duration: 3000 })
      }
    } catch (error) {
      Taro.hideLoading()
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setExporting(false)
    }
  }

  if (!isRepUser(user)) return <NoRepAccess user={user} />

  const data = state.status === 'ready' ? state.data : null

  return (
    <Page className='rep-page stats-page'>
      <Text className='field-label'>月份</Text>
      <Picker mode='date' fields='month' value={month} end={thisMonth} onChange={(e) => setMonth(String(e.detail.value).slice(0, 7))}>
        <View className='picker-field stats-month'>
          <Text className='picker-value'>{monthLabel(month)}</Text>
          <Text className='picker-arrow'>›</Text>
        </View>
      </Picker>

      <View className='chip-row chip-row--compact category-filter'>
        {['', ...categories.map((c) => c.name)].map((c) => (
          <View
            key={c || 'all'}
            className={`chip chip--small stats-category-chip${category === c ? ' chip--on' : ''}`}
            role='radio'
            aria-checked={category === c}
            onClick={() => setCategory(c)}
          >
            <Text>{c || '全部'}</Text>
          </View>
        ))}
      </View>

      <PageState state={state} onRetry={retry} />

      {data ? (
        <View className='stats-result'>
          <View className='card stats-card'>
            <Text className='card-title'>{monthLabel(month)}{category ? ` · ${category}` : ''}</Text>
            <View className='stats-grid'>
              <Figure value={data.received} label='收到' className='stats-received' />
              <Figure value={data.accepted} label='受理' className='stats-accepted' />
              <Figure value={data.replied} label='答复' className='stats-replied' />
              <Figure value={data.resolved} label='办结' className='stats-resolved' />
            </View>
          </View>

          <View className='card stats-card'>
            <View className='stats-grid stats-grid--3'>
              <Figure value={formatRate(data.responseRate)} label='响应率' className='stats-response-rate' />
              <Figure value={formatRate(data.resolutionRate)} label='解决率' className='stats-resolution-rate' />
              <Figure value={formatRate(data.satisfactionRate)} label='满意率' className='stats-satisfaction-rate' />
            </View>
            <Text className='stats-note'>响应率：按时受理的占收到的比例；解决率：办结为“已解决”的占收到的比例（办结 {data.resolved} 条，其中已解决 {data.fixed} 条；不属于职责、无法解决等不算）；{data.rated > 0 ? `满意率：满意和基本满意的占 ${data.rated} 条评价的比例。` : '满意率：还没有人评价，有评价后才算。'}没有数据时显示“—”。</Text>
          </View>

          <View className='card stats-card'>
            <View className='stats-row'>
              <Text className='stats-row-label'>首次答复中位时长</Text>
              <Text className='stats-row-value stats-median-hours'>{formatHours(data.medianHoursToFirstReply)}</Text>
            </View>
            <View className='stats-row'>
              <Text className='stats-row-label'>目前超期</Text>
              <Text className={`stats-row-value stats-overdue${data.overdue > 0 ? ' stats-overdue--some' : ''}`}>{data.overdue} 条</Text>
            </View>
            <View className='stats-row'>
              <Text className='stats-row-label'>居民催办</Text>
              <Text className='stats-row-value stats-chased'>{data.chased} 条</Text>
            </View>
            <View className='stats-row'>
              <Text className='stats-row-label'>超期上报管理员</Text>
              <Text className='stats-row-value stats-escalated'>{data.escalated} 条</Text>
            </View>
          </View>

          {data.byDepartment.length > 0 ? (
            <View className='card stats-card stats-departments'>
              <Text className='card-title'>各部门（交办的大事）</Text>
              <Text className='field-hint stats-department-hint'>响应：一个工作日内签收的；解决：以“已解决”办结的</Text>
              {data.byDepartment.map((d) => (
                <View key={d.departmentId ?? d.department} className='stats-row stats-department'>
                  <Text className='stats-row-label'>{d.department}</Text>
                  <Text className='stats-row-value'>
                    交办 {d.handedOn}{d.acknowledged !== undefined ? ` · 响应 ${d.acknowledgedInTime ?? 0}（${formatRate(d.responseRate ?? null)}）` : ''} · 已答复 {d.replied} · 已解决 {d.fixed}（{formatRate(d.resolutionRate)}）{d.overdue > 0 ? ` · 超期 ${d.overdue}` : ''}
                  </Text>
                </View>
              ))}
            </View>
          ) : null}

          {data.byGrid.length > 0 ? (
            <View className='card stats-card stats-grids'>
              <Text className='card-title'>各网格（本月）</Text>
              <Text className='field-hint stats-grid-hint'>按居民提交时选的网格统计，算法与全工作室相同</Text>
              <View className='stats-table-row stats-table-head'>
                <Text className='stats-table-name'>网格</Text>
                <Text className='stats-table-cell'>件数</Text>
                <Text className='stats-table-cell'>响应率</Text>
                <Text className='stats-table-cell'>解决率</Text>
                <Text className='stats-table-cell'>满意率</Text>
              </View>
              {data.byGrid.map((g) => (
                <View key={g.gridId} className='stats-table-row stats-grid-row'>
                  <Text className='stats-table-name'>{g.grid}</Text>
                  <Text className='stats-table-cell'>{g.received}</Text>
                  <Text className='stats-table-cell'>{formatRate(g.responseRate)}</Text>
                  <Text className='stats-table-cell'>{formatRate(g.resolutionRate)}</Text>
                  <Text className='stats-table-cell'>{formatRate(g.satisfactionRate)}</Text>
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}

      <View className='card export-card'>
        <Text className='card-title'>导出意见明细（CSV 表格）</Text>
        <Text className='plain-line'>按收到日期导出，可以用 Excel 或 WPS 打开。</Text>
        <View className='date-row'>
          <DateField value={from} end={today} className='export-from' onChange={setFrom} />
          <Text className='time-dash'>至</Text>
          <DateField value={to} end={today} className='export-to' onChange={setTo} />
        </View>
        <Button
          className={`btn btn--primary export-csv${exporting ? ' btn--busy' : ''}`}
          loading={exporting || undefined}
          disabled={exporting || undefined}
          onClick={() => void exportCsv()}
        >
          导出 CSV
        </Button>
      </View>
    </Page>
  )
}
