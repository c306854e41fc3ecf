import { errorResponse } from './respond';
import { ConfigurationError } from '../config';
import { ConflictError, RateLimitedError, ValidationError } from '../errors';

describe('the error vocabulary', () => {
  it('maps domain errors to their status with a Chinese message', () => {
    const res = errorResponse(new ValidationError({ text: '至少需要 5 个字' }));
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body!)).toEqual({ error: { code: 'VALIDATION_FAILED', message: '填写的内容有误，请检查后再提交', fields: { text: '至少需要 5 个字' } } });
    expect(errorResponse(new ConflictError('已约满')).statusCode).toBe(409);
    // a 409 a screen must tell apart carries its reason beside the words
    expect(JSON.parse(errorResponse(new ConflictError('已于 09:12 由 王志强 签到', 'already_checked_in')).body!)).toEqual({ error: { code: 'CONFLICT', message: '已于 09:12 由 王志强 签到', reason: 'already_checked_in' } });
    const limited = errorResponse(new RateLimitedError(undefined, 30));
    expect(limited.statusCode).toBe(429);
    expect(limited.headers).toMatchObject({ 'retry-after': '30' });
  });

  it('answers anything unexpected with a bare 500 that reveals nothing internal', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = errorResponse(new Error('ConditionalCheckFailed on table lianxin-prod at 10.0.0.1'));
    expect(res.statusCode).toBe(500);
    expect(res.body).toBe(JSON.stringify({ error: { code: 'INTERNAL', message: '系统开小差了，请稍后再试' } }));
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('returns the request id in every error body, the bare 500 included', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(JSON.parse(errorResponse(new ValidationError({ text: '太短' }), { requestId: 'R-9' }).body!).error.requestId).toBe('R-9');
    expect(JSON.parse(errorResponse(new Error('boom'), { requestId: 'R-9' }).body!)).toEqual({ error: { code: 'INTERNAL', message: '系统开小差了，请稍后再试', requestId: 'R-9' } });
    spy.mockRestore();
  });

  it('answers 503 for a function that cannot start for want of configuration, in one log line that names what is missing', () => {
    const lines: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(String(args[0])));
    const res = errorResponse(new ConfigurationError(['missing or empty in Parameter Store: /lianxin/prod/wechat/app-secret']), { requestId: 'R-7' });
    expect(res.statusCode).toBe(503);
    expect(res.headers).toMatchObject({ 'retry-after': '30' });
    expect(JSON.parse(res.body!)).toEqual({ error: { code: 'UPSTREAM_UNAVAILABLE', message: '服务暂时不可用，请稍后再试', requestId: 'R-7' } });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).message).toBe('configuration incomplete: missing or empty in Parameter Store: /lianxin/prod/wechat/app-secret');
    spy.mockRestore();
  });
});
