import { ulid } from 'ulid';
import { addDays, chinaDate, chinaInstant } from '@shared/time';
import { submit } from './submissions.use-case';
import { acceptSubmission, getInbox, replyToSubmission } from './submission-desk.use-case';
import { countOverdueSubmissions } from './overdue.use-case';
import { runOverdueCount } from './jobs/count-overdue';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { RecordingMetrics } from '../metrics';

// The daily overdue count (the OverdueSubmissions metric) against DynamoDB Local: every studio, the inbox's rule.
describe('the daily count of overdue submissions', () => {
  it('counts, over every studio, the open submissions the inbox flags 超时 — not replied ones, not those still in time', async () => {
    const f = await bookingFixture(new Date());
    await f.deps.studios.putStudio({ id: ulid(), name: '前洲街道党代表工作室', town: '前洲街道', createdAt: f.now.toISOString() });
    const residents = await f.newResidents(3);
    const rep = f.principalOf('rep1');
    const ids: string[] = [];
    for (const [i, resident] of residents.entries()) {
      const view = await submit(f.deps, resident, { requestId: ulid(), studioId: f.seed.studioId, category: '道路交通', text: `第 ${i + 1} 件事：村口路灯坏了，晚上很黑`, public: false });
      ids.push(view.id);
    }
    // one accepted (办理中, still open), one answered (已答复: never overdue); the third still waits to be accepted
    await acceptSubmission(f.deps, rep, ids[0]!, { triage: 'minor' });
    await acceptSubmission(f.deps, rep, ids[1]!, { triage: 'minor' });
    await replyToSubmission(f.deps, rep, ids[1]!, { text: '已联系供电所，本周修好', public: false });

    // the first run also counts the inbox of the studio the demo seed did not count (it has no counts yet); the demo's
    // 洛社镇 has a second studio (towns/demo-towns.ts), counted by the seed
    expect(await countOverdueSubmissions(f.deps)).toEqual({ studios: 3, overdue: 0, repaired: 1, escalated: 0, digests: 0, askedSolved: 0 });

    // a month later, by the same clock the inbox uses: the two open ones are overdue, as the inbox says
    const later = new Date(chinaInstant(addDays(chinaDate(f.now), 30), '09:00'));
    const deps = { ...f.deps, now: () => later };
    expect(await countOverdueSubmissions(deps)).toMatchObject({ studios: 3, overdue: 2, repaired: 0 });
    const flagged = [...(await getInbox(deps, rep, f.seed.studioId, { group: 'new' })).items, ...(await getInbox(deps, rep, f.seed.studioId, { group: 'in_progress' })).items].filter((i) => i.overdue);
    expect(flagged.map((i) => i.id).sort()).toEqual([ids[0], ids[2]].sort());
  });

  it('as the scheduled job, publishes the level — 0 included, so a graph shows the quiet days', async () => {
    const f = await bookingFixture(new Date());
    const metrics = new RecordingMetrics();
    expect(await runOverdueCount({ ...f.deps, metrics })).toEqual({ studios: 2, overdue: 0, repaired: 0, escalated: 0, digests: 0, askedSolved: 0, wishesWaiting: 0 });
    expect(metrics.counted).toEqual([{ name: 'OverdueSubmissions', value: 0 }]);
  });
});
