import type { Context } from 'aws-lambda';
import { beginInvocation, log, setLogLevel } from './log';

/** The log lines written while `act` runs, parsed (Powertools writes through the console in tests: POWERTOOLS_DEV). */
function linesOf(act: () => void): Record<string, unknown>[] {
  const lines: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(String(args[0]))));
  try {
    act();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

const lambdaContext = { awsRequestId: 'c0ffee00-aws-request', functionName: 'lianxin-prod-stands', memoryLimitInMB: '512', functionVersion: '$LATEST', invokedFunctionArn: 'arn:aws-cn:lambda:cn-northwest-1:1:function:lianxin-prod-stands' } as unknown as Context;

describe('logs', () => {
  it('redact tokens, openids, phone numbers and codes by key', () => {
    const [line] = linesOf(() => log.info('signed in', { userId: 'u1', openid: 'o-secret', phone: '13800138000', nested: { token: 'eyJ', code: 'wx', sessionKey: 'k' } }));
    const text = JSON.stringify(line);
    expect(line).toMatchObject({ level: 'INFO', message: 'signed in', service: 'lianxin', userId: 'u1' });
    for (const secret of ['o-secret', '13800138000', 'eyJ', '"wx"', '"k"']) expect(text).not.toContain(secret);
  });

  it('redact phone numbers and signed tokens inside any text, an error’s message and stack included', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl';
    const error = new Error(`ConditionalCheckFailed for 13912345678 with Bearer ${jwt}`);
    const [line] = linesOf(() => log.error(`could not reach 13912345678`, { error, note: `token ${jwt} of 15800001111`, at: '2026-11-23T01:00:00Z', count: 15912345678901 }));
    const text = JSON.stringify(line);
    for (const secret of ['13912345678', '15800001111', jwt, 'c2lnbmF0dXJl']) expect(text).not.toContain(secret);
    expect(line).toMatchObject({ level: 'ERROR', message: 'could not reach [phone]', note: 'token [token] of [phone]', at: '2026-11-23T01:00:00Z' });
    expect((line!.error as { message: string }).message).toBe('ConditionalCheckFailed for [phone] with Bearer [token]');
    // a longer run of digits is not a phone number
    expect(line!.count).toBe(15912345678901);
  });

  it('carry API Gateway’s request id as the correlation id, the route and the cold-start flag, and drop them at the next invocation', () => {
    // a fresh container, as Lambda starts it (Powertools reads the initialization type when the logger is made)
    process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'on-demand';
    let fresh!: typeof import('./log');
    jest.isolateModules(() => {
      fresh = require('./log');
    });
    delete process.env.AWS_LAMBDA_INITIALIZATION_TYPE;
    const [first, second] = linesOf(() => {
      fresh.beginInvocation({ context: lambdaContext, requestId: 'Kx2pQj8vPAMEbcQ=', route: 'POST /bookings' });
      fresh.log.info('first');
      fresh.beginInvocation({ context: lambdaContext });
      fresh.log.info('second');
    });
    expect(first).toMatchObject({ message: 'first', correlation_id: 'Kx2pQj8vPAMEbcQ=', route: 'POST /bookings', cold_start: true, function_name: 'lianxin-prod-stands', function_request_id: 'c0ffee00-aws-request' });
    expect(second).toMatchObject({ message: 'second', cold_start: false });
    expect(second).not.toHaveProperty('correlation_id');
    expect(second).not.toHaveProperty('route');
  });

  it('write at the configured level and above', () => {
    try {
      setLogLevel('WARN');
      const lines = linesOf(() => {
        log.info('quiet');
        log.warn('loud');
      });
      expect(lines.map((l) => l.message)).toEqual(['loud']);
    } finally {
      setLogLevel('INFO');
    }
  });

  it('mark the first invocation of a container cold also without a Lambda context (serverless-offline)', () => {
    const lines = linesOf(() => {
      beginInvocation({ requestId: 'a' });
      log.info('later');
    });
    expect(lines[0]).toMatchObject({ correlation_id: 'a', cold_start: expect.any(Boolean) });
    let fresh!: typeof import('./log');
    jest.isolateModules(() => {
      fresh = require('./log');
    });
    const [first, second] = linesOf(() => {
      fresh.beginInvocation({ requestId: 'b' });
      fresh.log.info('first');
      fresh.beginInvocation({ requestId: 'c' });
      fresh.log.info('second');
    });
    expect(first).toMatchObject({ correlation_id: 'b', cold_start: true });
    expect(second).toMatchObject({ correlation_id: 'c', cold_start: false });
  });
});
