import type { SubmissionStatus } from '@shared/schemas/submission';
import { addDays, chinaInstant } from '@shared/time';

/**
 * How long phones and home addresses are kept (PIPL art. 19: no longer than the purpose needs). The value itself
 * lives in a contact item of its own beside the submission or booking, with a `ttl`, so that DynamoDB deletes it
 * when the time is up while the submission or booking stays; reads hide it from that instant on (TTL deletes lag by
 * up to two days). `days` is `PERSONAL_CONTACT_RETENTION_DAYS` (config.ts).
 */

/** A home visit's address and phone: kept through the stand's day and `days` more (until China midnight after). */
export function bookingContactKeptUntil(standDate: string, days: number): string {
  return chinaInstant(addDays(standDate, days + 1), '00:00');
}

/** What a submission keeps about its contact item. */
export interface SubmissionContactFacts {
  /** A phone was left with it and has not been let go. */
  hasContact?: boolean;
  /** Set when it is resolved: the phone is kept until then; absent while the matter is open. */
  contactKeptUntil?: string;
}

export interface SubmissionContactStep {
  /** To spread onto the next submission (an `undefined` removes the attribute). */
  fields: SubmissionContactFacts;
  /** Set or remove the contact item's `ttl` in the same transaction; absent when it does not change. */
  change?: { keptUntil?: string };
}

/**
 * A phone left with a submission is kept while the matter is open, and `days` more once it is resolved (for the
 * follow-up call, 回访). A reopening keeps it again while it is still kept; once its time is up it is gone for good,
 * and the submission stops pointing at it (so that no later step touches an item TTL has deleted).
 */
export function submissionContactAfterStep(s: SubmissionContactFacts, nextStatus: SubmissionStatus, at: string, days: number): SubmissionContactStep {
  if (!s.hasContact) return { fields: {} };
  if (s.contactKeptUntil && s.contactKeptUntil <= at) return { fields: { hasContact: undefined } };
  const keptUntil = nextStatus === 'resolved' ? (s.contactKeptUntil ?? new Date(Date.parse(at) + days * 86_400_000).toISOString()) : undefined;
  return { fields: { contactKeptUntil: keptUntil }, ...(keptUntil !== s.contactKeptUntil ? { change: { keptUntil } } : {}) };
}

/** Whether a contact kept until `keptUntil` (absent: while the matter is open) may still be shown at `now`. */
export function contactStillKept(keptUntil: string | undefined, now: Date): boolean {
  return !keptUntil || keptUntil > now.toISOString();
}

/** DynamoDB's TTL attribute (epoch seconds) for an ISO instant. */
export function ttlOf(instant: string): number {
  return Math.floor(Date.parse(instant) / 1000);
}
