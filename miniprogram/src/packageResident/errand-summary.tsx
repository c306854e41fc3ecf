import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { ERRAND_STATUS_LABELS, ERRAND_URGENCY_LABELS, type ErrandView } from '@shared/schemas/errands'
import { chinaTime, formatChinaDate, chinaDate } from '@shared/time'
import './errand-summary.css'

/** One order as its people read it: what, for whom, when, where (the area only), its status and who does it. */
export function ErrandSummary({ errand, children }: { errand: ErrandView; children?: ReactNode }) {
  return (
    <View className={`card errand-card errand-card--${errand.status}`}>
      <View className='errand-head'>
        <Text className='card-title errand-kind'>{errand.kindName}</Text>
        <Text className={`errand-status errand-status--${errand.status}`}>{ERRAND_STATUS_LABELS[errand.status]}</Text>
      </View>
      <Text className='plain-line errand-who'>
        服务对象：{errand.personName}（{errand.forWhom}）{errand.onBehalf ? '，工作人员代下单' : ''}
      </Text>
      <Text className={`plain-line errand-urgency errand-urgency--${errand.urgency}`}>紧急程度：{ERRAND_URGENCY_LABELS[errand.urgency]}</Text>
      <Text className='plain-line errand-when'>希望时间：{errand.when}</Text>
      <Text className='plain-line errand-area'>片区：{errand.area}</Text>
      {errand.note ? <Text className='plain-line errand-note'>备注：{errand.note}</Text> : null}
      {errand.volunteerName ? <Text className='plain-line errand-volunteer'>志愿者：{errand.volunteerName}</Text> : null}
      {errand.reason ? <Text className='plain-line errand-reason'>原因：{errand.reason}</Text> : null}
      {errand.rating ? <Text className='plain-line errand-rating'>评价：{'★'.repeat(errand.rating)}{errand.comment ? ` ${errand.comment}` : ''}</Text> : null}
      {errand.coins ? <Text className='plain-line errand-coins'>志愿者得到 {errand.coins} 个幸福币</Text> : null}
      <Text className='plain-line errand-at'>下单：{formatChinaDate(chinaDate(errand.createdAt))} {chinaTime(errand.createdAt)}</Text>
      {children}
    </View>
  )
}
