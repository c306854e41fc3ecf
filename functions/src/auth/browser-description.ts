/**
 * 「Chrome 浏览器 · Windows 电脑」: what the phone shows of the browser asking to be signed in, read from its User-Agent
 * (only the browser's and the system's names — never the whole string, which can carry more than a person expects).
 */
const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger/i, '微信内置浏览器'],
  [/Edg\//, 'Edge 浏览器'],
  [/QQBrowser/i, 'QQ 浏览器'],
  [/360SE|360EE/i, '360 浏览器'],
  [/Firefox\//, 'Firefox 浏览器'],
  [/Chrome\/|Chromium\//, 'Chrome 浏览器'],
  [/Safari\//, 'Safari 浏览器'],
];
// iPhone's and Android's agents also say "Mac OS X" / "Linux": the more specific systems come first
const SYSTEMS: [RegExp, string][] = [
  [/Android/, '安卓设备'],
  [/iPhone|iPad/, '苹果手机或平板'],
  [/Windows/, 'Windows 电脑'],
  [/Mac OS X|Macintosh/, 'Mac 电脑'],
  [/Linux|X11/, 'Linux 电脑'],
];

export function browserOf(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? '未知浏览器';
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1];
  return system ? `${browser} · ${system}` : browser;
}
