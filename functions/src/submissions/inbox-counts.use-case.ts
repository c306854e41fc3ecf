import { INBOX_GROUPS, type InboxGroup } from '@shared/schemas/submission';
import { chinaDate, monthsBetween } from '@shared/time';
import type { Deps } from '../deps';
import type { InboxCounts } from './submission.repository';

type CountsDeps = Pick<Deps, 'studios' | 'submissions' | 'now'>;
export type TabCounts = Record<InboxGroup, number>;

/** Counts to be shown as they are: recounted at least once, and never below zero (which only a lost change could make). */
export function trustworthy(stored: InboxCounts | undefined): stored is InboxCounts & { countedAt: string } {
  return !!stored?.countedAt && INBOX_GROUPS.every((g) => stored.counts[g] >= 0);
}

/**
 * The inbox's tab counts from the studio's counts item as read (pattern 67, kept in the transaction of every create and
 * step), or — when it cannot be trusted — recounted (`recountInbox`). That happens once for data written before the
 * counts existed and for a studio's first submission; after that, nothing more than the GetItem.
 */
export async function inboxCountsFrom(deps: CountsDeps, studioId: string, stored: InboxCounts | undefined): Promise<TabCounts> {
  return trustworthy(stored) ? stored.counts : recountInbox(deps, studioId);
}

const RECOUNT_TRIES = 5;

/**
 * Repairs a studio's inbox counts: counts its submissions per tab from the month index (GSI3, month by month from the
 * studio's creation to this month, China time — a submission is never older than its studio) and stores the counts,
 * only if no create or step moved a submission meanwhile (the counts' `version`); if one did, counts again (up to 5
 * times, then answers the last count unstored: the next open repairs it). Steps: read the counts (version) and the
 * studio · count each month · store conditionally.
 *
 * The month index is read eventually consistently (a GSI): a change made within about a second before the recount may
 * be missed — it is then as wrong as before the repair, and the next check (the daily job) finds it again.
 */
export async function recountInbox(deps: CountsDeps, studioId: string): Promise<TabCounts> {
  let counts: TabCounts | undefined;
  for (let attempt = 0; attempt < RECOUNT_TRIES; attempt += 1) {
    const [stored, studio] = await Promise.all([deps.submissions.getInboxCounts(studioId), deps.studios.getStudio(studioId)]);
    const now = deps.now();
    const months = monthsBetween(chinaDate(studio?.createdAt ?? now), chinaDate(now));
    counts = await deps.submissions.countInboxFromMonths(studioId, months);
    if (await deps.submissions.putRecountedInboxCounts(studioId, counts, stored?.version, now.toISOString())) return counts;
  }
  return counts!;
}

/**
 * The daily check (run by the overdue count, which reads the open tabs anyway): counts that are missing, were never
 * recounted, or disagree with the open tabs just read are recounted. True when it repaired them.
 */
export async function checkInboxCounts(deps: CountsDeps, studioId: string, open: { new: number; in_progress: number }): Promise<boolean> {
  const stored = await deps.submissions.getInboxCounts(studioId);
  if (trustworthy(stored) && stored.counts.new === open.new && stored.counts.in_progress === open.in_progress) return false;
  await recountInbox(deps, studioId);
  return true;
}
