import type { Deps } from '../deps';
import type { Grid } from '../studio/grid.repository';

/** The demo studio's grids (网格 / 院落), as 洛社 divides its area. */
export const DEMO_GRIDS: Pick<Grid, 'name' | 'kind' | 'area'>[] = [
  { name: '人民路网格', kind: '网格', area: '人民路两侧、农贸市场' },
  { name: '新村院落', kind: '院落', area: '洛社新村 1–12 幢' },
  { name: '杨墅自然村', kind: '自然村', area: '杨墅村东西两组' },
];

/** 网格员 of the first grid, a persona to sign in as; listed by name on the studio's page (they agreed). */
const GRID_HEAD = { key: 'gridhead', displayName: '吴网格员' };

/**
 * The demo studio's grids and a grid head for the first (also for a table kept from before grids): added when the
 * studio has none, the grid head when the persona is missing.
 */
export async function seedDemoGrids(deps: Deps, studioId: string, studioName: string, order: number): Promise<void> {
  let grids = await deps.grids.listOfStudio(studioId);
  if (grids.length === 0) {
    const at = deps.now().toISOString();
    for (const g of DEMO_GRIDS) await deps.grids.put({ id: deps.newId(), studioId, ...g, createdAt: at, updatedAt: at }, 'create');
    grids = await deps.grids.listOfStudio(studioId);
  }
  if (await deps.personas.getPersona(GRID_HEAD.key)) return;
  const first = grids.find((g) => g.name === DEMO_GRIDS[0]!.name) ?? grids[0]!;
  const now = deps.now().toISOString();
  const user = { id: deps.newId(), displayName: GRID_HEAD.displayName, role: 'grid_head' as const, studioId, gridId: first.id, createdAt: now };
  await deps.users.createUserForOpenid(user, `demo-${GRID_HEAD.key}-${user.id}`);
  await deps.studios.putMember({ studioId, userId: user.id, role: 'grid_head', gridId: first.id, listed: true, displayName: GRID_HEAD.displayName, joinedAt: now });
  await deps.personas.putPersona({ key: GRID_HEAD.key, userId: user.id, displayName: GRID_HEAD.displayName, role: 'grid_head', studioName, order });
}
