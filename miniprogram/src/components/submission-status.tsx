import { Text } from '@tarojs/components'
import type { SubmissionStatus } from '@shared/schemas/submission'
import { SUBMISSION_STATUS_LABELS } from '@shared/submission/lifecycle'

/** 待受理 / 已受理 / 已交办 / 已答复 / 已办结 / 重新办理 — colour and words, never colour alone. */
export function SubmissionStatusBadge({ status, className = '' }: { status: SubmissionStatus; className?: string }) {
  return (
    <Text className={`status-badge sub-status sub-status--${status.replace('_', '-')}${className ? ` ${className}` : ''}`}>
      {SUBMISSION_STATUS_LABELS[status] ?? status}
    </Text>
  )
}
