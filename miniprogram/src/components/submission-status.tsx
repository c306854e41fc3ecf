import { Text, View } from '@tarojs/components'
import { formatChinaDate } from '@shared/time'
import type { SubmissionStatus } from '@shared/schemas/submission'
import { SUBMISSION_STATUS_LABELS } from '@shared/submission/lifecycle'
import './matter.css'

/** 待受理 / 已受理 / 已交办 / 已答复 / 已办结 / 重新办理 — colour and words, never colour alone. */
export function SubmissionStatusBadge({ status, className = '' }: { status: SubmissionStatus; className?: string }) {
  return (
    <Text className={`status-badge sub-status sub-status--${status.replace('_', '-')}${className ? ` ${className}` : ''}`}>
      {SUBMISSION_STATUS_LABELS[status] ?? status}
    </Text>
  )
}

/** The head of a matter in a list others read (the board, the submit page's hint): category, status, the day raised. */
export function MatterHead({ category, status, date }: { category: string; status: SubmissionStatus; date: string }) {
  return (
    <>
      <View className='item-head'>
        <Text className='item-category'>{category}</Text>
        <SubmissionStatusBadge status={status} />
      </View>
      <Text className='item-meta'>{formatChinaDate(date)} 反映</Text>
    </>
  )
}
