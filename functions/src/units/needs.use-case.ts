import { matchResources } from '@shared/alliance/match';
import type { FileNeedRequest, NeedMatchesView, NeedsPage, NeedView } from '@shared/schemas/alliance';
import { ROLE_LABELS } from '@shared/roles';
import { chinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import { requireUser } from '../auth/sessions';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { requireStudioOfTown, requireTownPerson } from './alliance-access';
import { needView, resourceView } from './alliance-views';
import type { Need } from './alliance.repository';
import type { UnitsDeps } from './units-deps';

const PAGE = 20;
const NO_TOWN = '本工作室还没有加入镇街，不能登记需求清单';

const needsPage = (page: { items: Need[]; nextCursor?: string }): NeedsPage => ({ needs: page.items.map(needView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) });

/** 登记需求 (a studio's admin or representative): what their community needs, on the town's 需求清单 as 待对接. */
export async function fileNeed(deps: UnitsDeps, principal: Principal, studioId: string, request: FileNeedRequest): Promise<NeedView> {
  const studio = await requireStudioOfTown(deps, principal, studioId);
  if (!studio.townId) throw new ConflictError(NO_TOWN);
  const now = deps.now();
  if (request.wantedBy && request.wantedBy < chinaDate(now)) throw new ValidationError({ wantedBy: '希望完成日期不能早于今天' });
  const user = await requireUser(deps, principal.userId);
  const at = now.toISOString();
  const need: Need = {
    id: deps.newId(),
    townId: studio.townId,
    studioId,
    studioName: studio.name,
    title: request.title,
    kind: request.kind,
    description: request.description || undefined,
    wantedBy: request.wantedBy,
    status: 'open',
    createdBy: `${ROLE_LABELS[principal.role]} ${user.displayName}`,
    createdAt: at,
    updatedAt: at,
  };
  if (!(await deps.alliance.fileNeed(need))) throw new ConflictError('需求刚刚已登记，请刷新');
  return needView(need);
}

/** 本工作室的需求清单, newest first — access pattern 158 (nothing for a studio of no town). */
export async function listStudioNeeds(deps: UnitsDeps, principal: Principal, studioId: string, query: { cursor?: string }): Promise<NeedsPage> {
  await requireStudioOfTown(deps, principal, studioId);
  return needsPage(await deps.alliance.listNeedsOfStudio(studioId, { cursor: query.cursor, limit: PAGE }));
}

/** 撤回需求: only while 待对接 (once a project is made from it, the project is cancelled instead). */
export async function withdrawNeed(deps: UnitsDeps, principal: Principal, studioId: string, needId: string): Promise<NeedView> {
  const studio = await requireStudioOfTown(deps, principal, studioId);
  const need = studio.townId ? await deps.alliance.getNeed(studio.townId, needId) : undefined;
  if (!need || need.studioId !== studioId) throw new NotFoundError('没有找到这条需求');
  if (need.status !== 'open' || !(await deps.alliance.withdrawNeed(need, deps.now().toISOString()))) throw new ConflictError('这条需求已经对接或撤回，不能再撤回');
  return needView({ ...need, status: 'withdrawn' });
}

/** 需求清单 of the town, every studio's, newest first (the town admin and the units' liaisons) — access pattern 157. */
export async function listTownNeeds(deps: UnitsDeps, principal: Principal, townId: string, query: { cursor?: string }): Promise<NeedsPage> {
  requireTownPerson(principal, townId);
  return needsPage(await deps.alliance.listNeedsOfTown(townId, { cursor: query.cursor, limit: PAGE }));
}

/**
 * 匹配: a need and the town's resources that fit it, best first (shared/src/alliance/match.ts: same kind first, then
 * shared words) — the offered ones of the units still in the alliance. Access pattern 160: 156, then 153 (every page) ∥
 * 151.
 */
export async function getNeedMatches(deps: UnitsDeps, principal: Principal, townId: string, needId: string): Promise<NeedMatchesView> {
  requireTownPerson(principal, townId);
  const need = await deps.alliance.getNeed(townId, needId);
  if (!need) throw new NotFoundError('没有找到这条需求');
  const [units, resources] = await Promise.all([deps.units.listOfTown(townId), deps.alliance.listAllResourcesOfTown(townId)]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const inAlliance = new Set(units.filter((u) => u.active).map((u) => u.id));
  const matches = matchResources(need, resources.filter((r) => r.active && inAlliance.has(r.unitId)));
  return { need: needView(need), matches: matches.map((m) => ({ resource: resourceView(m.resource, names.get(m.resource.unitId)!), sameKind: m.sameKind, sharedWords: m.sharedWords })) };
}
