import { deskTicketIdOf } from '@shared/desk-qr';
import { browserOf } from './browser-description';

describe('the browser a desk sign-in comes from, as the phone shows it', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36', 'Chrome 浏览器 · Windows 电脑'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0', 'Edge 浏览器 · Windows 电脑'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15', 'Safari 浏览器 · Mac 电脑'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0', 'Firefox 浏览器 · Linux 电脑'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.42', '微信内置浏览器 · 苹果手机或平板'],
    ['Mozilla/5.0 (Linux; Android 13; PGT-AN10) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36', 'Chrome 浏览器 · 安卓设备'],
    ['curl/8.4.0', '未知浏览器'],
  ])('%s → %s', (agent, shown) => {
    expect(browserOf(agent)).toBe(shown);
  });

  it('says 未知浏览器 without an agent', () => {
    expect(browserOf(undefined)).toBe('未知浏览器');
  });
});

describe('what a desk QR code holds', () => {
  it('gives the ticket id of our codes only', () => {
    expect(deskTicketIdOf('lianxin-desk:01JDTICKET0000000000000001')).toBe('01JDTICKET0000000000000001');
    expect(deskTicketIdOf(' lianxin-desk:01JDTICKET0000000000000001\n')).toBe('01JDTICKET0000000000000001');
    expect(deskTicketIdOf('https://example.com/lianxin-desk:01JD')).toBeUndefined();
    expect(deskTicketIdOf('lianxin-desk:../../etc')).toBeUndefined();
    expect(deskTicketIdOf('lianxin-desk:')).toBeUndefined();
  });
});
