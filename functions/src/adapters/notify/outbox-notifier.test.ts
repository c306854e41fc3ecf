import type { OutboxEntry } from '../../local/outbox.repository';
import type { Notice } from './notifier';
import { OutboxNotifier } from './outbox-notifier';

const PHONE = '13912345678';
const notice: Notice = { userId: 'U-1', kind: 'submission_replied', page: 'pages/submission/index?id=S1', data: { matter: '路灯不亮', contact: PHONE } };
const options = { now: () => new Date('2025-03-05T12:00:00.000Z'), newId: () => 'N1' };

describe('OutboxNotifier', () => {
  const logged: string[] = [];
  beforeAll(() => {
    for (const level of ['log', 'info', 'warn', 'error'] as const) jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  });
  beforeEach(() => {
    logged.length = 0;
  });

  it('records the notice with its time and id, and reports it sent', async () => {
    const recorded: OutboxEntry[] = [];
    const notifier = new OutboxNotifier({ record: async (entry) => void recorded.push(entry) }, { ...options, nameOf: async () => '李大爷' });
    expect(await notifier.send(notice)).toBe('sent');
    expect(recorded).toEqual([{ ...notice, id: 'N1', at: '2025-03-05T12:00:00.000Z', recipientName: '李大爷' }]);
    expect(logged.join('\n')).not.toContain(PHONE);
  });

  it('records the notice without a name when the name cannot be found', async () => {
    const recorded: OutboxEntry[] = [];
    const notifier = new OutboxNotifier({ record: async (entry) => void recorded.push(entry) }, {
      ...options,
      nameOf: async () => {
        throw new Error('table unavailable');
      },
    });
    expect(await notifier.send(notice)).toBe('sent');
    expect(recorded[0]).not.toHaveProperty('recipientName');
  });

  it('never throws: a failed write is reported as failed and logged without the notice data', async () => {
    const notifier = new OutboxNotifier({ record: async () => Promise.reject(new Error('ResourceNotFoundException')) }, options);
    await expect(notifier.send(notice)).resolves.toBe('failed');
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0])).toMatchObject({ level: 'ERROR', kind: 'submission_replied', reason: 'ResourceNotFoundException' });
    expect(logged[0]).not.toContain(PHONE);
  });
});
