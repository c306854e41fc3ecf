import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expectAccessible } from './axe';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results');

export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A small phone (375×812) in China: the journeys' residents and staff, and `npm run bench:stand`'s resident. */
export const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

/**
 * Debian's Chromium, headless, with offline-friendly flags. Each `phone()` is a separate small phone (375×812,
 * its own storage, so its own signed-in person), as residents and staff each hold one.
 */
export async function openBrowser(): Promise<{ phone(): Promise<Page>; screen(viewport: { width: number; height: number }): Promise<Page>; close(): Promise<void> }> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: LAUNCH_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    async phone() {
      const context = await browser.newContext(PHONE);
      contexts.push(context);
      return context.newPage();
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
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(400); // Taro pages slide in
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await expectAccessible(page, name);
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
