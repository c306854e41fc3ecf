import type { Submission } from './submission.repository';
import { gridFigures } from './submission-reports.use-case';

// Per-grid figures (统计 → 各网格): the studio's definitions (响应率 accepted by the accept due date / raised; 解决率
// closed as 已解决 / raised; 满意率 满意 + 基本满意 / rated) applied to each grid's matters of the month.
const NOW = new Date('2026-11-30T04:00:00Z');
let n = 0;
function matter(fields: Partial<Submission>): Submission {
  n += 1;
  return { id: `S${n}`, studioId: 'ST', studioName: '工作室', category: '环境卫生', text: '路灯坏了', public: false, status: 'submitted', createdAt: '2026-11-02T01:00:00Z', acceptDueDate: '2026-11-04', version: 1, ...fields } as Submission;
}

describe('gridFigures', () => {
  it('groups the month’s matters by grid and computes each grid’s 响应率, 解决率 and 满意率', () => {
    const east = { gridId: 'G1', gridName: '东街网格' };
    const west = { gridId: 'G2', gridName: '西村院落' };
    const figures = gridFigures(
      [
        matter({ ...east, status: 'resolved', closure: 'fixed', acceptedAt: '2026-11-03T01:00:00Z', firstReplyAt: '2026-11-03T02:00:00Z', rating: 'satisfied' }),
        matter({ ...east, status: 'resolved', closure: 'cannot_fix', acceptedAt: '2026-11-06T01:00:00Z', firstReplyAt: '2026-11-06T02:00:00Z', rating: 'dissatisfied' }),
        matter({ ...east, status: 'submitted' }),
        matter({ ...west, status: 'accepted', acceptedAt: '2026-11-02T03:00:00Z' }),
        matter({ status: 'resolved', closure: 'fixed', acceptedAt: '2026-11-02T03:00:00Z' }),
      ],
      NOW,
    );
    expect(figures).toEqual([
      { gridId: 'G1', grid: '东街网格', received: 3, responseRate: 1 / 3, resolutionRate: 1 / 3, satisfactionRate: 1 / 2 },
      { gridId: 'G2', grid: '西村院落', received: 1, responseRate: 1, resolutionRate: 0, satisfactionRate: null },
    ]);
  });

  it('is empty when no matter named a grid', () => {
    expect(gridFigures([matter({}), matter({ status: 'accepted', acceptedAt: '2026-11-02T03:00:00Z' })], NOW)).toEqual([]);
  });
});
