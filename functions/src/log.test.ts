import { log } from './log';

describe('logs', () => {
  it('redact tokens, openids, phone numbers and codes', () => {
    const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    log.info('signed in', { userId: 'u1', openid: 'o-secret', phone: '13800138000', nested: { token: 'eyJ', code: 'wx' } });
    const line = String(spy.mock.calls[0][0]);
    expect(line).toContain('u1');
    for (const secret of ['o-secret', '13800138000', 'eyJ', '"wx"']) expect(line).not.toContain(secret);
    spy.mockRestore();
  });
});
