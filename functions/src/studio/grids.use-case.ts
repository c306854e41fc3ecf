import { MAX_GRIDS_PER_STUDIO, type GridListingRequest, type GridsResponse, type GridView, type UpsertGridRequest } from '@shared/schemas/grid';
import type { Principal } from '../auth/session-tokens';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { requireStudioRole } from '../policy';
import { recordAudit } from '../audit/audit.use-case';
import type { Grid } from './grid.repository';
import type { StudioDeps } from './deps';

const viewOf = (grid: Grid, heads: GridView['heads']): GridView => ({
  id: grid.id,
  studioId: grid.studioId,
  name: grid.name,
  kind: grid.kind,
  ...(grid.area ? { area: grid.area } : {}),
  heads,
});

/**
 * 网格 / 院落 of a studio, for anyone: to choose one in a submission, and to see who is responsible for each — only the
 * grid heads who agreed to be listed, by name (网格员公示). Two Queries of the studio's partition (its grids, its members).
 */
export async function listGrids(deps: StudioDeps, studioId: string): Promise<GridsResponse> {
  const [studio, grids, members] = await Promise.all([deps.studios.getStudio(studioId), deps.grids.listOfStudio(studioId), deps.studios.listMembersOfStudio(studioId)]);
  if (!studio) throw new NotFoundError('没有找到这个工作室');
  const listed = members.filter((m) => m.role === 'grid_head' && m.gridId && m.listed);
  return { grids: grids.map((g) => viewOf(g, listed.filter((m) => m.gridId === g.id).map((m) => ({ userId: m.userId, displayName: m.displayName })))) };
}

/** An admin adds a grid (at most MAX_GRIDS_PER_STUDIO, names unique in the studio). */
export async function createGrid(deps: StudioDeps, principal: Principal, studioId: string, request: UpsertGridRequest): Promise<GridView> {
  requireStudioRole(principal, studioId, 'administer', '只有本工作室的管理员可以设置网格');
  const [studio, grids] = await Promise.all([deps.studios.getStudio(studioId), deps.grids.listOfStudio(studioId)]);
  if (!studio) throw new NotFoundError('没有找到这个工作室');
  if (grids.length >= MAX_GRIDS_PER_STUDIO) throw new ConflictError(`一个工作室最多设 ${MAX_GRIDS_PER_STUDIO} 个网格`);
  if (grids.some((g) => g.name === request.name)) throw new ConflictError(`已经有名为「${request.name}」的网格了`);
  const at = deps.now().toISOString();
  const grid: Grid = { id: deps.newId(), studioId, name: request.name, kind: request.kind, ...(request.area ? { area: request.area } : {}), createdAt: at, updatedAt: at };
  if (!(await deps.grids.put(grid, 'create'))) throw new ConflictError('网格编号冲突，请重试');
  await recordAudit(deps, principal, studioId, 'grid_changed', `新增${grid.kind}「${grid.name}」`, grid.id);
  return viewOf(grid, []);
}

/** An admin renames a grid or changes what it covers; matters already raised in it keep the name they were given. */
export async function updateGrid(deps: StudioDeps, principal: Principal, studioId: string, gridId: string, request: UpsertGridRequest): Promise<GridView> {
  requireStudioRole(principal, studioId, 'administer', '只有本工作室的管理员可以设置网格');
  const grids = await deps.grids.listOfStudio(studioId);
  const grid = grids.find((g) => g.id === gridId);
  if (!grid) throw new NotFoundError('没有找到这个网格');
  if (grids.some((g) => g.id !== gridId && g.name === request.name)) throw new ConflictError(`已经有名为「${request.name}」的网格了`);
  const next: Grid = { id: grid.id, studioId, name: request.name, kind: request.kind, ...(request.area ? { area: request.area } : {}), createdAt: grid.createdAt, updatedAt: deps.now().toISOString() };
  if (!(await deps.grids.put(next, 'update'))) throw new NotFoundError('没有找到这个网格');
  await recordAudit(deps, principal, studioId, 'grid_changed', `修改${next.kind}「${grid.name}」→「${next.name}」`, grid.id);
  const members = await deps.studios.listMembersOfStudio(studioId);
  return viewOf(next, members.filter((m) => m.role === 'grid_head' && m.gridId === gridId && m.listed).map((m) => ({ userId: m.userId, displayName: m.displayName })));
}

/** A grid head agrees (or stops agreeing) to be listed by name on the studio's page; only for their own grid. */
export async function setGridListing(deps: StudioDeps, principal: Principal, gridId: string, request: GridListingRequest): Promise<{ gridId: string; listed: boolean }> {
  if (principal.role !== 'grid_head' || principal.gridId !== gridId || !principal.studioId) throw new ForbiddenError('只有这个网格的网格员可以设置是否公示');
  if (!(await deps.studios.setGridListing(principal.studioId, principal.userId, gridId, request.listed))) throw new ForbiddenError('只有这个网格的网格员可以设置是否公示');
  return { gridId, listed: request.listed };
}
