import { decodeJwt } from 'jose';
import { createIsolatedTable, testEnv, isolatedContainer, seededTable } from '../../../test/support/tables';
import { invoke, loadHandlers } from '../../../test/support/invoke';
import { SessionTokens } from './session-tokens';

// Sign-in, sessions and roles against a real DynamoDB Local table.
describe('sign-in and roles (DynamoDB Local)', () => {
  let api: ReturnType<typeof loadHandlers>;
  let tableName: string;

  beforeAll(async () => {
    tableName = await createIsolatedTable();
    api = loadHandlers(testEnv(tableName));
  });

  describe('POST /auth/wechat', () => {
    it('creates a resident on first sign-in and signs the same person in again', async () => {
      const first = await invoke(api.signInWithWechat, 'signInWithWechat', { body: { code: 'wx-code-alice' } });
      expect(first.status).toBe(200);
      expect(first.body.user).toMatchObject({ role: 'resident', displayName: '微信用户' });
      expect(JSON.stringify(first.body)).not.toMatch(/session_key|openid/i);
      const claims = decodeJwt(first.body.token);
      expect(claims.sub).toBe(first.body.user.id);
      expect(claims.exp! - claims.iat!).toBe(7200);

      const again = await invoke(api.signInWithWechat, 'signInWithWechat', { body: { code: 'wx-code-alice' } });
      expect(again.body.user.id).toBe(first.body.user.id);

      const me = await invoke(api.getMe, 'getMe', { token: again.body.token });
      expect(me.status).toBe(200);
      expect(me.body).toEqual(first.body.user);
    });

    it('maps one openid to one user even when first sign-ins race', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => invoke(api.signInWithWechat, 'signInWithWechat', { body: { code: 'wx-code-race' } })));
      expect(results.every((r) => r.status === 200)).toBe(true);
      expect(new Set(results.map((r) => r.body.user.id)).size).toBe(1);
    });

    it('rejects a missing code and unknown fields with per-field Chinese messages', async () => {
      const missing = await invoke(api.signInWithWechat, 'signInWithWechat', { body: {} });
      expect(missing.status).toBe(400);
      expect(missing.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { code: '缺少微信登录凭证' } });

      const extra = await invoke(api.signInWithWechat, 'signInWithWechat', { body: { code: 'x', role: 'admin' } });
      expect(extra.status).toBe(400);
      expect(extra.body.error.fields).toEqual({ role: '不允许提交此字段' });

      const notJson = await invoke(api.signInWithWechat, 'signInWithWechat', { rawBody: '{"code":' });
      expect(notJson.status).toBe(400);
      expect(notJson.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('refuses an oversized body with 413 before reading it', async () => {
      const big = await invoke(api.signInWithWechat, 'signInWithWechat', { rawBody: JSON.stringify({ code: 'x'.repeat(70 * 1024) }) });
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('sessions', () => {
    it('answers 401 without a token, with a forged one and with an expired one', async () => {
      const none = await invoke(api.getMe, 'getMe');
      expect(none.status).toBe(401);
      expect(none.body.error).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });

      const forged = await new SessionTokens(new TextEncoder().encode('another-secret-another-secret-another-secret'), 3600).issue({ userId: '01JAAAAAAAAAAAAAAAAAAAAAAA', role: 'admin' }, new Date());
      expect((await invoke(api.getMe, 'getMe', { token: forged.token })).status).toBe(401);

      const { deps } = await isolatedContainer();
      const expired = await deps.tokens.issue({ userId: '01JAAAAAAAAAAAAAAAAAAAAAAA', role: 'resident' }, new Date(Date.now() - 3 * 3600_000));
      const late = await invoke(api.getMe, 'getMe', { token: expired.token });
      expect(late.status).toBe(401);
      expect(late.body.error.message).toBe('登录已过期，请重新登录');
    });
  });

  describe('local personas', () => {
    it('lists the demo personas and signs in as one on the local stage', async () => {
      const { tableName: localTable } = await seededTable();
      const localApi = loadHandlers(testEnv(localTable));

      const list = await invoke(localApi.listPersonas, 'listPersonas');
      expect(list.status).toBe(200);
      expect(list.body.personas.map((p: { key: string }) => p.key)).toEqual(['resident', 'resident2', 'volunteer', 'rep1', 'rep2', 'staff1', 'staff2', 'admin', 'liaison', 'gridhead', 'townadmin', 'reptwo', 'unitliaison']);

      const rep = await invoke(localApi.signInAsPersona, 'signInAsPersona', { body: { persona: 'rep1' } });
      expect(rep.status).toBe(200);
      expect(rep.body.user).toMatchObject({ displayName: '张建国', role: 'representative', studioName: '洛社镇党代表工作室' });

      const unknown = await invoke(localApi.signInAsPersona, 'signInAsPersona', { body: { persona: 'nobody' } });
      expect(unknown.status).toBe(404);
    });

    it('does not exist on any other stage: refused before anything is read', async () => {
      const { tableName: table } = await seededTable();
      for (const stage of ['dev', 'prod']) {
        // another stage cannot even be pointed at a local table (DYNAMODB_ENDPOINT is refused there); its secrets come from Parameter Store
        const names = { PARAM_SESSION_SECRET: `/lianxin/${stage}/session-secret`, PARAM_WECHAT_APP_ID: `/lianxin/${stage}/wechat/app-id`, PARAM_WECHAT_APP_SECRET: `/lianxin/${stage}/wechat/app-secret` };
        const env = testEnv(table, { STAGE: stage, WECHAT_ADAPTER: 'http', S3_ENDPOINT: '', DYNAMODB_ENDPOINT: '', SESSION_SECRET: '', ...names });
        const prodApi = loadHandlers(env, { [names.PARAM_SESSION_SECRET]: 'p'.repeat(40), [names.PARAM_WECHAT_APP_ID]: 'wx123', [names.PARAM_WECHAT_APP_SECRET]: 'secret' });
        const signIn = await invoke(prodApi.signInAsPersona, 'signInAsPersona', { body: { persona: 'admin' } });
        expect(signIn.status).toBe(404);
        expect(signIn.body.token).toBeUndefined();
        expect((await invoke(prodApi.listPersonas, 'listPersonas')).status).toBe(404);
      }
    });
  });
});
