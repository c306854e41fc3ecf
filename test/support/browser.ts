import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expectAccessible } from './axe';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results');

export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A small phone (375×812) in China: the journeys' residents and staff, and `npm run bench:stand`'s resident. */
export const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

/** A phone's own settings: `textSize` 2 is the phone's text at twice its default (Chromium's standard 16 px → 32 px). */
export interface PhoneOptions {
  textSize?: number;
}

/**
 * Debian's Chromium, headless, with offline-friendly flags. Each `phone()` is a separate small phone (375×812,
 * its own storage, so its own signed-in person), as residents and staff each hold one.
 */

export async function openBrowser(): Promise<{ phone(options?: PhoneOptions): Promise<Page>; screen(viewport: { width: number; height: number }): Promise<Page>; close(): Promise<void> }> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: LAUNCH_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    async phone(options: PhoneOptions = {}) {
      const context = await browser.newContext(PHONE);
      contexts.push(context);
      const page = await context.newPage();
      if (options.textSize) {
        // the browser's own text size setting (what a person sets under 设置 → 字体大小), kept across navigations
        const cdp = await context.newCDPSession(page);
        await cdp.send('Page.enable');
        await cdp.send('Page.setFontSizes', { fontSizes: { standard: Math.round(16 * options.textSize) } });
      }
      return page;
    },
    /** A large display (the 大屏): a landscape screen of the given size, not a phone. */
    async screen(viewport: { width: number; height: number }) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/**
 * A page the journey saw: a screenshot in test-results/ and axe-core's check of it (test/support/axe.ts), which fails
 * the journey on any critical or serious accessibility problem. Every journey calls this on each page it visits.
 */
export async function screenshot(page: Page, name: string, options: { enhancedContrast?: boolean; directory?: string } = {}): Promise<void> {
  const directory = options.directory ?? SCREENSHOTS;
  mkdirSync(directory, { recursive: true });
  await page.waitForTimeout(400); // Taro pages slide in
  // the README's screens (docs/screens) are JPEG, the size of one phone screen; test-results keep full PNGs
  if (options.directory) await page.screenshot({ path: join(directory, `${name}.jpg`), type: 'jpeg', quality: 70 });
  else await page.screenshot({ path: join(directory, `${name}.png`), fullPage: true });
  await expectAccessible(page, name, { enhancedContrast: options.enhancedContrast });
}

/** Waits until the element shows the text (exactly, or containing it), failing with what it showed instead. */
export async function waitForText(locator: Locator, text: string, options: { exact?: boolean; timeoutMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let seen = '(nothing)';
  while (Date.now() < deadline) {
    seen = ((await locator.textContent({ timeout: 500 }).catch(() => null)) ?? '(nothing)').trim();
    if (options.exact ? seen === text : seen.includes(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${options.exact ? '' : 'to contain '}"${text}", but the page showed "${seen}"`);
}

/**
 * Fails when something on the page does not fit a small phone: the page scrolls sideways, a visible element reaches
 * past the screen's edges, or a box with hidden overflow cuts off its text. Names each offender by class and text.
 */
export async function expectNothingOverflows(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500); // Taro pages slide in from the right: measure once they are in place
  const problems = await page.evaluate(() => {
    const width = window.innerWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) found.push(`the page is ${document.documentElement.scrollWidth}px wide on a ${width}px screen`);
    const describe = (el: Element) => `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').trim().split(/\s+/).join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const scrollsSideways = (el: Element): boolean => {
      for (let p = el.parentElement; p; p = p.parentElement) if (/(auto|scroll)/.test(getComputedStyle(p).overflowX) && p.scrollWidth > p.clientWidth) return true;
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || el.closest('[aria-hidden="true"]')) continue;
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      if ((rect.right > width + 1 || rect.left < -1) && ownText && !scrollsSideways(el)) found.push(`${describe(el)} reaches past the screen (${Math.round(rect.left)}–${Math.round(rect.right)}px)`);
      if (ownText && /(hidden|clip)/.test(style.overflowX + style.overflowY) && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) found.push(`${describe(el)} cuts off its text`);
    }
    return found;
  });
  if (problems.length) throw new Error(`${name}: ${problems.length} overflow problem(s) at this text size:\n  ${problems.slice(0, 15).join('\n  ')}`);
}
