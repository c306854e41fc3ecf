import { ulid } from 'ulid';
import { INBOX_GROUPS } from '@shared/schemas/submission';
import type { Principal } from '../auth/session-tokens';
import { submit } from './submissions.use-case';
import { acceptSubmission, getInbox, replyToSubmission, resolveSubmission } from './submission-desk.use-case';
import { recountInbox } from './inbox-counts.use-case';
import { countOverdueSubmissions } from './overdue.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { testEnv } from '../../../test/support/tables';
import { invoke, loadHandlers } from '../../../test/support/invoke';

type Fixture = Awaited<ReturnType<typeof bookingFixture>>;

/** `count` submissions to the demo studio, five per resident (the quota of ten minutes), `parallel` at a time. */
async function submissions(f: Fixture, count: number): Promise<string[]> {
  const residents = await f.newResidents(Math.ceil(count / 5));
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const view = await submit(f.deps, residents[Math.floor(i / 5)]!, { requestId: ulid(), studioId: f.seed.studioId, category: '环境卫生', text: `第 ${i + 1} 件：菜场东门的垃圾桶满了`, public: false });
    ids.push(view.id);
  }
  return ids;
}

/** What each tab really holds: the tabs read whole. */
async function truth(f: Fixture) {
  return Object.fromEntries(await Promise.all(INBOX_GROUPS.map(async (g) => [g, (await f.deps.submissions.listWholeInboxTab(f.seed.studioId, g)).length] as const)));
}

// The inbox's tab counts live in one item, moved in the transaction of each submission and step (DynamoDB Local).
describe('the inbox counts and pages (DynamoDB Local)', () => {
  it('stay exact while residents submit and representatives work at the same time', async () => {
    const f = await bookingFixture(new Date());
    const reps: Principal[] = [f.principalOf('rep1'), f.principalOf('rep2')];
    // the demo seed counted its studio's empty inbox: from now on the counts are moved only by the transactions
    const counted = (await f.deps.submissions.getInboxCounts(f.seed.studioId))!;
    expect(counted).toMatchObject({ counts: { new: 0, in_progress: 0, replied: 0, resolved: 0 }, countedAt: expect.any(String) });

    const first = await submissions(f, 12);
    const residents = await f.newResidents(4);
    // at once: 12 more submissions, 8 acceptances by two representatives, then replies and resolutions racing them
    await Promise.all([
      ...residents.flatMap((r, i) => [0, 1, 2].map((k) => submit(f.deps, r, { requestId: ulid(), studioId: f.seed.studioId, category: '道路交通', text: `第 ${i}-${k} 件：路灯坏了很黑`, public: false }))),
      ...first.slice(0, 8).map(async (id, i) => {
        await acceptSubmission(f.deps, reps[i % 2]!, id, { triage: 'minor' });
        if (i < 5) await replyToSubmission(f.deps, reps[(i + 1) % 2]!, id, { text: '已安排环卫所清运。', public: false });
        if (i < 2) await resolveSubmission(f.deps, reps[i % 2]!, id, { outcome: 'fixed' });
      }),
    ]);

    const stored = (await f.deps.submissions.getInboxCounts(f.seed.studioId))!;
    expect(stored.countedAt).toBe(counted.countedAt); // never recounted: the transactions alone kept them
    expect(stored.counts).toEqual({ new: 16, in_progress: 3, replied: 3, resolved: 2 });
    expect(stored.counts).toEqual(await truth(f));
    expect((await getInbox(f.deps, reps[0]!, f.seed.studioId, { group: 'replied' })).counts).toEqual(stored.counts);
  }, 120_000);

  it('repairs counts that are wrong: the daily check finds them and recounts from the month index', async () => {
    const f = await bookingFixture(new Date());
    const rep = f.principalOf('rep1');
    const ids = await submissions(f, 6);
    await acceptSubmission(f.deps, rep, ids[0]!, { triage: 'minor' });
    const right = { new: 5, in_progress: 1, replied: 0, resolved: 0 };
    expect((await getInbox(f.deps, rep, f.seed.studioId, { group: 'new' })).counts).toEqual(right);

    // counts gone wrong (as a lost change would leave them), yet marked counted: the inbox shows them as they are …
    const stored = (await f.deps.submissions.getInboxCounts(f.seed.studioId))!;
    expect(await f.deps.submissions.putRecountedInboxCounts(f.seed.studioId, { new: 9, in_progress: 0, replied: 4, resolved: 0 }, stored.version, f.now.toISOString())).toBe(true);
    expect((await getInbox(f.deps, rep, f.seed.studioId, { group: 'new' })).counts).toEqual({ new: 9, in_progress: 0, replied: 4, resolved: 0 });

    // … until the daily overdue count, which reads the open tabs whole, sees they disagree and recounts
    expect(await countOverdueSubmissions(f.deps)).toMatchObject({ repaired: 1 });
    expect((await getInbox(f.deps, rep, f.seed.studioId, { group: 'new' })).counts).toEqual(right);
    // agreeing counts are left alone
    expect(await countOverdueSubmissions(f.deps)).toMatchObject({ repaired: 0 });

    // the repair itself, on demand: a wrong resolved count (which the open tabs cannot show) is recounted too
    const again = (await f.deps.submissions.getInboxCounts(f.seed.studioId))!;
    await f.deps.submissions.putRecountedInboxCounts(f.seed.studioId, { ...right, resolved: 3 }, again.version, f.now.toISOString());
    expect(await recountInbox(f.deps, f.seed.studioId)).toEqual(right);
    expect((await f.deps.submissions.getInboxCounts(f.seed.studioId))!.counts).toEqual(right);
  }, 60_000);

  it('a recount does not store what a change made meanwhile would make wrong: it counts again', async () => {
    const f = await bookingFixture(new Date());
    const rep = f.principalOf('rep1');
    const ids = await submissions(f, 3);
    let raced = false;
    // a representative accepts one while the recount is counting
    const submissionsRacing = Object.assign(Object.create(f.deps.submissions), {
      countInboxFromMonths: async (studioId: string, months: string[]) => {
        const counts = await f.deps.submissions.countInboxFromMonths(studioId, months);
        if (!raced) {
          raced = true;
          await acceptSubmission(f.deps, rep, ids[0]!, { triage: 'minor' });
        }
        return counts;
      },
    });
    expect(await recountInbox({ ...f.deps, submissions: submissionsRacing }, f.seed.studioId)).toEqual({ new: 2, in_progress: 1, replied: 0, resolved: 0 });
    expect((await f.deps.submissions.getInboxCounts(f.seed.studioId))!.counts).toEqual({ new: 2, in_progress: 1, replied: 0, resolved: 0 });
  }, 60_000);

  it('counts what came before the counts: counts a change started are recounted when the inbox opens', async () => {
    const f = await bookingFixture(new Date());
    // a studio the demo seed did not count (as one with submissions from before the counts existed would be)
    const studioId = ulid();
    await f.deps.studios.putStudio({ id: studioId, name: '前洲街道党代表工作室', town: '前洲街道', createdAt: f.now.toISOString() });
    const [resident] = await f.newResidents(1);
    for (const n of [1, 2, 3, 4]) await submit(f.deps, resident!, { requestId: ulid(), studioId, category: '环境卫生', text: `第 ${n} 件：河边的垃圾没人清理`, public: false });
    // the counts its first submission started are not trusted until recounted (they would miss what came before)
    expect((await f.deps.submissions.getInboxCounts(studioId))!.countedAt).toBeUndefined();
    const rep: Principal = { userId: ulid(), role: 'representative', studioId };
    expect((await getInbox(f.deps, rep, studioId, { group: 'new' })).counts).toEqual({ new: 4, in_progress: 0, replied: 0, resolved: 0 });
    expect((await f.deps.submissions.getInboxCounts(studioId))!).toMatchObject({ counts: { new: 4 }, countedAt: expect.any(String) });
  }, 60_000);

  it('pages a tab, soonest due first, with a cursor that is checked', async () => {
    const f = await bookingFixture(new Date());
    const rep = f.principalOf('rep1');
    const ids = await submissions(f, 35);
    const first = await getInbox(f.deps, rep, f.seed.studioId, { group: 'new' });
    expect(first.counts.new).toBe(35);
    expect(first.items).toHaveLength(30);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await getInbox(f.deps, rep, f.seed.studioId, { group: 'new', cursor: first.nextCursor });
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeUndefined();
    // every one once, in the tab's order (same due date: the order they came in)
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(ids);

    // a cursor that is not one of this list's is a 400 naming it — never a 500
    expect(await failureOf(getInbox(f.deps, rep, f.seed.studioId, { group: 'new', cursor: Buffer.from('SUBMISSION#x|META|2026').toString('base64url') }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { cursor: expect.any(String) } });
    const api = loadHandlers(testEnv(f.tableName));
    const token = (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona: 'rep1' } })).body.token as string;
    const boardCursor = (await f.deps.submissions.listBoardPage(f.seed.studioId, { limit: 1 })).nextCursor ?? Buffer.from(`2026-01-01T00:00:00.000Z#${ulid()}`).toString('base64url');
    for (const cursor of ['not base64!', 'A'.repeat(201), boardCursor, Buffer.from('garbage').toString('base64url')]) {
      const res = await invoke(api.getInbox, 'getInbox', { token, params: { studioId: f.seed.studioId }, query: { group: 'new', cursor } });
      expect(res.status).toBe(400);
      expect(res.body.error.fields.cursor).toMatch(/分页参数不正确/);
    }
    const page = await invoke(api.getInbox, 'getInbox', { token, params: { studioId: f.seed.studioId }, query: { group: 'new', cursor: first.nextCursor! } });
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(5);
  }, 120_000);
});
