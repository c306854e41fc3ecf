import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { noticeStreamHandler } from './notice-stream';
import type { NoticeDeliveryDeps } from './notice-delivery.use-case';
import type { NoticeDelivery } from './notice-queue.repository';

jest.mock('../log', () => ({ log: { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() } }));

const NOW = new Date('2026-11-22T11:00:00Z');
const delivery = (id: string, over: Partial<NoticeDelivery> = {}): NoticeDelivery => ({
  id,
  userId: `U-${id}`,
  kind: 'board_update',
  page: 'pages/board/index?studioId=S1',
  data: { studio: '洛社镇党代表工作室', category: '环境卫生' },
  noticeId: `N-${id}`,
  createdAt: NOW.toISOString(),
  status: 'pending',
  attempts: 0,
  ...over,
});
const record = (sequence: string, image: Record<string, unknown>): DynamoDBRecord => ({
  eventID: `e${sequence}`,
  eventName: 'INSERT',
  dynamodb: { SequenceNumber: sequence, Keys: marshall({ PK: image.PK, SK: image.SK }) as never, NewImage: marshall(image, { removeUndefinedValues: true }) as never },
});
const deliveryRecord = (sequence: string, d: NoticeDelivery) => record(sequence, { PK: `DELIVERY#${d.id}`, SK: 'DELIVERY', type: 'NoticeDelivery', ...d });

/** A queue in memory with the repository's conditions; a channel that answers per resident. */
function fakes(answer: (userId: string) => 'sent' | 'skipped' | 'rejected' | 'failed' = () => 'sent') {
  const stored = new Map<string, NoticeDelivery>();
  const sent: string[] = [];
  const deps = {
    now: () => NOW,
    newId: () => 'N-new',
    users: { getUser: async (id: string) => ({ id }) },
    bookings: { getEntry: jest.fn(), markReminded: jest.fn() },
    notifications: { putOnce: jest.fn(async () => undefined), listFollowers: async () => [] },
    notifier: { send: jest.fn(async (n: { userId: string }) => (sent.push(n.userId), answer(n.userId))) },
    noticeQueue: {
      wasExpanded: async () => false,
      markExpanded: async () => undefined,
      enqueue: async () => true,
      get: async (id: string) => stored.get(id),
      claim: async (id: string, at: string) => {
        const d = stored.get(id)!;
        if (!['pending', 'failed'].includes(d.status)) return undefined;
        const claimed = { ...d, status: 'sending' as const, claimedAt: at, attempts: d.attempts + 1 };
        stored.set(id, claimed);
        return claimed;
      },
      settle: async (d: NoticeDelivery, status: NoticeDelivery['status']) => (stored.set(d.id, { ...stored.get(d.id)!, status }), true),
    },
  } as unknown as NoticeDeliveryDeps;
  return { deps, stored, sent, put: (d: NoticeDelivery) => (stored.set(d.id, d), d) };
}

describe('the notice consumer (stream handler)', () => {
  it('reports only the records that failed, by sequence number, and sends a settled delivery never again', async () => {
    const { deps, put, sent } = fakes((userId) => (userId === 'U-b' ? 'failed' : 'sent'));
    const handle = noticeStreamHandler(deps);
    const records = [deliveryRecord('101', put(delivery('a'))), deliveryRecord('102', put(delivery('b'))), deliveryRecord('103', put(delivery('c')))];
    expect(await handle({ Records: records })).toEqual({ batchItemFailures: [{ itemIdentifier: '102' }] });
    // Lambda retries from the failed record: b again (sent now), c again (already sent: not sent twice)
    const { deps: again } = { deps: { ...deps, notifier: { send: jest.fn(async (n: { userId: string }) => (sent.push(n.userId), 'sent' as const)) } } };
    expect(await noticeStreamHandler(again)({ Records: records.slice(1) })).toEqual({ batchItemFailures: [] });
    expect(sent.sort()).toEqual(['U-a', 'U-b', 'U-b', 'U-c']);
  });

  it('fails a record it cannot read (a poisoned notice) every time, without stopping the others', async () => {
    const { deps, put, sent } = fakes();
    const poisoned = record('201', { PK: 'DELIVERY#x', SK: 'DELIVERY', type: 'NoticeDelivery', id: 'x', kind: 'no_such_kind' });
    const handle = noticeStreamHandler(deps);
    const batch = { Records: [poisoned, deliveryRecord('202', put(delivery('d')))] };
    expect(await handle(batch)).toEqual({ batchItemFailures: [{ itemIdentifier: '201' }] });
    expect(await handle(batch)).toEqual({ batchItemFailures: [{ itemIdentifier: '201' }] });
    expect(sent).toEqual(['U-d']);
  });

  it('settles a notice the channel skipped as refused for good, and marks a reminded booking', async () => {
    const { deps, put, stored } = fakes(() => 'skipped');
    (deps.bookings.getEntry as jest.Mock).mockResolvedValue({ status: 'booked' });
    const reminder = put(delivery('r', { kind: 'booking_reminder', reminds: { standId: 'ST1', entryId: 'E1' } }));
    expect(await noticeStreamHandler(deps)({ Records: [deliveryRecord('301', reminder)] })).toEqual({ batchItemFailures: [] });
    expect(stored.get('r')!.status).toBe('refused');
    expect(deps.bookings.markReminded).toHaveBeenCalledWith('ST1', 'E1', NOW.toISOString());
    expect(deps.notifications.putOnce).toHaveBeenCalledWith(expect.objectContaining({ id: 'N-r', kind: 'booking_reminder', title: '明天的预约提醒' }));
  });

  it('settles a notice WeChat refused for good (rejected) as refused, not retried, and marks a reminded booking', async () => {
    const { deps, put, stored, sent } = fakes(() => 'rejected');
    (deps.bookings.getEntry as jest.Mock).mockResolvedValue({ status: 'booked' });
    const reminder = put(delivery('w', { kind: 'booking_reminder', reminds: { standId: 'ST1', entryId: 'E3' } }));
    const batch = { Records: [deliveryRecord('351', reminder)] };
    expect(await noticeStreamHandler(deps)(batch)).toEqual({ batchItemFailures: [] });
    expect(stored.get('w')!.status).toBe('refused');
    expect(deps.bookings.markReminded).toHaveBeenCalledWith('ST1', 'E3', NOW.toISOString());
    // the stream handing it over again sends nothing
    expect(await noticeStreamHandler(deps)(batch)).toEqual({ batchItemFailures: [] });
    expect(sent).toEqual(['U-w']);
  });

  it('drops a reminder whose booking was cancelled meanwhile: nothing sent, nothing failed', async () => {
    const { deps, put, stored, sent } = fakes();
    (deps.bookings.getEntry as jest.Mock).mockResolvedValue({ status: 'cancelled' });
    const reminder = put(delivery('q', { kind: 'booking_reminder', reminds: { standId: 'ST1', entryId: 'E2' } }));
    expect(await noticeStreamHandler(deps)({ Records: [deliveryRecord('401', reminder)] })).toEqual({ batchItemFailures: [] });
    expect(stored.get('q')!.status).toBe('dropped');
    expect(sent).toEqual([]);
    expect(deps.bookings.markReminded).not.toHaveBeenCalled();
  });
});
