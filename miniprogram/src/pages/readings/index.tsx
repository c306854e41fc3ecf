import { useState } from 'react'
import { assessBloodPressure, NOT_A_DIAGNOSIS } from '@shared/readings/blood-pressure'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { HealthConsentView, ReadingView } from '@shared/schemas/reading'
import { chinaDate, chinaTime, formatChinaDate } from '@shared/time'
import { deleteMyReading, getMyReadings, setHealthConsent } from '../../services/api'
import { errorMessage, isApiError } from '../../services/request'
import { usePageData } from '../../services/use-page-data'
import { useSessionUser } from '../../services/use-session-user'
import { ReadingsChart } from '../../components/readings-chart'
import { PageState } from '../../components/page-state'
import { SignInCard } from '../../components/sign-in-card'
import { Page } from '../../components/ui/page'
import './index.css'

function longDate(iso: string): string {
  const [y, m, d] = chinaDate(iso).split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

/** `10月7日 周二 09:20`, with the year when it is not this year (readings are kept for months). */
function when(reading: ReadingView): string {
  const date = chinaDate(reading.measuredAt)
  const year = date.slice(0, 4) === chinaDate(new Date()).slice(0, 4) ? '' : `${Number(date.slice(0, 4))}年`
  return `${year}${formatChinaDate(date)} ${chinaTime(reading.measuredAt)}`
}

function ConsentCard({ consent, busy, onToggle }: { consent: HealthConsentView; busy: boolean; onToggle: () => void }) {
  const on = consent.consent
  // Before agreeing, everything is spelled out; once agreed, the data comes first and the details fold away.
  const [details, setDetails] = useState(false)
  const showDetails = !on || details
  return (
    <View className={`card health-consent${on ? ' health-consent--on' : ''}`}>
      <Text className='card-title'>{on ? '您已同意保存血压记录' : '保存血压记录，需要您同意'}</Text>
      {on && !details ? (
        <View>
          <Text className='plain-line consent-short'>每条记录保存 {consent.retentionDays} 天后自动删除。您可以随时撤回同意，或删除任何一条。</Text>
          <View className='link-button consent-more' role='button' onClick={() => setDetails(true)}>
            <Text className='link-text'>查看完整说明</Text>
          </View>
        </View>
      ) : null}
      {showDetails ? (
        <View className='consent-points'>
          <View className='consent-point'>
            <Text className='consent-point-label'>保存什么</Text>
            <Text className='consent-point-text'>在流动服务点量的血压（高压、低压）和脉搏，以及测量的时间和地点。</Text>
          </View>
          <View className='consent-point'>
            <Text className='consent-point-label'>为什么</Text>
            <Text className='consent-point-text'>方便您自己看血压的变化。</Text>
          </View>
          <View className='consent-point'>
            <Text className='consent-point-label'>保存多久</Text>
            <Text className='consent-point-text consent-retention'>每条记录保存 {consent.retentionDays} 天，到期自动删除。</Text>
          </View>
          <View className='consent-point'>
            <Text className='consent-point-label'>您可以</Text>
            <Text className='consent-point-text'>随时撤回同意，随时删除任何一条记录。不同意也照样可以量血压，工作人员会把读数告诉您。</Text>
          </View>
        </View>
      ) : null}

      <View
        className={`consent-switch${on ? ' consent-switch--on' : ''}${busy ? ' consent-switch--busy' : ''}`}
        role='switch'
        aria-checked={on}
        aria-disabled={busy}
        hoverClass='consent-switch--pressed'
        onClick={busy ? undefined : onToggle}
      >
        <Text className='consent-switch-label'>同意保存我的血压读数</Text>
        <View className='switch-track'>
          <Text className='switch-text'>{on ? '开' : '关'}</Text>
          <View className='switch-knob' />
        </View>
      </View>
      <Text className={`consent-state${on ? ' consent-state--on' : ''}`}>
        {on ? '现在：已同意。量血压时，读数会保存在这里。' : '现在：未同意。量血压时，读数不会保存。'}
      </Text>
      {consent.updatedAt ? (
        <Text className='consent-updated'>{on ? '同意' : '撤回'}于 {longDate(consent.updatedAt)}</Text>
      ) : null}
    </View>
  )
}

function ReadingItem({ reading, busy, onDelete }: { reading: ReadingView; busy: boolean; onDelete: () => void }) {
  const assessment = assessBloodPressure(reading.systolic, reading.diastolic)
  return (
    <View className='card reading-item'>
      <View className='reading-head'>
        <Text className='reading-when'>{when(reading)}</Text>
        <Text className={`tag reading-band${assessment.raised ? ' tag--warn' : ''}`}>{assessment.label}</Text>
      </View>
      <Text className='reading-place'>{reading.venueName} · {reading.serviceName}</Text>
      <View className='reading-values'>
        <View className='reading-value'>
          <Text className='reading-label'>高压</Text>
          <Text className='reading-number reading-systolic'>{reading.systolic}</Text>
        </View>
        <View className='reading-value'>
          <Text className='reading-label'>低压</Text>
          <Text className='reading-number reading-diastolic'>{reading.diastolic}</Text>
        </View>
        <View className='reading-value'>
          <Text className='reading-label'>脉搏</Text>
          <Text className='reading-number reading-pulse'>{reading.pulse ?? '—'}</Text>
        </View>
      </View>
      <Text className='reading-hint'>{assessment.hint}{NOT_A_DIAGNOSIS}</Text>
      <View className='reading-foot'>
        <Text className='reading-expiry'>{longDate(reading.expiresAt)}自动删除</Text>
        <Button
          className={`btn btn--secondary btn--compact reading-delete${busy ? ' btn--busy' : ''}`}
          disabled={busy || undefined}
          onClick={onDelete}
        >
          删除
        </Button>
      </View>
    </View>
  )
}

/**
 * 我的血压记录: health readings are sensitive personal information — kept only with this separate consent, for a
 * limited time, and the resident sees and deletes them here.
 */
export default function ReadingsPage() {
  const [user] = useSessionUser()
  const signedIn = !!user
  const [consentBusy, setConsentBusy] = useState(false)
  const [deleting, setDeleting] = useState<string | null>(null)
  // a failed refresh keeps the readings shown, in a toast; setData below makes a refresh in flight too old to bring deleted rows back
  const { state, retry, setData } = usePageData(getMyReadings, [], { enabled: signedIn, reloadOnShow: true, pullDownRefresh: true })

  const removeLocally = (ids: string[]) => {
    setData((data) => ({ ...data, readings: data.readings.filter((r) => !ids.includes(r.id)) }))
  }

  const toggleConsent = async () => {
    if (state.status !== 'ready' || consentBusy) return
    const { readings } = state.data
    const next = !state.data.consent.consent
    if (!next) {
      const { confirm } = await Taro.showModal({
        title: '撤回同意',
        // Withdrawing consent deletes what was kept (个人信息保护法第四十七条): say so before, not after.
        content: readings.length > 0 ? `撤回后，已保存的 ${readings.length} 条记录会一并删除，工作人员量血压时也不会再保存您的读数。` : '撤回后，工作人员量血压时不会再保存您的读数。',
        confirmText: '撤回',
        cancelText: '不撤回',
      })
      if (!confirm) return
    }
    setConsentBusy(true)
    try {
      const consent = await setHealthConsent(next)
      setData((data) => ({ ...data, consent, readings: consent.consent ? data.readings : [] }))
      Taro.showToast({ title: consent.consent ? '已同意保存' : '已撤回同意，记录已删除', icon: 'none' })
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setConsentBusy(false)
    }
  }

  const remove = async (reading: ReadingView) => {
    if (deleting) return
    const { confirm } = await Taro.showModal({
      title: '删除这条记录？',
      content: `${when(reading)}，高压 ${reading.systolic}，低压 ${reading.diastolic}。删除后不能恢复。`,
      confirmText: '删除',
      confirmColor: '#C8161D',
      cancelText: '不删',
    })
    if (!confirm) return
    setDeleting(reading.id)
    try {
      await deleteMyReading(reading.id)
      removeLocally([reading.id])
      Taro.showToast({ title: '已删除', icon: 'success' })
    } catch (error) {
      if (isApiError(error) && error.status === 404) {
        removeLocally([reading.id])
        Taro.showToast({ title: '这条记录已经删除了', icon: 'none' })
      } else {
        Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
      }
    } finally {
      setDeleting(null)
    }
  }

  if (!signedIn) {
    return (
      <Page className='readings-page'>
        <SignInCard why='登录后可以查看您在服务点量的血压。' />
      </Page>
    )
  }

  if (state.status !== 'ready') {
    return (
      <Page className='readings-page'>
        <PageState state={state} onRetry={retry} />
      </Page>
    )
  }

  const { readings, consent } = state.data
  const newestFirst = [...readings].reverse()
  return (
    <Page className='readings-page'>
      <ConsentCard consent={consent} busy={consentBusy} onToggle={() => void toggleConsent()} />

      {readings.length === 0 ? (
        <View className='card readings-empty'>
          <Text className='card-title'>还没有血压记录</Text>
          <Text className='plain-line'>
            {consent.consent
              ? '下次在流动服务点量血压时，读数会保存在这里。'
              : '如果您同意保存，下次在流动服务点量的血压会出现在这里。'}
          </Text>
        </View>
      ) : (
        <View>
          <ReadingsChart readings={readings} />
          <Text className='section-title'>每次的读数（{readings.length} 次）</Text>
          {newestFirst.map((reading) => (
            <ReadingItem key={reading.id} reading={reading} busy={deleting === reading.id} onDelete={() => void remove(reading)} />
          ))}
        </View>
      )}
    </Page>
  )
}
