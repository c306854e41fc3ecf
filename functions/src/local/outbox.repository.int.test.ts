import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { isolatedContainer } from '../../../test/support/tables';
import { OutboxNotifier } from '../adapters/notify/outbox-notifier';
import type { Notice } from '../adapters/notify/notifier';
import { documentClient } from '../data/dynamodb-client';
import { OutboxRepository, type OutboxEntry } from './outbox.repository';

const reminder: Notice = {
  userId: 'U-1',
  kind: 'booking_reminder',
  page: 'pages/ticket/index?id=01JD5Z3Q8VKXW4H2N6R9T0B7CM',
  data: { service: '量血压', time: '2025年03月06日 08:00', place: '东关集市' },
};

// The local stage's outbox on DynamoDB Local: what WeChat would have been asked to send, newest first.
describe('outbox (DynamoDB Local)', () => {
  beforeAll(() => jest.spyOn(console, 'log').mockImplementation(() => undefined)); // the notifier's info lines
  async function outboxTable() {
    const { deps, config, tableName } = await isolatedContainer();
    const client = documentClient({ region: config.region, endpoint: config.dynamodbEndpoint });
    return { deps, client, tableName, outbox: new OutboxRepository({ client, tableName }) };
  }

  it('lists recent notices newest first, as many as asked, and keeps each for seven days', async () => {
    const { outbox, client, tableName } = await outboxTable();
    expect(await outbox.listRecent()).toEqual([]);
    const entries: OutboxEntry[] = ['2025-03-05T11:00:00.000Z', '2025-03-05T12:00:00.000Z', '2025-03-05T12:00:00.000Z', '2025-03-05T13:30:00.000Z'].map((at, i) => ({
      ...reminder,
      userId: `U-${i}`,
      id: `01JNOTICE00000000000000000${i}`,
      at,
      ...(i === 3 ? { kind: 'stand_cancelled' as const, page: 'pages/stand/index', data: { place: '东关集市', reason: '大风停集' }, recipientName: '王阿姨' } : {}),
    }));
    for (const entry of [entries[2], entries[0], entries[3], entries[1]]) await outbox.record(entry);

    const all = await outbox.listRecent();
    expect(all).toEqual([entries[3], entries[2], entries[1], entries[0]]); // same instant: the later id first
    expect(await outbox.listRecent(2)).toEqual([entries[3], entries[2]]);

    const item = await client.send(new GetCommand({ TableName: tableName, Key: { PK: 'OUTBOX', SK: `${entries[3].at}#${entries[3].id}` } }));
    expect(item.Item?.ttl).toBe(Date.parse(entries[3].at) / 1000 + 7 * 86_400);
  });

  it('is where the local notifier puts each notice, with the name of the resident it was for', async () => {
    const { deps, outbox } = await outboxTable();
    const userId = deps.newId();
    await deps.users.createUserForOpenid({ id: userId, displayName: '李大爷', role: 'resident', createdAt: '2025-03-01T00:00:00.000Z' }, `test-${userId}`);
    let clock = Date.parse('2025-03-05T12:00:00.000Z');
    const notifier = new OutboxNotifier(outbox, {
      now: () => new Date((clock += 1000) - 1000), // a second apart, so the order does not hang on random ids
      newId: deps.newId,
      nameOf: async (id) => (await deps.users.getUser(id))?.displayName,
    });

    expect(await notifier.send({ ...reminder, userId })).toBe('sent');
    expect(await notifier.send({ ...reminder, userId: 'U-unknown', kind: 'rate_request', page: 'pages/me/index', data: { matter: '路灯不亮' } })).toBe('sent');

    const [latest, first] = await outbox.listRecent();
    expect(first).toEqual({ ...reminder, userId, recipientName: '李大爷', at: '2025-03-05T12:00:00.000Z', id: expect.any(String) });
    expect(latest).toMatchObject({ userId: 'U-unknown', kind: 'rate_request', data: { matter: '路灯不亮' } });
    expect(latest).not.toHaveProperty('recipientName');
  });
});
