import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { WishView } from '@shared/schemas/wishes'
import { chinaDate, chinaTime, formatChinaDate } from '@shared/time'
import './wish-card.css'

const when = (iso: string) => `${formatChinaDate(chinaDate(iso))} ${chinaTime(iso)}`

/**
 * One 微心愿 as the API let the caller see it (the wall: no names; the wisher, the claimer and the studio: names and
 * the timeline), with the buttons the page puts under it. Shared by the resident's, the staff's and the
 * representatives' pages.
 */
export function WishCard({ wish, children }: { wish: WishView; children?: ReactNode }) {
  return (
    <View className={`card wish-card wish-card--${wish.status}`}>
      <View className='wish-head'>
        <Text className='entry-title wish-title'>{wish.title}</Text>
        <Text className={`wish-status wish-status--${wish.status}`}>{wish.statusLabel}</Text>
      </View>
      <Text className='plain-line wish-who'>
        心愿人：{wish.wisherName}
        {wish.onBehalf ? '（工作人员代填）' : ''}
        {wish.wisherPhone ? ` · ${wish.wisherPhone}` : ''}
      </Text>
      {wish.details ? <Text className='plain-line wish-details'>{wish.details}</Text> : null}
      {wish.claimerName ? <Text className='plain-line wish-claimer'>认领人：{wish.claimerName}</Text> : null}
      {wish.reason ? <Text className='plain-line wish-reason'>未通过的原因：{wish.reason}</Text> : null}
      {wish.note ? <Text className='plain-line wish-note'>完成情况：{wish.note}</Text> : null}
      {wish.timeline ? (
        <View className='wish-timeline' aria-label='经过'>
          {wish.timeline.map((s, i) => (
            <Text className='field-hint wish-step' key={`${s.at}-${i}`}>
              {when(s.at)} {s.by} {s.label}
              {s.note ? `：${s.note}` : ''}
            </Text>
          ))}
        </View>
      ) : null}
      {children}
    </View>
  )
}
