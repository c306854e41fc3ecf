import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ulid } from 'ulid';
import type { Principal } from '../../functions/src/auth/session-tokens';
import { documentClient } from '../../functions/src/data/dynamodb-client';
import { bookSlot, listMyBookings } from '../../functions/src/stands/bookings.use-case';
import { getStandByScene } from '../../functions/src/stands/stand-page.use-case';
import { getBoard, getInbox } from '../../functions/src/submissions/submission-desk.use-case';
import { listMySubmissions, submit } from '../../functions/src/submissions/submissions.use-case';
import { bookingFixture } from '../support/booking-fixture';
import { failureOf } from '../support/failure';
import { testDynamoEndpoint } from '../support/tables';

/** The rows of docs/access-patterns.md's "Requests per request": request → the requests it says it makes. */
function documentedRows(): Map<string, number> {
  const doc = readFileSync(join(__dirname, '../../docs/access-patterns.md'), 'utf8');
  const section = doc.split(/^## Requests per request$/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error('docs/access-patterns.md has no "Requests per request" section');
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| request ') && !line.startsWith('|---'))
    .map((line) => line.split('|').map((cell) => cell.trim()));
  return new Map(rows.map((cells) => [cells[1]!, Number(cells[3])]));
}

/** How many requests the container's document client sends while `work` runs (a middleware on its stack). */
async function requestsOf(work: () => Promise<unknown>): Promise<number> {
  const client = documentClient({ region: 'local', endpoint: testDynamoEndpoint() });
  const name = `count-${ulid()}`;
  let requests = 0;
  client.middlewareStack.add(
    (next) => async (args) => {
      requests += 1;
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    await work();
  } finally {
    client.middlewareStack.remove(name);
  }
  return requests;
}

type Fixture = Awaited<ReturnType<typeof bookingFixture>>;

/** Submissions to the demo studio, five per resident (the ten-minute quota). */
async function submissionsOf(f: Fixture, count: number): Promise<Principal[]> {
  const residents = await f.newResidents(Math.ceil(count / 5));
  for (let i = 0; i < count; i += 1) {
    await submit(f.deps, residents[Math.floor(i / 5)]!, { requestId: ulid(), studioId: f.seed.studioId, category: '环境卫生', text: `第 ${i + 1} 件：菜场东门的垃圾桶满了`, public: true });
  }
  return residents;
}

/**
 * Each documented row as a scenario: set-up (not counted), then the request whose DynamoDB requests are counted. Every
 * row runs on a fresh demo table with a frozen clock (tomorrow morning, before the demo stand opens).
 */
const scenarios: Record<string, (f: Fixture) => Promise<() => Promise<unknown>>> = {
  'the stand page': async (f) => () => getStandByScene(f.deps, f.seed.scene),
  'the public board, a page': async (f) => () => getBoard(f.deps, f.seed.studioId),
  '我的预约, the first page': async (f) => {
    const [resident] = await f.newResidents(1);
    await f.pastBookings(resident!, 3);
    await bookSlot(f.deps, resident!, { standId: f.todayStand.id, serviceId: f.todayStand.services[0]!.id, startTime: '10:00', requestId: ulid() });
    return async () => expect((await listMyBookings(f.deps, resident!)).upcoming).toHaveLength(1);
  },
  '我的预约, the next page': async (f) => {
    const [resident] = await f.newResidents(1);
    await f.pastBookings(resident!, 40);
    const { nextCursor } = await listMyBookings(f.deps, resident!);
    return async () => expect((await listMyBookings(f.deps, resident!, { cursor: nextCursor })).past).toHaveLength(10);
  },
  '我的意见, a page': async (f) => {
    const [resident] = await submissionsOf(f, 3);
    return async () => expect((await listMySubmissions(f.deps, resident!)).submissions).toHaveLength(3);
  },
  'the inbox: its counts and a page, 70 submissions behind it': async (f) => {
    await submissionsOf(f, 70);
    return async () => expect((await getInbox(f.deps, f.principalOf('rep1'), f.seed.studioId, { group: 'new' })).counts.new).toBe(70);
  },
  'the inbox, the next page': async (f) => {
    await submissionsOf(f, 35);
    const { nextCursor } = await getInbox(f.deps, f.principalOf('rep1'), f.seed.studioId, { group: 'new' });
    return async () => expect((await getInbox(f.deps, f.principalOf('rep1'), f.seed.studioId, { group: 'new', cursor: nextCursor })).items).toHaveLength(5);
  },
  'book a slot': async (f) => {
    const [resident] = await f.newResidents(1);
    return () => bookSlot(f.deps, resident!, { standId: f.todayStand.id, serviceId: f.todayStand.services[0]!.id, startTime: '10:00', requestId: ulid() });
  },
  'book a full slot': async (f) => {
    const { stand, slot } = await f.standWithSlot(1);
    const [first, second] = await f.newResidents(2);
    await bookSlot(f.deps, first!, { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid() });
    return async () => expect(await failureOf(bookSlot(f.deps, second!, { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid() }))).toMatchObject({ message: '这个时段已约满' });
  },
  'book a slot, the request retried after it went through': async (f) => {
    const [resident] = await f.newResidents(1);
    const request = { standId: f.todayStand.id, serviceId: f.todayStand.services[0]!.id, startTime: '10:00', requestId: ulid() };
    const booked = await bookSlot(f.deps, resident!, request);
    return async () => expect(await bookSlot(f.deps, resident!, request)).toEqual(booked);
  },
  'submit a suggestion': async (f) => {
    const [resident] = await f.newResidents(1);
    return () => submit(f.deps, resident!, { requestId: ulid(), studioId: f.seed.studioId, standId: f.todayStand.id, category: '道路交通', text: '村口路灯坏了三盏，晚上很黑', public: true });
  },
  'submit a suggestion, the request retried after it went through': async (f) => {
    const [resident] = await f.newResidents(1);
    const request = { requestId: ulid(), studioId: f.seed.studioId, standId: f.todayStand.id, category: '道路交通', text: '村口路灯坏了三盏，晚上很黑', public: true };
    const first = await submit(f.deps, resident!, request);
    return async () => expect(await submit(f.deps, resident!, request)).toEqual(first);
  },
};

describe('requests per request (docs/access-patterns.md, counted on DynamoDB Local)', () => {
  const documented = documentedRows();

  it('documents every hot path this test runs, and runs every one it documents', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(scenarios).sort());
    for (const count of documented.values()) expect(Number.isInteger(count) && count > 0).toBe(true);
  });

  it.each([...documented.entries()])('%s: %i request(s)', async (row, expected) => {
    const f = await bookingFixture();
    const run = await scenarios[row]!(f);
    expect(await requestsOf(run)).toBe(expected);
  }, 120_000);
});
