import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { UserView } from '@shared/schemas/auth'
import type { CoordinationView } from '@shared/schemas/coordination'
import { formatChinaDate } from '@shared/time'

/** Who reads a town's 协调会: its 镇街管理员 and its member units' liaisons (the API checks the town again). */
export function townOf(user: UserView | null): { townId: string; admin: boolean } | undefined {
  if (!user?.townId || (user.role !== 'town_admin' && user.role !== 'unit_liaison')) return undefined
  return { townId: user.townId, admin: user.role === 'town_admin' }
}

/** A labelled paragraph of the card (会议决定, 落实结果), when there is one. */
function Labelled({ label, name, text }: { label: string; name: string; text?: string }) {
  if (!text) return null
  return (
    <View className={`coordination-${name}`}>
      <Text className='coordination-label'>{label}</Text>
      <Text className={`plain-line coordination-${name}-text`}>{text}</Text>
    </View>
  )
}

/**
 * One 协调会: topic, when and where, the agenda, the invited units (once recorded: 到会 / 缺席) and studios, and once
 * held the decision and later the result. `children` are the page's actions.
 */
export function CoordinationCard({ c, onOpen, children }: { c: CoordinationView; onOpen?: () => void; children?: ReactNode }) {
  const recorded = c.units.some((u) => u.present !== undefined)
  return (
    <View className={`card coordination-card coordination-card--${c.status}`} hoverClass={onOpen ? 'card--pressed' : undefined} onClick={onOpen}>
      <View className='coordination-head'>
        <Text className='card-title coordination-topic'>{c.topic}</Text>
        <Text className={`coordination-status coordination-status--${c.status}`}>{c.statusLabel}</Text>
      </View>
      <Text className='plain-line coordination-when'>{formatChinaDate(c.date)} {c.time} · {c.place}</Text>
      {onOpen ? null : (
        <View className='coordination-agenda'>
          <Text className='coordination-label'>议程</Text>
          {c.agenda.map((a, i) => (
            <Text key={a} className='plain-line coordination-agenda-item'>{i + 1}. {a}</Text>
          ))}
        </View>
      )}
      <View className='coordination-units'>
        <Text className='coordination-label'>{recorded ? '成员单位到会情况' : '邀请的成员单位'}</Text>
        <Text className='plain-line coordination-unit-list'>{c.units.map((u) => (recorded ? `${u.name}（${u.present ? '到会' : '缺席'}）` : u.name)).join('、')}</Text>
        {c.studios.length ? <Text className='plain-line coordination-studio-list'>邀请的工作室：{c.studios.map((s) => s.name).join('、')}</Text> : null}
      </View>
      <Labelled label='会议决定' name='decision' text={c.decision} />
      {c.minutes && !onOpen ? <Text className='plain-line coordination-minutes'>会议纪要：{c.minutes}</Text> : null}
      <Labelled label='落实结果' name='result' text={c.result} />
      {c.cancelReason ? <Text className='plain-line coordination-cancelled'>已取消：{c.cancelReason}</Text> : null}
      {children}
    </View>
  )
}
