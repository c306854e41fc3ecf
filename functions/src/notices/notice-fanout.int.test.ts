import { ulid } from 'ulid';
import { forEachConcurrently } from '../data/concurrently';
import { bookSlot } from '../stands/bookings.use-case';
import { cancelStand } from '../studio/studio-setup.use-case';
import { replyToSubmission } from '../submissions/submission-desk.use-case';
import type { Principal } from '../auth/session-tokens';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { acceptedSubmission, kindsOf, requestsOf, residents } from '../../../test/support/notice-fixture';
import { drainNotices } from '../../../test/support/notice-stream';

// Fan-out through the transactional outbox on DynamoDB Local: the request writes one notice request in its own
// transaction, whatever the audience; the real consumer (notices/notice-stream.ts), fed by the table's stream
// (scripts/lib/stream-poller.ts), expands and delivers it. Requests are counted, not timed (npm run bench:fanout times);
// the long time-outs only bound a run on a loaded 2-core machine. The audiences (150 followers, 80 bookings) span
// several of the stream's batches (50) and of the consumer's writes; `npm run bench:fanout` runs the large ones.
const FOLLOWERS = 150;
const BOOKINGS = 80;

describe('notices to many (DynamoDB Local)', () => {
  it('answers a public reply with as many DynamoDB requests for 150 followers as for none, and all 150 hear of it', async () => {
    const f = await bookingFixture(new Date());
    const rep = f.principalOf('rep1');
    const [author] = await residents(f, 1);
    const quiet = await acceptedSubmission(f, author, '菜场门口的下水道堵了，一下雨就积水');
    const busy = await acceptedSubmission(f, author, '公园的路灯晚上不亮，老人散步不安全');

    const withNone = await requestsOf(() => replyToSubmission(f.deps, rep, quiet, { text: '已联系市政疏通。', public: true }));
    await drainNotices(f);
    const fans = (await residents(f, FOLLOWERS, true)).map((r) => r.userId);
    const withFollowers = await requestsOf(() => replyToSubmission(f.deps, rep, busy, { text: '路灯已于今晚修复。', public: true }));
    expect(withFollowers).toBe(withNone);

    await drainNotices(f);
    let heard = 0;
    await forEachConcurrently(fans, 16, async (fan) => {
      if ((await kindsOf(f, fan)).join() === 'board_update') heard += 1;
    });
    expect(heard).toBe(FOLLOWERS);
    // the author heard of both replies as the resident who asked, not as a follower
    expect((await kindsOf(f, author.userId)).filter((k) => k !== 'submission_status')).toEqual(['submission_replied', 'submission_replied']);
  }, 300_000);

  it('cancels a stand with 80 bookings in one short request, then cancels every booking and tells every booked resident', async () => {
    const f = await bookingFixture();
    const admin = f.principalOf('admin');
    const small = await f.standWithSlot(BOOKINGS);
    const large = await f.standWithSlot(BOOKINGS);
    // one after another: bookings of one slot made at once only conflict and retry (bookings.int.test.ts races them)
    const book = async (stand: typeof small, people: Principal[]) => {
      for (const resident of people) await bookSlot(f.deps, resident, { standId: stand.stand.id, serviceId: stand.slot.serviceId, startTime: stand.slot.startTime, requestId: ulid() });
    };
    const few = await residents(f, 2);
    const many = await residents(f, BOOKINGS);
    await book(small, few);
    await book(large, many);

    let answer: unknown;
    const forFew = await requestsOf(() => cancelStand(f.deps, admin, small.stand.id, { reason: '大风' }));
    const forMany = await requestsOf(async () => (answer = await cancelStand(f.deps, admin, large.stand.id, { reason: '大风' })));
    expect(answer).toEqual({ standId: large.stand.id, status: 'cancelled', cancelledBookings: BOOKINGS, notified: BOOKINGS });
    expect(forMany).toBe(forFew);
    // the stand is off at once; its bookings are released by the notice consumer
    expect((await f.deps.stands.getStand(large.stand.id))!.status).toBe('cancelled');

    await drainNotices(f);
    const entries = await f.deps.bookings.listEntriesOfStand(large.stand.id);
    expect(entries).toHaveLength(BOOKINGS);
    expect(entries.every((e) => e.status === 'cancelled' && e.cancelledBy === 'stand')).toBe(true);
    expect((await f.deps.stands.listSlotsOfStand(large.stand.id))[0]!.booked).toBe(0);
    let told = 0;
    await forEachConcurrently(many, 16, async (resident) => {
      if ((await kindsOf(f, resident.userId)).join() === 'stand_cancelled') told += 1;
    });
    expect(told).toBe(BOOKINGS);
  }, 300_000);
});
