/**
 * What the service counts (CloudWatch namespace `Lianxin`, see README "Operating it"). Use cases count through this
 * port and know nothing of AWS; `wiring/metrics.ts` publishes them as CloudWatch embedded metrics (EMF).
 */
export const METRIC_NAMES = [
  /** A resident booked a place. */
  'BookingsMade',
  /** A booking was refused because the slot was full. */
  'BookingsFull',
  'CheckIns',
  /** Residents marked 未到 by the no-show job. */
  'NoShows',
  'Submissions',
  /** Open submissions past their time limit (accept or reply), counted once a day over every studio. */
  'OverdueSubmissions',
  /** Submissions WeChat's content check held for a representative's review. */
  'ContentChecksHeld',
  /** Notices by outcome (dimension `kind` too): sent to WeChat (or the local outbox), skipped (no template, not subscribed), failed. */
  'NoticesSent',
  'NoticesSkipped',
  'NoticesFailed',
  /** The 19:00 reminder job ran to its end (an alarm fires when there was none for 25 hours). */
  'ReminderRuns',
  /** 幸福币 credited to residents for confirmed activities, and spent on rewards (the coins, not the count). */
  'CoinsAwarded',
  'CoinsRedeemed',
  /** Volunteers checked in at stands, and the minutes they served there (checked out). */
  'VolunteerCheckIns',
  'VolunteerMinutes',
  /** Submissions residents chased (催办) past their due date. */
  'SubmissionsChased',
] as const;

export type MetricName = (typeof METRIC_NAMES)[number];

export interface Metrics {
  /** Adds `value` (1 by default) to a count; with a `kind`, the count is also kept per kind. */
  count(name: MetricName, value?: number, dimensions?: { kind: string }): void;
  /** A level at this moment (how many are overdue now): published as it is, 0 included, so a graph shows quiet days. */
  level(name: MetricName, value: number): void;
  /** Publishes what was counted; the router and the jobs call it at the end of each invocation. */
  flush(): void;
}

/** Counts nothing (the local stage). */
export const noMetrics: Metrics = { count: () => undefined, level: () => undefined, flush: () => undefined };

/** Keeps the counts in memory, for tests. */
export class RecordingMetrics implements Metrics {
  readonly counted: { name: MetricName; value: number; kind?: string }[] = [];
  flushes = 0;

  count(name: MetricName, value = 1, dimensions?: { kind: string }): void {
    this.counted.push({ name, value, ...(dimensions ? { kind: dimensions.kind } : {}) });
  }

  level(name: MetricName, value: number): void {
    this.counted.push({ name, value });
  }

  flush(): void {
    this.flushes += 1;
  }

  /** The total of a count, or of one kind of it. */
  total(name: MetricName, kind?: string): number {
    return this.counted.filter((c) => c.name === name && (kind === undefined || c.kind === kind)).reduce((sum, c) => sum + c.value, 0);
  }
}
