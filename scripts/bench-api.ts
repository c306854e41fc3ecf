/**
 * `npm run bench:api` — the API's hot paths against their floor, on a small and a large table. Prints figures; asserts
 * nothing (issue #11: every hot path ≤ 1.3× its floor, ≤ 1.15× from ~1k to ~100k items).
 *
 * One DynamoDB Local (in memory) holds two tables seeded alike — the demo seed, then a studio's history of submissions
 * in every inbox tab (with their timelines and board lines) and one resident's history of bookings — to about
 * BENCH_SMALL_ITEMS (1,000) and BENCH_LARGE_ITEMS (100,000) items. The history is made by the real use cases once (a
 * template per kind), then copied with new ids by BatchWriteItem; the inbox counts are then recounted (the repair path,
 * timed). The stands and submissions Lambdas are bundled as serverless.yml bundles them (esbuild, minified, the
 * packages' ES module builds) and loaded once per table; each request is an API Gateway event with a session token.
 *
 * The floor of a path is the DynamoDB requests it fundamentally needs, spelled out by hand here (on purpose: it must not
 * share code with what it measures) and sent through a bare document client: for a signed-in route the caller's read
 * (pattern 49: the role counts at once) and then the path's own reads and writes, in parallel where they can be.
 * Round after round, every path at both sizes, the handler and its floor, in an order that turns each round (so a slow
 * moment of the machine hits all alike). Prints p50/p95 of each, handler ÷ floor, and large ÷ small.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand, paginateScan, QueryCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { build } from 'esbuild';
import { ulid } from 'ulid';
import { addDays, chinaDate } from '../shared/src/time';
import type { Principal } from '../functions/src/auth/session-tokens';
import { loadConfig } from '../functions/src/config';
import { forEachConcurrently } from '../functions/src/data/concurrently';
import { setLogLevel } from '../functions/src/log';
import { seedDemoData } from '../functions/src/local/demo-seed';
import { bookSlot } from '../functions/src/stands/bookings.use-case';
import type { Stand } from '../functions/src/stands/stand.repository';
import { recountInbox } from '../functions/src/submissions/inbox-counts.use-case';
import { acceptSubmission, replyToSubmission, resolveSubmission } from '../functions/src/submissions/submission-desk.use-case';
import { submit } from '../functions/src/submissions/submissions.use-case';
import { buildContainer, type Container } from '../functions/src/wiring/container';
import { startDynamoLocal } from './lib/dynamodb-local';
import { freePort } from './lib/ports';
import { ensureTable } from './lib/table';
import { apiGatewayEventOf } from './lib/api-event';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const WARM_UP = 3;
const SIZES = { small: Number(process.env.BENCH_SMALL_ITEMS ?? 1_000), large: Number(process.env.BENCH_LARGE_ITEMS ?? 100_000) };
/** Only the paths whose names contain one of these (comma-separated), e.g. BENCH_PATHS=inbox,book. */
const ONLY = (process.env.BENCH_PATHS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const SECRET = 'bench-session-secret-that-is-long-enough-0123456789';
const ROOT = join(__dirname, '..');
type Size = keyof typeof SIZES;

const quantile = (ms: number[], q: number) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

// ---------- the Lambdas as deployed: bundled, loaded once per table ----------

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

async function bundle(context: 'stands' | 'submissions', dir: string): Promise<string> {
  const outfile = join(dir, `${context}.js`);
  await build({ entryPoints: [join(ROOT, 'functions/src', context, 'lambda.ts')], outfile, bundle: true, minify: process.env.BENCH_MINIFY !== '0', platform: 'node', target: 'node24', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'silent' });
  return outfile;
}

/** A fresh copy of a bundle's module (its own configuration and clients), wired for `env` by a first request. */
async function loadBundle(file: string, env: Record<string, string>, warmUp: APIGatewayProxyEventV2): Promise<Handler> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    delete require.cache[require.resolve(file)];
    const handler = require(file).handler as Handler;
    await handler(warmUp);
    return handler;
  } finally {
    process.env = saved;
  }
}

// ---------- a table: the demo seed and a history of about `items` items ----------

interface World {
  size: Size;
  tableName: string;
  deps: Container;
  studioId: string;
  venueId: string;
  scene: string;
  /** The stand the stand page shows, and the stand submissions are linked to. */
  stand: Stand;
  /** Where each booking of the rounds goes (stands of the coming week, a slot per service big enough for all). */
  bookings: Generator<Booker>;
  /** Who submits each suggestion of the rounds. */
  submitters: Generator<Principal>;
  historyResident: Principal;
  rep: Principal;
  tokenOf: (p: Principal) => Promise<string>;
  stands?: Handler;
  submissions?: Handler;
  items: number;
  recountSeconds: string;
  recounted: number;
}

async function batchWrite(doc: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  await forEachConcurrently(chunks, 4, async (chunk) => {
    let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length; attempt += 1) {
      if (attempt) await new Promise((r) => setTimeout(r, 20 * attempt));
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (out.UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  });
}

/** Every item of the table whose JSON names `id`, of the given types (the templates to copy; the table is small then). */
async function itemsNaming(doc: DynamoDBDocumentClient, tableName: string, id: string, types: string[]): Promise<Record<string, unknown>[]> {
  const out = await doc.send(new ScanCommand({ TableName: tableName }));
  return (out.Items ?? []).filter((item) => types.includes(item.type as string) && JSON.stringify(item).includes(id));
}

const copyOf = (items: Record<string, unknown>[], replacements: [string, string][]) =>
  items.map((item) => JSON.parse(replacements.reduce((json, [from, to]) => json.replaceAll(from, to), JSON.stringify(item))) as Record<string, unknown>);

async function seedWorld(size: Size, endpoint: string, doc: DynamoDBDocumentClient, writes: { book: boolean; submit: boolean }): Promise<World> {
  const began = performance.now();
  const tableName = `lianxin-bench-api-${size}`;
  await ensureTable(endpoint, tableName);
  const cfg = loadConfig({ STAGE: 'local', TABLE_NAME: tableName, AWS_REGION: 'local', DYNAMODB_ENDPOINT: endpoint, PHOTO_BUCKET: 'lianxin-bench-photos', SESSION_SECRET: SECRET, WECHAT_ADAPTER: 'local' });
  const deps = buildContainer(cfg);
  const seed = await seedDemoData(deps);
  const at = deps.now().toISOString();
  const personas = Object.fromEntries((await deps.personas.listPersonas()).map((p) => [p.key, p]));
  const rep: Principal = { userId: personas.rep1!.userId, role: 'representative', studioId: seed.studioId };
  const newResident = async (): Promise<Principal> => {
    const id = ulid();
    await deps.users.createUserForOpenid({ id, displayName: '居民', role: 'resident', createdAt: at }, `bench-${id}`);
    return { userId: id, role: 'resident' };
  };
  const historyResident = await newResident();
  const nextStand = (await deps.stands.findCurrentOrNextStandAtVenue(seed.venueId, addDays(chinaDate(deps.now()), 1)))!;

  // Templates, made by the use cases: a submission in each inbox tab, and a booking.
  const templateOf = async (steps: number) => {
    const view = await submit(deps, historyResident, { requestId: ulid(), studioId: seed.studioId, standId: seed.todayStandId, category: '环境卫生', text: '菜场东门的垃圾桶满了好几天没人清理', public: true });
    if (steps >= 1) await acceptSubmission(deps, rep, view.id, { triage: 'minor' });
    if (steps >= 2) await replyToSubmission(deps, rep, view.id, { text: '已安排环卫所清运，并增加一个垃圾桶。', public: true });
    if (steps >= 3) await resolveSubmission(deps, rep, view.id, { outcome: 'fixed' });
    return { id: view.id, items: await itemsNaming(doc, tableName, view.id, ['Submission', 'SubmissionEvent', 'BoardItem']) };
  };
  // new · in progress · replied (on the board) · resolved (on the board): the share of each in the history (enough new
  // ones for a full page of 待受理 on the small table too)
  const templates = [
    { share: 0.25, ...(await templateOf(0)) },
    { share: 0.15, ...(await templateOf(1)) },
    { share: 0.15, ...(await templateOf(2)) },
    { share: 0.45, ...(await templateOf(3)) },
  ];
  const booking = await bookSlot(deps, historyResident, { standId: nextStand.id, serviceId: nextStand.services[0]!.id, startTime: nextStand.startTime, requestId: ulid() });
  const entryTemplate = await itemsNaming(doc, tableName, booking.id, ['Entry']);

  // The history: 70 % of the items in submissions, 25 % in the resident's past bookings (one a day, back in time).
  const perSubmission = templates.reduce((sum, t) => sum + t.share * t.items.length, 0);
  const submissions = Math.round((SIZES[size] * 0.7) / perSubmission);
  const bookings = Math.round(SIZES[size] * 0.25);
  const history: Record<string, unknown>[] = [];
  for (const t of templates) for (let i = 0; i < Math.round(submissions * t.share); i += 1) history.push(...copyOf(t.items, [[t.id, ulid()]]));
  for (let i = 0; i < bookings; i += 1) {
    history.push(...copyOf(entryTemplate, [[booking.id, ulid()], [nextStand.date, addDays(chinaDate(deps.now()), -1 - i)], ['"status":"booked"', '"status":"served"']]));
  }
  await batchWrite(doc, tableName, history);

  // The copies went around the transactions: the inbox counts are repaired from the month index (timed).
  const recountBegan = performance.now();
  const counts = await recountInbox(deps, seed.studioId);
  const recountSeconds = seconds(recountBegan);

  // Stands on the coming seven days at a venue of their own, one big slot per service: each resident of the rounds
  // books three services a day (the daily cap) on each of them, 21 bookings, before the next resident takes over.
  const venueId = ulid();
  await deps.stands.putVenue({ id: venueId, studioId: seed.studioId, name: '测试院落', address: '洛社镇测试路 1 号', rules: [] });
  const week: Stand[] = [];
  for (let day = 1; day <= 7; day += 1) {
    const stand: Stand = { ...nextStand, id: ulid(), venueId, venueName: '测试院落', date: addDays(chinaDate(deps.now()), day) };
    await deps.stands.createStandWithSlots(stand, stand.services.map((service) => ({ standId: stand.id, serviceId: service.id, startTime: '09:00', endTime: '09:30', capacity: 1_000_000, booked: 0 })));
    week.push(stand);
  }

  // the table's size is counted before the residents the write rounds use are added
  let items = 0;
  for await (const page of paginateScan({ client: doc }, { TableName: tableName, Select: 'COUNT' })) items += page.Count ?? 0;
  // residents for the write rounds: 21 bookings each (3 services a day for 7 days), 5 submissions each (the quota of
  // ten minutes); both runs of a round, handler and floor, take their turn
  const runs = (ROUNDS + WARM_UP) * 2;
  const residents: Principal[] = [];
  await forEachConcurrently(Array.from({ length: writes.book ? Math.ceil(runs / 21) : 0 }), 8, async () => void residents.push(await newResident()));
  const bookers = residents.splice(0);
  await forEachConcurrently(Array.from({ length: writes.submit ? Math.ceil(runs / 5) : 0 }), 8, async () => void residents.push(await newResident()));
  const submitters = residents.splice(0);
  function* bookingsOf(): Generator<Booker> {
    for (const resident of bookers) for (const stand of week) for (const service of stand.services.slice(0, 3)) yield { resident, standId: stand.id, serviceId: service.id, startTime: '09:00' };
  }
  function* submittersOf(): Generator<Principal> {
    for (const resident of submitters) for (let i = 0; i < 5; i += 1) yield resident;
  }
  const stand = (await deps.stands.findCurrentOrNextStandAtVenue(seed.venueId, chinaDate(deps.now())))!;
  console.log(`  ${size}: ${items} items (${Object.values(counts).reduce((a, b) => a + b, 0)} submissions, ${bookings + 1} bookings of one resident; then ${bookers.length + submitters.length} residents for the write rounds) seeded in ${seconds(began)} s; inbox counts recounted from the month index in ${recountSeconds} s`);
  return {
    size,
    tableName,
    deps,
    studioId: seed.studioId,
    venueId: seed.venueId,
    scene: seed.scene,
    stand,
    bookings: bookingsOf(),
    submitters: submittersOf(),
    historyResident,
    rep,
    tokenOf: async (p) => (await deps.tokens.issue(p, new Date())).token,
    items,
    recountSeconds,
    recounted: Object.values(counts).reduce((a, b) => a + b, 0),
  };
}

// ---------- the paths: the handler's request, and its floor by hand ----------

/** Who books, and where: a resident of the rounds and a slot they have not booked yet. */
interface Booker {
  resident: Principal;
  standId: string;
  serviceId: string;
  startTime: string;
}

/** Who calls, with their session token, chosen before the clock starts; for a booking, where it goes. */
interface Caller {
  resident: Principal;
  token: string;
  booking?: Booker;
}

interface Path {
  name: string;
  handler: (w: World, caller: Caller) => Promise<APIGatewayProxyStructuredResultV2>;
  floor: (w: World, caller: Caller) => Promise<unknown>;
  /** A write that needs a caller of the rounds' own (the daily cap, the submission quota): which. */
  writes?: 'book' | 'submit';
}

function pathsOf(doc: DynamoDBDocumentClient, tokens: Map<World, Record<string, string>>): Path[] {
  const T = (w: World) => w.tableName;
  const caller = (w: World, p: Principal) => doc.send(new GetCommand({ TableName: T(w), Key: { PK: `USER#${p.userId}`, SK: 'PROFILE' } }));
  return [
    {
      name: 'stand page by scene',
      handler: (w) => w.stands!(apiGatewayEventOf('getStandByScene', { params: { scene: w.scene } })),
      floor: async (w) => {
        const stands = await doc.send(new QueryCommand({ TableName: T(w), IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK >= :from', ExpressionAttributeValues: { ':pk': `VENUE#${w.venueId}`, ':from': `STAND#${chinaDate(new Date())}` }, Limit: 2 }));
        const standId = stands.Items![0]!.id as string;
        return doc.send(new QueryCommand({ TableName: T(w), KeyConditionExpression: 'PK = :pk AND begins_with(SK, :slot)', ExpressionAttributeValues: { ':pk': `STAND#${standId}`, ':slot': 'SLOT#' }, ConsistentRead: true }));
      },
    },
    {
      name: 'public board',
      handler: (w) => w.submissions!(apiGatewayEventOf('getBoard', { params: { studioId: w.studioId } })),
      floor: (w) =>
        Promise.all([
          doc.send(new GetCommand({ TableName: T(w), Key: { PK: `STUDIO#${w.studioId}`, SK: 'PROFILE' } })),
          doc.send(new QueryCommand({ TableName: T(w), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `STUDIO#${w.studioId}#BOARD` }, ScanIndexForward: false, Limit: 30 })),
        ]),
    },
    {
      name: 'my bookings',
      handler: (w) => w.stands!(apiGatewayEventOf('listMyBookings', { token: tokens.get(w)!.history })),
      floor: async (w) => {
        await caller(w, w.historyResident);
        return doc.send(new QueryCommand({ TableName: T(w), IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': `USER#${w.historyResident.userId}#BOOKINGS` }, ScanIndexForward: false, Limit: 30 }));
      },
    },
    {
      name: "representative's inbox",
      handler: (w) => w.submissions!(apiGatewayEventOf('getInbox', { params: { studioId: w.studioId }, query: { group: 'new' }, token: tokens.get(w)!.rep })),
      floor: async (w) => {
        await caller(w, w.rep);
        return Promise.all([
          doc.send(new GetCommand({ TableName: T(w), Key: { PK: `STUDIO#${w.studioId}`, SK: 'INBOX#COUNTS' }, ConsistentRead: true })),
          doc.send(new QueryCommand({ TableName: T(w), IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': `STUDIO#${w.studioId}#INBOX#new` }, Limit: 30 })),
        ]);
      },
    },
    {
      name: 'book a slot',
      writes: 'book',
      handler: (w, { token, booking }) => {
        const { standId, serviceId, startTime } = booking!;
        return w.stands!(apiGatewayEventOf('bookSlot', { body: { standId, serviceId, startTime, requestId: ulid() }, token }));
      },
      floor: async (w, { resident, booking }) => {
        await caller(w, resident);
        const { standId, serviceId, startTime } = booking!;
        const read = await doc.send(
          new BatchGetCommand({ RequestItems: { [T(w)]: { Keys: [{ PK: `STAND#${standId}`, SK: 'META' }, { PK: `STAND#${standId}`, SK: `SLOT#${serviceId}#${startTime}` }, { PK: `USER#${resident.userId}`, SK: 'PROFILE' }] } } }),
        );
        const stand = read.Responses![T(w)]!.find((i) => i.SK === 'META')!;
        const entryId = ulid();
        const code = ulid().slice(-6);
        return doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: T(w), Item: { PK: `REQUEST#${resident.userId}`, SK: ulid(), type: 'Request', targetId: entryId, fingerprint: 'floor', ttl: 0 }, ConditionExpression: 'attribute_not_exists(PK)' } },
              { ConditionCheck: { TableName: T(w), Key: { PK: `STAND#${standId}`, SK: 'META' }, ConditionExpression: 'attribute_exists(PK) AND #s <> :c', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':c': 'cancelled' } } },
              { Update: { TableName: T(w), Key: { PK: `STAND#${standId}`, SK: `SLOT#${serviceId}#${startTime}` }, UpdateExpression: 'SET booked = booked + :one', ConditionExpression: 'booked < #cap', ExpressionAttributeNames: { '#cap': 'capacity' }, ExpressionAttributeValues: { ':one': 1 } } },
              { Put: { TableName: T(w), Item: { PK: `STAND#${standId}`, SK: `HOLD#${resident.userId}#${serviceId}`, type: 'Hold', entryId }, ConditionExpression: 'attribute_not_exists(PK)' } },
              { Update: { TableName: T(w), Key: { PK: `USER#${resident.userId}`, SK: `DAYCOUNT#${stand.date}` }, UpdateExpression: 'ADD bookings :one', ConditionExpression: 'attribute_not_exists(bookings) OR bookings < :cap', ExpressionAttributeValues: { ':one': 1, ':cap': 3 } } },
              { Put: { TableName: T(w), Item: { PK: `STAND#${standId}`, SK: `ENTRY#${entryId}`, GSI1PK: `USER#${resident.userId}#BOOKINGS`, GSI1SK: `${stand.date}#${startTime}#${entryId}`, type: 'Entry', id: entryId, kind: 'booking', status: 'booked', standId, serviceId, date: stand.date, startTime, code, userId: resident.userId, studioName: stand.studioName, venueName: stand.venueName, address: stand.address }, ConditionExpression: 'attribute_not_exists(PK)' } },
              { Put: { TableName: T(w), Item: { PK: `TICKET#${code}`, SK: 'TICKET', type: 'Ticket', standId, entryId }, ConditionExpression: 'attribute_not_exists(PK)' } },
            ],
          }),
        );
      },
    },
    {
      name: 'submit a suggestion',
      writes: 'submit',
      handler: (w, { token }) => {
        const body = { requestId: ulid(), studioId: w.studioId, standId: w.stand.id, category: '环境卫生', text: '菜场东门的垃圾桶满了好几天没人清理', public: false };
        return w.submissions!(apiGatewayEventOf('submit', { body, token }));
      },
      floor: async (w, { resident }) => {
        await caller(w, resident);
        await doc.send(
          new BatchGetCommand({
            RequestItems: {
              [T(w)]: { Keys: [{ PK: `STUDIO#${w.studioId}`, SK: 'PROFILE' }, { PK: `STUDIO#${w.studioId}`, SK: 'SETTINGS#SUBMISSIONS' }, { PK: `STAND#${w.stand.id}`, SK: 'META' }, { PK: `USER#${resident.userId}`, SK: 'OPENID' }] },
            },
          }),
        );
        const id = ulid();
        const now = new Date().toISOString();
        const window = (key: string) => ({ Update: { TableName: T(w), Key: { PK: `QUOTA#${key}`, SK: 'WINDOW' }, UpdateExpression: 'ADD requests :id', ConditionExpression: 'attribute_not_exists(requests) OR size(requests) < :limit OR contains(requests, :r)', ExpressionAttributeValues: { ':id': new Set([id]), ':r': id, ':limit': 5 } } });
        return doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: T(w), Item: { PK: `REQUEST#${resident.userId}`, SK: ulid(), type: 'Request', targetId: id, fingerprint: 'floor', ttl: 0 }, ConditionExpression: 'attribute_not_exists(PK)' } },
              {
                Put: {
                  TableName: T(w),
                  Item: { PK: `SUBMISSION#${id}`, SK: 'META', GSI1PK: `USER#${resident.userId}#SUBMISSIONS`, GSI1SK: `${now}#${id}`, GSI2PK: `STUDIO#${w.studioId}#INBOX#new`, GSI2SK: `2099-01-01#${id}`, GSI3PK: `STUDIO#${w.studioId}#MONTH#${now.slice(0, 7)}`, GSI3SK: `${now}#${id}`, type: 'Submission', id, studioId: w.studioId, status: 'submitted', category: '环境卫生', text: '菜场东门的垃圾桶满了好几天没人清理', createdAt: now, version: 1 },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              { Put: { TableName: T(w), Item: { PK: `SUBMISSION#${id}`, SK: `EVENT#${now}#${ulid()}`, type: 'SubmissionEvent', submissionId: id, kind: 'submitted', at: now } } },
              window(`submit#${resident.userId}#10m#floor`),
              window(`submit#${resident.userId}#day#floor`),
              { Update: { TableName: T(w), Key: { PK: `STUDIO#${w.studioId}`, SK: 'INBOX#COUNTS' }, UpdateExpression: 'ADD #n :one, #v :one', ExpressionAttributeNames: { '#n': 'new', '#v': 'version' }, ExpressionAttributeValues: { ':one': 1 } } },
            ],
          }),
        );
      },
    },
  ];
}

async function main() {
  setLogLevel('WARN');
  const work = mkdtempSync(join(tmpdir(), 'lianxin-bench-api-'));
  const dynamo = await startDynamoLocal({ port: await freePort() });
  try {
    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local', endpoint: dynamo.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), { marshallOptions: { removeUndefinedValues: true } });
    const tokens = new Map<World, Record<string, string>>();
    const paths = pathsOf(doc, tokens).filter((path) => !ONLY.length || ONLY.some((part) => path.name.includes(part)));
    const writes = { book: paths.some((path) => path.writes === 'book'), submit: paths.some((path) => path.writes === 'submit') };
    console.log(`Seeding two tables in one DynamoDB Local (BENCH_SMALL_ITEMS=${SIZES.small}, BENCH_LARGE_ITEMS=${SIZES.large}):`);
    const worlds = [await seedWorld('small', dynamo.endpoint, doc, writes), await seedWorld('large', dynamo.endpoint, doc, writes)];

    const [standsFile, submissionsFile] = await Promise.all([bundle('stands', work), bundle('submissions', work)]);
    for (const w of worlds) {
      const env = { STAGE: 'local', TABLE_NAME: w.tableName, AWS_REGION: 'local', DYNAMODB_ENDPOINT: dynamo.endpoint, PHOTO_BUCKET: 'lianxin-bench-photos', SESSION_SECRET: SECRET, WECHAT_ADAPTER: 'local', LOG_LEVEL: 'WARN' };
      w.stands = await loadBundle(standsFile, env, apiGatewayEventOf('getStandByScene', { params: { scene: w.scene } }));
      w.submissions = await loadBundle(submissionsFile, env, apiGatewayEventOf('getBoard', { params: { studioId: w.studioId } }));
      tokens.set(w, { history: await w.tokenOf(w.historyResident), rep: await w.tokenOf(w.rep) });
    }

    const samples = new Map<string, number[]>();
    const add = (key: string, ms: number) => samples.set(key, [...(samples.get(key) ?? []), ms]);
    for (let round = 0; round < ROUNDS + WARM_UP; round += 1) {
      for (const path of paths) {
        // each round turns the order: small or large first, handler or floor first
        const order = round % 2 === 0 ? worlds : [...worlds].reverse();
        for (const w of order) {
          const runs: ['handler' | 'floor', (caller: Caller) => Promise<unknown>][] = [
            ['handler', async (caller) => {
              const res = await path.handler(w, caller);
              if ((res.statusCode ?? 200) >= 300) throw new Error(`${path.name} (${w.size}) answered ${res.statusCode}: ${res.body}`);
            }],
            ['floor', (caller) => path.floor(w, caller)],
          ];
          for (const [kind, run] of (round + paths.indexOf(path)) % 2 === 0 ? runs : runs.reverse()) {
            const booking = path.writes === 'book' ? (w.bookings.next().value as Booker) : undefined;
            const resident = booking?.resident ?? (path.writes === 'submit' ? (w.submitters.next().value as Principal) : w.historyResident);
            const caller = { resident, token: await w.tokenOf(resident), ...(booking ? { booking } : {}) };
            const t = performance.now();
            await run(caller);
            if (round >= WARM_UP) add(`${path.name}|${w.size}|${kind}`, performance.now() - t);
          }
        }
      }
      process.stderr.write(`\r第 ${round + 1}/${ROUNDS + WARM_UP} 轮`);
    }
    process.stderr.write('\n');

    const p = (key: string, q: number) => quantile(samples.get(key)!, q);
    const ms = (n: number) => n.toFixed(1);
    console.log(`\nNode ${process.version} · ${ROUNDS} rounds after ${WARM_UP} of warm-up, interleaved · tables of ${worlds.map((w) => `${w.items} items`).join(' and ')}`);
    console.log('\n| path | items | handler p50 | handler p95 | floor p50 | floor p95 | handler ÷ floor (p50) | target |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---|');
    for (const path of paths) {
      for (const w of worlds) {
        const key = `${path.name}|${w.size}`;
        const ratio = p(`${key}|handler`, 0.5) / p(`${key}|floor`, 0.5);
        console.log(`| ${path.name} | ${w.items} | ${ms(p(`${key}|handler`, 0.5))} ms | ${ms(p(`${key}|handler`, 0.95))} ms | ${ms(p(`${key}|floor`, 0.5))} ms | ${ms(p(`${key}|floor`, 0.95))} ms | ${ratio.toFixed(2)}× | ${ratio <= 1.3 ? 'met (≤ 1.3×)' : 'missed (≤ 1.3×)'} |`);
      }
    }
    console.log(`\n| path | handler p50, ${worlds[0]!.items} items | handler p50, ${worlds[1]!.items} items | handler large ÷ small | floor large ÷ small | handler's growth ÷ its floor's | target (handler ≤ 1.15×) |`);
    console.log('|---|---:|---:|---:|---:|---:|---|');
    for (const path of paths) {
      const [small, large] = worlds.map((w) => p(`${path.name}|${w.size}|handler`, 0.5));
      const [floorSmall, floorLarge] = worlds.map((w) => p(`${path.name}|${w.size}|floor`, 0.5));
      const ratio = large! / small!;
      const floorRatio = floorLarge! / floorSmall!;
      console.log(`| ${path.name} | ${ms(small!)} ms | ${ms(large!)} ms | ${ratio.toFixed(2)}× | ${floorRatio.toFixed(2)}× | ${(ratio / floorRatio).toFixed(2)}× | ${ratio <= 1.15 ? 'met' : 'missed'} |`);
    }
    console.log("\nfloor large ÷ small: how much slower DynamoDB Local itself answers the same requests on the larger table; handler's growth ÷ its floor's: what the handler adds to that.");
    console.log(`\nRepair: recounting the inbox from the month index took ${worlds.map((w) => `${w.recountSeconds} s for ${w.recounted} submissions`).join(', ')}.`);
    console.log('Floor = the requests each path needs, by hand on a bare document client; a signed-in path\'s floor starts with the caller\'s GetItem (pattern 49), as the handler does.');
  } finally {
    await dynamo.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
