import type { GridSubmissionsQuery, GridSubmissionsResponse } from '@shared/schemas/grid';
import type { Principal } from '../auth/session-tokens';
import { NotFoundError } from '../errors';
import { mayActFor } from '../policy';
import type { Submission } from './submission-items';
import type { SubmissionsDeps } from './deps';
import { inboxItemOf } from './submission-desk.use-case';
import { secondCounts } from './seconds.use-case';

const GRID_PAGE = 20;

/** A grid's head acts for that grid of that studio only; the studio's representatives and admin for all of its grids. */
export function mayReadGrid(principal: Principal, studioId: string, gridId: string): boolean {
  if (principal.role === 'grid_head') return principal.studioId === studioId && principal.gridId === gridId;
  return mayActFor(principal, studioId, 'answer');
}

/**
 * 网格待办: the matters residents raised in a grid, newest first, as they stand now — for its grid head (and the
 * studio's representatives). A page of the grid's list (149), then one BatchGetItem of those submissions (a matter
 * moved out of the grid since, by a representative, is not shown). Anyone else: 404, and learns nothing of the grid.
 */
export async function listGridMatters(deps: SubmissionsDeps, principal: Principal, studioId: string, gridId: string, query: GridSubmissionsQuery): Promise<GridSubmissionsResponse> {
  if (!mayReadGrid(principal, studioId, gridId)) throw new NotFoundError('没有找到这个网格');
  const page = await deps.grids.listMattersPage(gridId, { cursor: query.cursor, limit: GRID_PAGE });
  const read: Record<string, unknown> = await deps.batch.read({
    grid: deps.grids.gridRead(studioId, gridId),
    ...Object.fromEntries(page.items.map((m, i) => [`s${i}`, deps.submissions.submissionRead(m.submissionId)])),
  });
  const grid = read.grid as { id: string; name: string; kind: GridSubmissionsResponse['grid']['kind'] } | undefined;
  if (!grid) throw new NotFoundError('没有找到这个网格');
  const matters = page.items.map((_, i) => read[`s${i}`] as Submission | undefined).filter((s): s is Submission => !!s && s.studioId === studioId && s.gridId === gridId);
  const seconds = await secondCounts(deps, matters.map((s) => s.id));
  const now = deps.now();
  return {
    grid: { id: grid.id, name: grid.name, kind: grid.kind },
    items: matters.map((s) => ({ ...inboxItemOf(s, now, seconds.get(s.id)) })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
