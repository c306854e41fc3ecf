import { ulid } from 'ulid';
import { addDays, chinaInstant } from '@shared/time';
import { bookSlot, cancelMyBooking } from '../stands/bookings.use-case';
import { queueBookingReminders } from '../stands/stand-jobs.use-case';
import { replyToSubmission } from '../submissions/submission-desk.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { acceptedSubmission, countingNotifier, kindsOf, residents } from '../../../test/support/notice-fixture';
import { noticeStream } from '../../../test/support/notice-stream';
import type { NoticeQueueRepository } from './notice-queue.repository';

// Delivering each notice once through the transactional outbox on DynamoDB Local — the real consumer
// (notices/notice-stream.ts) fed by the table's stream (scripts/lib/stream-poller.ts), with Lambda's retry rules:
// partial batch failures, retries from the first failed record, then the dead-letter queue.
describe('delivering notices once (DynamoDB Local)', () => {
  it('retries only the delivery that failed: the others are not sent again, though the stream hands them over again', async () => {
    const f = await bookingFixture(new Date());
    const [author] = await residents(f, 1);
    const fans = (await residents(f, 20, true)).map((r) => r.userId);
    const id = await acceptedSubmission(f, author, '小区门口的快递柜坏了一个多星期');
    const version = (await f.deps.submissions.get(id))!.version;
    await replyToSubmission(f.deps, f.principalOf('rep1'), id, { text: '已联系快递柜公司上门维修。', public: true });

    const unlucky = fans[7]!;
    const { notifier, callsOf } = countingNotifier(f.deps.notifier, (notice, call) => (notice.userId === unlucky && call === 1 ? 'failed' : undefined));
    const stream = noticeStream(f, { notifier });
    await stream.drain();

    expect(stream.deadLetters).toEqual([]);
    expect(callsOf(unlucky)).toBe(2);
    for (const fan of fans.filter((x) => x !== unlucky)) expect(callsOf(fan)).toBe(1);
    expect(callsOf(author.userId)).toBe(2); // 已受理, 已答复: once each
    const delivery = (userId: string) => f.deps.noticeQueue.get(`${id}.v${version}.board_update.${userId}`);
    expect(await delivery(unlucky)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await delivery(fans[0]!)).toMatchObject({ status: 'sent', attempts: 1 });
    // in 消息 once, though tried twice
    expect(await kindsOf(f, unlucky)).toEqual(['board_update']);

    // the whole stream read again from its start (a replay) expands and sends nothing again — not even to a new follower
    const [newcomer] = (await residents(f, 1, true)).map((r) => r.userId);
    const again = countingNotifier(f.deps.notifier);
    await noticeStream(f, { notifier: again.notifier }).drain();
    for (const fan of [...fans, newcomer!, author.userId]) expect(again.callsOf(fan)).toBe(0);
  }, 60_000);

  it('puts a poisoned notice, and one that keeps failing, in the dead-letter queue after the retries; the rest are delivered once', async () => {
    const f = await bookingFixture(new Date());
    const [alice, bob, carol] = await f.newResidents(3);
    const at = new Date().toISOString();
    const order = (userId: string, tag: string) => ({ id: `test.${tag}`, userId, noticeId: f.deps.newId(), createdAt: at, notice: { kind: 'submission_status' as const, page: 'pages/me/index', data: { category: '其他', status: '已受理' } } });
    await f.deps.noticeQueue.enqueue(order(alice.userId, 'first'));
    // a notice nobody can read (a kind that does not exist): it fails every time, whatever is retried
    await f.deps.noticeQueue.enqueue({ ...order(bob.userId, 'poisoned'), notice: { kind: 'no_such_kind', page: '', data: {} } } as unknown as Parameters<NoticeQueueRepository['enqueue']>[0]);
    await f.deps.noticeQueue.enqueue(order(carol.userId, 'channel-down'));
    await f.deps.noticeQueue.enqueue(order(alice.userId, 'last'));

    const { notifier, callsOf } = countingNotifier(f.deps.notifier, (notice) => (notice.userId === carol.userId ? 'failed' : undefined));
    const stream = noticeStream(f, { notifier, maximumRetryAttempts: 2 });
    await stream.drain();

    const dead = stream.deadLetters.flatMap((letter) => letter.keys.map((k) => (k as { PK: { S: string } }).PK.S));
    expect(dead).toEqual(expect.arrayContaining(['DELIVERY#test.poisoned', 'DELIVERY#test.channel-down']));
    // carol's channel was tried once and retried twice, then given up: the delivery says so in the table
    expect(callsOf(carol.userId)).toBe(3);
    expect(await f.deps.noticeQueue.get('test.channel-down')).toMatchObject({ status: 'failed', attempts: 3, reason: expect.any(String) });
    // alice's two notices went out once each, though the stream handed the last one over again with the failed ones
    expect(callsOf(alice.userId)).toBe(2);
    expect(await kindsOf(f, alice.userId)).toEqual(['submission_status', 'submission_status']);
    expect(callsOf(bob.userId)).toBe(0);
  }, 60_000);

  it('queues reminders at 19:00 so that a job cut short and run again leaves no booking unreminded, and reminds no one twice', async () => {
    const f = await bookingFixture();
    const { stand, slot } = await f.standWithSlot(40);
    const booked = await residents(f, 30);
    const bookings = new Map<string, string>();
    for (const resident of booked) bookings.set(resident.userId, (await bookSlot(f.deps, resident, { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid() })).id);
    const at = (time: string) => new Date(chinaInstant(addDays(stand.date, -1), time));
    const eve = { ...f.deps, now: () => at('19:00') };

    // The job dies after queueing 12 reminders.
    let queued = 0;
    const dying = { enqueue: async (order: Parameters<NoticeQueueRepository['enqueue']>[0]) => {
      if (queued >= 12) throw new Error('the job was cut short');
      queued += 1;
      return f.deps.noticeQueue.enqueue(order);
    } } as unknown as NoticeQueueRepository;
    await expect(queueBookingReminders({ ...eve, noticeQueue: dying })).rejects.toThrow('cut short');
    // Run again: the rest are queued, none twice.
    expect(await queueBookingReminders(eve)).toEqual({ queued: 18, alreadyQueued: 12 });

    // Meanwhile one resident cancels; one has not allowed the reminder in WeChat (refused for good).
    const [leaving, unsubscribed] = booked;
    await cancelMyBooking({ ...f.deps, now: () => at('19:30') }, leaving!, bookings.get(leaving!.userId)!);
    // a booking made at 21:00 for tomorrow queues its own reminder, in its booking transaction
    const [late] = await residents(f, 1);
    const lateBooking = await bookSlot({ ...f.deps, now: () => at('21:00') }, late!, { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid() });

    const { notifier, callsOf } = countingNotifier(f.deps.notifier, (notice) => (notice.userId === unsubscribed!.userId ? 'skipped' : undefined));
    const stream = noticeStream(f, { notifier });
    await stream.drain();

    const entries = await f.deps.bookings.listEntriesOfStand(stand.id);
    const unreminded = entries.filter((e) => e.status === 'booked' && !e.remindedAt);
    expect(unreminded).toEqual([]);
    expect(entries.find((e) => e.id === bookings.get(unsubscribed!.userId))!.remindedAt).toBeDefined(); // refused counts
    expect(entries.find((e) => e.id === bookings.get(leaving!.userId))).toMatchObject({ status: 'cancelled' });
    expect(entries.find((e) => e.id === bookings.get(leaving!.userId))!.remindedAt).toBeUndefined();
    expect(await f.deps.noticeQueue.get(`${bookings.get(leaving!.userId)}.booking_reminder`)).toMatchObject({ status: 'dropped' });
    expect(entries.find((e) => e.id === lateBooking.id)!.remindedAt).toBeDefined();
    for (const resident of [...booked.slice(1), late!]) expect(callsOf(resident.userId)).toBe(1);
    expect(callsOf(leaving!.userId)).toBe(0);
    for (const resident of booked.slice(1)) expect(await kindsOf(f, resident.userId)).toEqual(['booking_reminder']);

    // a third run finds everyone reminded
    expect(await queueBookingReminders({ ...eve, now: () => at('22:00') })).toEqual({ queued: 0, alreadyQueued: 0 });
  }, 120_000);
});
