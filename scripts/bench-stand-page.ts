/**
 * `npm run bench:stand` — how long a resident at the market waits, after scanning a venue's code, for the stand page's
 * services: real Chromium against `npm start`'s stack (the H5 build served by scripts/lib/static-server.ts, the API under
 * serverless-offline, DynamoDB Local with the demo seed), on an emulated weak phone. Prints figures; asserts nothing.
 *
 * The phone: 1.6 Mbps down, 750 kbps up, 300 ms round trip (Chromium's network emulation), CPU 4× slower.
 * - cold: a fresh browser context (nothing cached, nothing stored) opens the stand's address;
 * - warm: the same context opens it again in a new tab (its HTTP cache and storage kept: a resident coming back).
 * Time to services = navigation start → the stand page's first service row laid out on screen. On a warm visit that may
 * be the stand as last seen, from storage, under its 正在更新… notice; "confirmed" is when the API's answer replaced it.
 * BENCH_ROUNDS rounds (default 3) of cold then warm, after one unthrottled visit that warms the API and the server; medians.
 *
 *   npm run bench:stand                     # builds the H5 app first (~30 s on 2 cores)
 *   npm run bench:stand -- --no-build       # serves miniprogram/dist/h5 as it is (built for this run's API port!)
 */
import '../test/support/quiet-sdk-node-warning';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, LAUNCH_ARGS, PHONE } from '../test/support/browser';
import { freePort } from './lib/ports';
import { startStack, type Stack } from './lib/stack';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** The phone at the market (issue #11). Chromium takes throughputs in bytes per second. */
const MARKET_PHONE = { downloadKbps: 1600, uploadKbps: 750, latencyMs: 300, cpuSlowdown: 4 };
/** Targets (issue #11, item 3), on that phone. */
const TARGET_COLD_MS = 2500;
const TARGET_WARM_MS = 1500;

interface Visit {
  /** Navigation start → the first service row laid out. */
  servicesMs: number;
  /** … → service rows with no 正在更新… notice above them: the API's answer. */
  confirmedMs: number;
  /** Bytes on the wire (headers included), and how many requests went to the network. */
  bytes: number;
  requests: number;
  /** Answered from the browser's cache without asking, and answered 304 Not Modified. */
  fromCache: number;
  notModified: number;
}

/**
 * Records, in the page itself and once per frame (a frame is what the resident sees; a DOM observer would slow the page
 * it measures), when the first service row is laid out and when no 正在更新… notice is above it.
 */
const RECORD_SERVICES = `(() => {
  const mark = { servicesMs: null, confirmedMs: null };
  window.__standBench = mark;
  const frame = () => {
    const row = document.querySelector('.stand-page .service-card');
    const box = row && row.getBoundingClientRect();
    if (box && box.width > 0 && box.height > 0) {
      if (mark.servicesMs === null) mark.servicesMs = performance.now();
      if (!document.querySelector('.notice--remembered')) {
        mark.confirmedMs = performance.now();
        return;
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

async function visit(context: BrowserContext, url: string, throttled: boolean): Promise<Visit> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: MARKET_PHONE.latencyMs,
      downloadThroughput: (MARKET_PHONE.downloadKbps * 1000) / 8,
      uploadThroughput: (MARKET_PHONE.uploadKbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: MARKET_PHONE.cpuSlowdown });
  }
  const traffic = { bytes: 0, requests: 0, notModified: 0 };
  const cached = new Set<string>();
  cdp.on('Network.requestServedFromCache', (event) => cached.add(event.requestId));
  cdp.on('Network.responseReceived', (event) => {
    if (event.response.fromDiskCache || event.response.fromPrefetchCache) cached.add(event.requestId);
  });
  // what came over the wire: a revalidated index.html shows here as 304 (responseReceived reports the cached 200)
  cdp.on('Network.responseReceivedExtraInfo', (event) => {
    if (event.statusCode === 304) traffic.notModified += 1;
  });
  cdp.on('Network.loadingFinished', (event) => {
    if (event.encodedDataLength > 0) {
      traffic.bytes += event.encodedDataLength;
      traffic.requests += 1;
    }
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __standBench?: { confirmedMs: number | null } }).__standBench?.confirmedMs != null, undefined, { timeout: 120_000, polling: 200 });
  const mark = await page.evaluate(() => (window as unknown as { __standBench: { servicesMs: number; confirmedMs: number } }).__standBench);
  await page.waitForTimeout(300); // the last responses' loadingFinished
  await page.close();
  return { servicesMs: mark.servicesMs, confirmedMs: mark.confirmedMs, ...traffic, fromCache: cached.size };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** The scripts and stylesheets index.html names: the entry's tags, and the stand page's preloads (`"href":"/js/…"`). */
async function standFiles(stack: Stack): Promise<string[]> {
  const html = await (await fetch(`${stack.h5Url}/`)).text();
  return [...new Set([...html.matchAll(/(?:src=|href=|"href":)"(\/(?:js|css)\/[^"]+)"/g)].map((m) => m[1]!))];
}

/** What the stand page's first visit downloads: as built, and as the server sends it (brotli). */
async function entryWeight(stack: Stack): Promise<string> {
  const files = await standFiles(stack);
  let raw = 0;
  let br = 0;
  for (const path of files) {
    raw += (await (await fetch(`${stack.h5Url}${path}`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()).byteLength;
    br += Number((await fetch(`${stack.h5Url}${path}`, { method: 'HEAD', headers: { 'accept-encoding': 'br' } })).headers.get('content-length'));
  }
  return `${files.length} files named in index.html (entry + the stand page's preloads): ${kb(raw)}, ${kb(br)} as sent (brotli)`;
}

async function brotliReady(stack: Stack): Promise<void> {
  for (const path of await standFiles(stack)) {
    for (let tries = 0; tries < 300; tries += 1) {
      const res = await fetch(`${stack.h5Url}${path}`, { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
      if (res.headers.get('content-encoding') === 'br') break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function main() {
  const build = !process.argv.includes('--no-build');
  console.log(`Starting the local stack${build ? ' (building the H5 app)' : ' (--no-build: miniprogram/dist/h5 as it is)'} …`);
  const stack = await startStack({
    ...{ dynamoPort: await freePort(), apiPort: await freePort(), lambdaPort: await freePort(), h5Port: await freePort(), s3Port: await freePort() },
    buildH5: build,
    // the same page at any hour: a morning market of 4 services × 8 half-hour slots (today's, or the next one's once over)
    demoTodayHours: { startTime: '08:00', endTime: '12:00' },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: LAUNCH_ARGS });
  try {
    console.log(`Stand page: ${stack.standUrl}`);

    // warm the API (serverless-offline builds a context's bundle on its first request), and wait for the server's
    // brotli files (made in the background after it starts; gzip is sent until then)
    const warmUp = await browser.newContext(PHONE);
    await warmUp.addInitScript(RECORD_SERVICES);
    await visit(warmUp, stack.standUrl, false);
    await warmUp.close();
    await brotliReady(stack);
    console.log(await entryWeight(stack));
    console.log(`Phone: ${MARKET_PHONE.downloadKbps / 1000} Mbps down, ${MARKET_PHONE.uploadKbps} kbps up, ${MARKET_PHONE.latencyMs} ms RTT, CPU ${MARKET_PHONE.cpuSlowdown}× slower; ${ROUNDS} rounds\n`);

    const cold: Visit[] = [];
    const warm: Visit[] = [];
    const row = (label: string, v: Visit) =>
      console.log(`${label.padEnd(10)} services ${seconds(v.servicesMs).padStart(7)}   confirmed ${seconds(v.confirmedMs).padStart(7)}   ${kb(v.bytes).padStart(7)} in ${String(v.requests).padStart(2)} requests, ${v.fromCache} from cache, ${v.notModified} × 304`);
    for (let round = 1; round <= ROUNDS; round += 1) {
      const context = await browser.newContext(PHONE);
      await context.addInitScript(RECORD_SERVICES);
      const first = await visit(context, stack.standUrl, true);
      const again = await visit(context, stack.standUrl, true);
      await context.close();
      cold.push(first);
      warm.push(again);
      row(`cold #${round}`, first);
      row(`warm #${round}`, again);
    }

    const coldMs = median(cold.map((v) => v.servicesMs));
    const warmMs = median(warm.map((v) => v.servicesMs));
    const verdict = (ms: number, target: number) => `${seconds(ms)} (target ≤ ${seconds(target)}: ${ms <= target ? 'met' : 'MISSED'})`;
    console.log(`\nMedian time to the services list: cold ${verdict(coldMs, TARGET_COLD_MS)}, warm ${verdict(warmMs, TARGET_WARM_MS)}`);
    console.log(`Median until the API's answer is on screen: cold ${seconds(median(cold.map((v) => v.confirmedMs)))}, warm ${seconds(median(warm.map((v) => v.confirmedMs)))}`);
    console.log(`Median bytes: cold ${kb(median(cold.map((v) => v.bytes)))}, warm ${kb(median(warm.map((v) => v.bytes)))}`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
