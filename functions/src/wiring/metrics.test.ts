import { MeteredNotifier } from '../adapters/notify/metered-notifier';
import type { Notice, NoticeOutcome } from '../adapters/notify/notifier';
import { RecordingMetrics } from '../metrics';
import { EmfMetrics } from './metrics';

/** The EMF lines printed while `act` runs (Powertools prints through the console in tests). */
function emfLinesOf(act: () => void): Record<string, any>[] {
  const lines: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(String(args[0])));
  try {
    act();
  } finally {
    spy.mockRestore();
  }
  return lines.map((line) => JSON.parse(line));
}

describe('metrics as CloudWatch embedded metric format', () => {
  beforeAll(() => {
    // in tests (POWERTOOLS_DEV) Powertools prints no metrics unless told to
    process.env.POWERTOOLS_METRICS_DISABLED = 'false';
  });
  afterAll(() => {
    delete process.env.POWERTOOLS_METRICS_DISABLED;
  });

  it('publishes a level as it is, 0 included (a count of 0 is left out)', () => {
    const metrics = new EmfMetrics('prod');
    const lines = emfLinesOf(() => {
      metrics.level('OverdueSubmissions', 0);
      metrics.flush();
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.OverdueSubmissions).toBe(0);
    expect(lines[0]!._aws.CloudWatchMetrics[0].Metrics).toEqual([{ Name: 'OverdueSubmissions', Unit: 'Count' }]);
  });

  it('publishes the counts of an invocation in namespace Lianxin by service and stage, and a kind’s count also by kind', () => {
    const metrics = new EmfMetrics('prod');
    const lines = emfLinesOf(() => {
      metrics.count('BookingsMade');
      metrics.count('BookingsMade');
      metrics.count('NoticesFailed', 1, { kind: 'booking_reminder' });
      metrics.count('NoShows', 0);
      metrics.flush();
      // nothing counted since: nothing printed (no "empty metrics" warning either)
      metrics.flush();
    });
    expect(lines).toHaveLength(2);
    const [byKind, invocation] = lines;
    expect(byKind!._aws.CloudWatchMetrics).toEqual([{ Namespace: 'Lianxin', Dimensions: [['service', 'stage', 'kind']], Metrics: [{ Name: 'NoticesFailed', Unit: 'Count' }] }]);
    expect(byKind).toMatchObject({ service: 'lianxin', stage: 'prod', kind: 'booking_reminder', NoticesFailed: 1 });
    expect(invocation!._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Lianxin', Dimensions: [['service', 'stage']] });
    expect(invocation).toMatchObject({ service: 'lianxin', stage: 'prod', BookingsMade: [1, 1], NoticesFailed: 1 });
    expect(invocation).not.toHaveProperty('NoShows');
  });
});

describe('MeteredNotifier', () => {
  it('counts every notice by its outcome and kind, and passes the outcome on', async () => {
    const metrics = new RecordingMetrics();
    const outcomes: NoticeOutcome[] = ['sent', 'failed', 'skipped', 'rejected'];
    const notifier = new MeteredNotifier({ send: async () => outcomes.shift()! }, metrics);
    const notice = (kind: Notice['kind']): Notice => ({ userId: 'u1', kind, page: 'pages/ticket/index', data: {} });
    expect(await notifier.send(notice('booking_reminder'))).toBe('sent');
    expect(await notifier.send(notice('stand_cancelled'))).toBe('failed');
    expect(await notifier.send(notice('booking_reminder'))).toBe('skipped');
    expect(await notifier.send(notice('board_update'))).toBe('rejected');
    expect(metrics.counted).toEqual([
      { name: 'NoticesSent', value: 1, kind: 'booking_reminder' },
      { name: 'NoticesFailed', value: 1, kind: 'stand_cancelled' },
      { name: 'NoticesSkipped', value: 1, kind: 'booking_reminder' },
      // refused for good is a failure for the alarm, though it is not retried
      { name: 'NoticesFailed', value: 1, kind: 'board_update' },
    ]);
  });
});
