import { ulid } from 'ulid';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { acceptSubmission } from './submission-desk.use-case';
import { getStudioStats } from './submission-reports.use-case';
import { submit } from './submissions.use-case';

// 统计 → 各网格 (DynamoDB Local): the month's matters raised in each grid, accepted on time or not, from the one
// month's Query the studio's figures read.
describe('per-grid figures on the studio’s stats (DynamoDB Local)', () => {
  it('counts each grid’s matters of the month and its 响应率; matters without a grid are left out', async () => {
    const f = await bookingFixture();
    const rep = f.principalOf('rep1');
    const [first, second] = (await f.deps.grids.listOfStudio(f.seed.studioId)).slice(0, 2);
    const residents = await f.newResidents(4);
    const raise = (i: number, gridId?: string) => submit(f.deps, residents[i]!, { requestId: ulid(), studioId: f.seed.studioId, category: '环境卫生', text: `楼道里堆满杂物，第 ${i + 1} 件`, public: false, ...(gridId ? { gridId } : {}) });
    const month = (await raise(0, first!.id)).createdAt.slice(0, 7);
    const before = (await getStudioStats(f.deps, rep, f.seed.studioId, { month })).byGrid;
    const a = await raise(1, first!.id);
    await raise(2, second!.id);
    await raise(3);
    await acceptSubmission(f.deps, rep, a.id, { triage: 'minor' });
    const after = (await getStudioStats(f.deps, rep, f.seed.studioId, { month })).byGrid;
    const of = (list: typeof after, gridId: string) => list.find((g) => g.gridId === gridId);
    const firstBefore = of(before, first!.id)!.received;
    expect(of(after, first!.id)).toMatchObject({ grid: first!.name, received: firstBefore + 1 });
    expect(of(after, second!.id)).toMatchObject({ grid: second!.name, received: (of(before, second!.id)?.received ?? 0) + 1 });
    expect(after.reduce((sum, g) => sum + g.received, 0)).toBe(before.reduce((sum, g) => sum + g.received, 0) + 2);
    expect(of(after, first!.id)!.responseRate).toBeGreaterThan(0);
  }, 60_000);
});
