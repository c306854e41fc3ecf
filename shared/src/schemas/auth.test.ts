import { parseWith } from '../validation';
import { createInviteRequest, redeemInviteRequest, wechatSignInRequest } from './auth';

describe('request schemas speak Chinese and name the field', () => {
  it('requires the wx.login code', () => {
    expect(parseWith(wechatSignInRequest, {})).toEqual({ ok: false, fields: { code: '缺少微信登录凭证' } });
    expect(parseWith(wechatSignInRequest, { code: '  ' })).toEqual({ ok: false, fields: { code: '缺少微信登录凭证' } });
  });

  it('rejects fields nobody asked for (no mass assignment)', () => {
    expect(parseWith(wechatSignInRequest, { code: 'abc', role: 'admin', studioId: 'x' })).toEqual({ ok: false, fields: { role: '不允许提交此字段', studioId: '不允许提交此字段' } });
  });

  it('forgives case, spaces, dashes and full-width input in an invite code, and names a character no code has', () => {
    expect(parseWith(redeemInviteRequest, { code: 'acde-fg34 ' })).toEqual({ ok: true, value: { code: 'ACDEFG34' } });
    expect(parseWith(redeemInviteRequest, { code: 'ＡＣＤＥ ＦＧ３４' })).toEqual({ ok: true, value: { code: 'ACDEFG34' } });
    expect(parseWith(redeemInviteRequest, { code: 'ACDEFG30' })).toEqual({
      ok: false,
      fields: { code: '邀请码里不会有「0」，请核对：邀请码由字母（不含 B、I、L、O、S、Z）或数字 3、4、6、7、9组成' },
    });
    expect(parseWith(redeemInviteRequest, { code: 'ACDE' })).toEqual({ ok: false, fields: { code: '邀请码应为 8 位（您输入了 4 位），由字母（不含 B、I、L、O、S、Z）或数字 3、4、6、7、9组成' } });
  });

  it('bounds how long an invite is valid and which roles it may grant', () => {
    expect(parseWith(createInviteRequest, { role: 'staff' })).toEqual({ ok: true, value: { role: 'staff', validHours: 72 } });
    expect(parseWith(createInviteRequest, { role: 'resident' })).toEqual({ ok: false, fields: { role: '请选择有效的选项' } });
    expect(parseWith(createInviteRequest, { role: 'admin', validHours: 500 })).toEqual({ ok: false, fields: { validHours: '有效时长最多 168 小时（7 天）' } });
  });
});
