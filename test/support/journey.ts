import type { Locator, Page } from 'playwright-core';
import { freePort } from '../../scripts/lib/ports';
import { startStack, type Stack, type StackOptions } from '../../scripts/lib/stack';
import { openBrowser, type PhoneOptions } from './browser';

type PortOption = 'dynamoPort' | 'apiPort' | 'lambdaPort' | 'h5Port' | 's3Port';

/** What a browser journey holds: the whole local stack, one Chromium, and the people's phones and screens. */
export interface Journey {
  /** The stack started for this file (DynamoDB Local, s3rver, serverless-offline, the H5 build, demo data). */
  readonly stack: Stack;
  /** A small phone of its own (own storage, so its own signed-in person). */
  phone(options?: PhoneOptions): Promise<Page>;
  /** A landscape display of the given size (the 大屏). */
  screen(viewport: { width: number; height: number }): Promise<Page>;
}

/**
 * Starts the stack on free ports and Chromium before the file's tests and stops both after them, by process id:
 * call it once at the top of a `describe`. Options are the stack's own (demo hours, a shifted clock …).
 * The H5 app is the run's shared build (`sharedH5`, scripts/lib/h5-shared.ts: Taro builds it once for all the
 * journeys, each stack serves a copy with its own API address); pass `sharedH5: false` to build it for this stack alone.
 * The functions' bundles are kept between journeys with the same sources (`bundleCache`, scripts/lib/esbuild-cache.cjs);
 * pass `bundleCache: false` to have serverless-offline bundle them afresh. With LIANXIN_STACK_STEPS=1 it prints how long
 * each part took to start.
 */
export function journey(options: Omit<Partial<StackOptions>, PortOption> = {}): Journey {
  let stack: Stack | undefined;
  let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;

  beforeAll(async () => {
    const begun = Date.now();
    // LIANXIN_STACK_STEPS=1: each part's start-up time, for measuring (README "Test suite time")
    const onStep = process.env.LIANXIN_STACK_STEPS ? (step: string, ms: number) => console.log(`${step}: ${ms} ms (ready after ${Date.now() - begun} ms)`) : undefined;
    const ports = { dynamoPort: await freePort(), apiPort: await freePort(), lambdaPort: await freePort(), h5Port: await freePort(), s3Port: await freePort() };
    stack = await startStack({ onStep, ...ports, sharedH5: true, bundleCache: true, ...options });
    browser = await openBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the journey has not started: use it inside the describe’s tests');
    return value;
  };
  return {
    get stack() {
      return started(stack);
    },
    phone: (phoneOptions) => started(browser).phone(phoneOptions),
    screen: (viewport) => started(browser).screen(viewport),
  };
}

/** The first visible element matching the selector (Taro's H5 keeps earlier pages in the DOM, hidden). */
export function visible(page: Page, selector: string): Locator {
  return page.locator(selector).filter({ visible: true }).first();
}

/** On a page showing 登录 (我的, the stand page, a gate): signs in as one of the local stage's demo people. */
export async function signIn(page: Page, persona: string): Promise<void> {
  await visible(page, '.login-button').click();
  await visible(page, `.persona-${persona}`).click();
}

/** The stack's API as a journey calls it to set things up (as a phone would): JSON in and out, a failure thrown with its body. */
export function apiOf(j: Journey) {
  return async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const response = await fetch(`${j.stack.apiUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}
