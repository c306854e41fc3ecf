import type { QueueEntryView } from '@shared/schemas/booking'

/** The name shown for a queue entry: the resident's name, else what kind of entry it is. */
export function who(entry: QueueEntryView): string {
  if (entry.residentName) return entry.residentName
  return entry.kind === 'walk_in' ? '现场取号' : '预约居民'
}

/** The queue number as shown ("12"), or a dash before one is given. */
export function numberText(entry: QueueEntryView): string {
  return entry.queueNumber !== undefined ? `${entry.queueNumber}` : '—'
}
