import { ConfigurationError, type Config } from '../config';
import { RecordingMetrics } from '../metrics';
import { defineJob } from './cold-start';

describe('a scheduled job’s Lambda', () => {
  it('fails a run it cannot start in one log line (the run counts as an error), tries again on the next run, and publishes what each run counted', async () => {
    const lines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error'] as const).map((level) => jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(String(args[0]))));
    const metrics = new RecordingMetrics();
    let attempts = 0;
    const loadConfig = async () => {
      attempts += 1;
      if (attempts === 1) throw new ConfigurationError(['missing or empty in Parameter Store: /lianxin/prod/wechat/app-secret']);
      return { logLevel: 'INFO' } as Config;
    };
    const handler = defineJob(
      () => ({ metrics }),
      async (deps, event: { n: number }) => {
        deps.metrics.count('ReminderRuns');
        return event.n * 2;
      },
      loadConfig,
    );
    try {
      await expect(handler({ n: 1 })).rejects.toBeInstanceOf(ConfigurationError);
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'ERROR', message: 'configuration incomplete: missing or empty in Parameter Store: /lianxin/prod/wechat/app-secret' });
      expect(await handler({ n: 2 })).toBe(4);
      expect(await handler({ n: 3 })).toBe(6);
      expect(attempts).toBe(2);
      expect(metrics.total('ReminderRuns')).toBe(2);
      expect(metrics.flushes).toBe(2);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
