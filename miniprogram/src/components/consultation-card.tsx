import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { ConsultationView } from '@shared/schemas/consultations'
import { formatChinaDate } from '@shared/time'
import './consultation-card.css'

/**
 * One 议事协商 as everyone may read it (四议两公开): topic, when and where, the matters it answers (masked), and once
 * held the decision and later the result. `children` are the page's actions (报名, 记录会议 …).
 */
export function ConsultationCard({ c, onOpen, children }: { c: ConsultationView; onOpen?: () => void; children?: ReactNode }) {
  return (
    <View className={`card consultation-card consultation-card--${c.status}`} hoverClass={onOpen ? 'card--pressed' : undefined} onClick={onOpen}>
      <View className='consultation-head'>
        <Text className='card-title consultation-topic'>{c.topic}</Text>
        <Text className={`consultation-status consultation-status--${c.status}`}>{c.statusLabel}</Text>
      </View>
      <Text className='plain-line consultation-when'>{formatChinaDate(c.date)} {c.time} · {c.place}</Text>
      {c.status === 'planned' ? <Text className='item-meta consultation-signed'>已报名 {c.signedUp} 人{c.capacity ? `（限 ${c.capacity} 人）` : ''}</Text> : null}
      <View className='consultation-matters'>
        <Text className='consultation-label'>协商的意见</Text>
        {c.submissions.map((s) => (
          <Text key={s.id} className='consultation-matter'>【{s.category}】{s.text}</Text>
        ))}
      </View>
      {c.decision ? (
        <View className='consultation-decision'>
          <Text className='consultation-label'>协商决定</Text>
          <Text className='consultation-decision-text'>{c.decision}</Text>
        </View>
      ) : null}
      {c.result ? (
        <View className='consultation-result'>
          <Text className='consultation-label'>落实结果</Text>
          <Text className='consultation-result-text'>{c.result}</Text>
        </View>
      ) : null}
      {c.cancelReason ? <Text className='plain-line consultation-cancelled'>已取消：{c.cancelReason}</Text> : null}
      {children}
    </View>
  )
}
