import { ulid } from 'ulid';
import { getMySubmission, listMySubmissions, submit, SUBMISSIONS_PER_10_MINUTES, SUBMISSIONS_PER_DAY } from './submissions.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { testEnv } from '../../../test/support/tables';
import { invoke, loadHandlers } from '../../../test/support/invoke';

// A resident's suggestion is stored once, however often the phone retries, and only the resident sees it (DynamoDB Local).
describe('submitting a suggestion (DynamoDB Local)', () => {
  const base = (studioId: string) => ({ studioId, category: '环境卫生', text: '菜场东门的垃圾桶满了好几天没人清理', place: '洛社菜场东门', public: true });

  it('stores it with its deadline and first timeline step, linked to the stand it was made at', async () => {
    const f = await bookingFixture();
    const [resident] = await f.newResidents(1);
    const view = await submit(f.deps, resident, { ...base(f.seed.studioId), standId: f.todayStand.id, requestId: ulid() });
    expect(view).toMatchObject({ status: 'submitted', source: 'resident', studioName: '洛社镇党代表工作室', venueName: '洛社农贸集市', standId: f.todayStand.id });
    expect(view.replyDueDate > view.createdAt.slice(0, 10)).toBe(true);
    expect(view.timeline).toEqual([{ kind: '已提交', at: view.createdAt, by: '您' }]);
    expect((await listMySubmissions(f.deps, resident)).submissions.map((s) => s.id)).toEqual([view.id]);
  }, 60_000);

  it('returns the same submission for a retried request, also in parallel, and refuses the same key with another body', async () => {
    const f = await bookingFixture();
    const [resident] = await f.newResidents(1);
    const request = { ...base(f.seed.studioId), requestId: ulid() };
    const results = await Promise.all(Array.from({ length: 6 }, () => submit(f.deps, resident, request)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect((await listMySubmissions(f.deps, resident)).submissions).toHaveLength(1);
    expect(await failureOf(submit(f.deps, resident, { ...request, text: '另一件事：路灯坏了好几盏' }))).toMatchObject({ code: 'UNPROCESSABLE' });
  }, 60_000);

  it('refuses risky text naming the field, and keeps nothing', async () => {
    const f = await bookingFixture();
    const [resident] = await f.newResidents(1);
    expect(await failureOf(submit(f.deps, resident, { ...base(f.seed.studioId), text: '有人在村里组织赌博', requestId: ulid() }))).toEqual({ code: 'VALIDATION_FAILED', message: '填写的内容有误，请检查后再提交', fields: { text: '内容里有不适宜的词语，请修改后再提交' } });
    expect((await listMySubmissions(f.deps, resident)).submissions).toEqual([]);
  }, 60_000);

  it('shows a submission to its resident only, and rejects mass-assigned fields', async () => {
    const f = await bookingFixture();
    const api = loadHandlers(testEnv(f.tableName));
    const token = async (persona: string) => (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona } })).body.token;
    const mine = await invoke(api.submit, 'submit', { token: await token('resident'), body: { ...base(f.seed.studioId), requestId: ulid() } });
    expect(mine.status).toBe(201);
    const other = await invoke(api.getMySubmission, 'getMySubmission', { token: await token('resident2'), params: { submissionId: mine.body.id } });
    expect(other.status).toBe(404);
    const forged = await invoke(api.submit, 'submit', { token: await token('resident'), body: { ...base(f.seed.studioId), requestId: ulid(), status: 'resolved' } });
    expect(forged.status).toBe(400);
    expect(forged.body.error.fields).toEqual({ status: '不允许提交此字段' });
    const short = await invoke(api.submit, 'submit', { token: await token('resident'), body: { ...base(f.seed.studioId), requestId: ulid(), text: '脏' } });
    expect(short.body.error.fields).toEqual({ text: '请至少写 5 个字，把事情说清楚' });
    expect((await getMySubmission(f.deps, f.principalOf('resident'), mine.body.id)).id).toBe(mine.body.id);
  }, 60_000);

  it('limits a resident to 5 submissions in ten minutes and 20 a day (429 with Retry-After), without counting retries', async () => {
    const f = await bookingFixture();
    const [resident] = await f.newResidents(1);
    let clock = f.now;
    const deps = { ...f.deps, now: () => clock };
    const requests = Array.from({ length: SUBMISSIONS_PER_10_MINUTES }, () => ({ ...base(f.seed.studioId), requestId: ulid() }));
    for (const request of requests) await submit(deps, resident, request);
    // a retry of one already stored is answered as before, not refused
    expect((await submit(deps, resident, requests[4]!)).status).toBe('submitted');
    const over = await failureOf(submit(deps, resident, { ...base(f.seed.studioId), requestId: ulid() }));
    expect(over).toMatchObject({ code: 'RATE_LIMITED', message: '提交太频繁了，请过一会儿再提交' });
    expect((await listMySubmissions(deps, resident)).submissions).toHaveLength(SUBMISSIONS_PER_10_MINUTES);

    // across ten-minute windows, the day's limit
    let stored = SUBMISSIONS_PER_10_MINUTES;
    while (stored < SUBMISSIONS_PER_DAY) {
      clock = new Date(clock.getTime() + 11 * 60_000);
      for (let i = 0; i < SUBMISSIONS_PER_10_MINUTES && stored < SUBMISSIONS_PER_DAY; i += 1, stored += 1) await submit(deps, resident, { ...base(f.seed.studioId), requestId: ulid() });
    }
    clock = new Date(clock.getTime() + 11 * 60_000);
    expect(await failureOf(submit(deps, resident, { ...base(f.seed.studioId), requestId: ulid() }))).toMatchObject({ code: 'RATE_LIMITED', message: '今天提交的意见已经很多了，请明天再提交' });
    expect((await listMySubmissions(deps, resident)).submissions).toHaveLength(SUBMISSIONS_PER_DAY);
  }, 120_000);

  it('answers 429 with Retry-After and a Chinese message through the API', async () => {
    const f = await bookingFixture();
    const api = loadHandlers(testEnv(f.tableName));
    const token = (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona: 'resident2' } })).body.token;
    const statuses: number[] = [];
    let last: { status: number; headers: Record<string, unknown>; body: any } | undefined;
    for (let i = 0; i <= SUBMISSIONS_PER_10_MINUTES; i += 1) {
      last = await invoke(api.submit, 'submit', { token, body: { ...base(f.seed.studioId), requestId: ulid() } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array(SUBMISSIONS_PER_10_MINUTES).fill(201), 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.body.error.message).toBe('提交太频繁了，请过一会儿再提交');
  }, 60_000);

  it('refuses an overlong or strange id in the path before it reaches the database, naming it', async () => {
    const f = await bookingFixture();
    const api = loadHandlers(testEnv(f.tableName));
    for (const studioId of ['a'.repeat(2048), '../../etc', '工作室']) {
      const res = await invoke(api.getBoard, 'getBoard', { params: { studioId } });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual(['studioId']);
    }
  }, 60_000);
});
