import { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { z } from 'zod';
import { defineRoutes } from '@shared/contract/define';
import { configLoader } from '../config';
import { createRouter } from '../http/router';
import { standsDeps } from '../stands/deps';
import { ssmParameterSource } from './ssm-parameters';

/**
 * Parameter Store played by the SSM client itself: a real SSMClient whose `send` answers GetParameters from a map,
 * so Powertools Parameters runs as in Lambda (batching, decryption flag, cache) without a network.
 */
function fakeParameterStore(held: Record<string, string>) {
  const requests: { names: string[]; decrypt: boolean | undefined }[] = [];
  const client = new SSMClient({ region: 'cn-northwest-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  client.send = (async (command: unknown) => {
    if (!(command instanceof GetParametersCommand)) throw new Error(`unexpected ${String(command)}`);
    const names = command.input.Names ?? [];
    requests.push({ names, decrypt: command.input.WithDecryption });
    return {
      Parameters: names.filter((name) => name in held).map((name) => ({ Name: name, Value: held[name], Type: name.endsWith('secret') ? 'SecureString' : 'String' })),
      InvalidParameters: names.filter((name) => !(name in held)),
    };
  }) as never;
  return { requests, source: ssmParameterSource(async () => new SSMProvider({ awsSdkV3Client: client })) };
}

describe('parameters from SSM Parameter Store (Powertools Parameters)', () => {
  it('fetches the names in one GetParameters call, decrypted, and leaves out the ones SSM does not have', async () => {
    const { requests, source } = fakeParameterStore({ '/lianxin/prod/session-secret': 's'.repeat(40), '/lianxin/prod/wechat/app-id': 'wx1' });
    expect(await source(['/lianxin/prod/session-secret', '/lianxin/prod/wechat/app-id', '/lianxin/prod/wechat/app-secret'])).toEqual({
      '/lianxin/prod/session-secret': 's'.repeat(40),
      '/lianxin/prod/wechat/app-id': 'wx1',
    });
    expect(requests).toEqual([{ names: ['/lianxin/prod/session-secret', '/lianxin/prod/wechat/app-id', '/lianxin/prod/wechat/app-secret'], decrypt: true }]);
    // cached for the container: asked again, only the one still missing is fetched
    await source(['/lianxin/prod/session-secret', '/lianxin/prod/wechat/app-id', '/lianxin/prod/wechat/app-secret']);
    expect(requests[1]).toEqual({ names: ['/lianxin/prod/wechat/app-secret'], decrypt: true });
  });

  it('a parameter missing at cold start: one log line naming it and 503 for that request; the next request, after it is created, starts the function', async () => {
    const held: Record<string, string> = {};
    const { requests, source } = fakeParameterStore(held);
    const env = { STAGE: 'prod', TABLE_NAME: 'lianxin-prod', AWS_REGION: 'cn-northwest-1', PHOTO_BUCKET: 'lianxin-photos-prod', PARAM_SESSION_SECRET: '/lianxin/prod/session-secret' };
    const routes = defineRoutes({ mine: { method: 'GET', path: '/mine', roles: ['resident'], response: z.object({}), summary: 'a signed-in read' } });
    // the stands context's real wiring (no I/O until a request needs the table)
    const handler = createRouter(routes, { mine: async () => ({}) }, standsDeps, configLoader(() => env, source));
    const call = (requestId: string) => handler({ version: '2.0', routeKey: 'GET /mine', rawPath: '/mine', headers: {}, requestContext: { requestId, http: { method: 'GET' } }, isBase64Encoded: false } as unknown as APIGatewayProxyEventV2);

    const lines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error'] as const).map((level) => jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(String(args[0]))));
    try {
      const refused = await call('Req-1');
      expect(refused.statusCode).toBe(503);
      expect(JSON.parse(refused.body!)).toEqual({ error: { code: 'UPSTREAM_UNAVAILABLE', message: '服务暂时不可用，请稍后再试', requestId: 'Req-1' } });
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({
        level: 'ERROR',
        message: 'configuration incomplete: missing or empty in Parameter Store: /lianxin/prod/session-secret',
        correlation_id: 'Req-1',
      });

      // the operator runs `aws ssm put-parameter …`; the next request wires the context (and answers 401: no session)
      held['/lianxin/prod/session-secret'] = 'p'.repeat(40);
      expect((await call('Req-2')).statusCode).toBe(401);
      expect((await call('Req-3')).statusCode).toBe(401);
      expect(requests.map((r) => r.names)).toEqual([['/lianxin/prod/session-secret'], ['/lianxin/prod/session-secret']]);
      expect(lines).toHaveLength(1);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
