import { lunarDayOf, nextMarketDays } from '@shared/schedule';
import type { ScheduleRule } from '@shared/schemas/venue';
import { formatChinaDate } from '@shared/time';
import type { StandRepository } from './stand.repository';

/** How far ahead a venue's cancelled stands are looked for (stands are generated a few weeks ahead). */
const LOOK_AHEAD_STANDS = 20;

/**
 * A venue's next market days as people read them (`11月25日 周二（十月初六）`), leaving out the days whose stand was
 * cancelled — the admin's venue list and a freshly printed poster must not announce a market that will not happen.
 */
export async function upcomingMarketDays(stands: Pick<StandRepository, 'listCurrentAndNextStandsAtVenue'>, venueId: string, rules: ScheduleRule[], today: string, count: number): Promise<string[]> {
  const ahead = await stands.listCurrentAndNextStandsAtVenue(venueId, today, LOOK_AHEAD_STANDS);
  const cancelled = new Set(ahead.filter((s) => s.status === 'cancelled').map((s) => s.date));
  return nextMarketDays(rules, today, count + cancelled.size)
    .filter((d) => !cancelled.has(d.date))
    .slice(0, count)
    .map((d) => `${formatChinaDate(d.date)}（${lunarDayOf(d.date).label}）`);
}
