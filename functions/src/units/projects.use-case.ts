import type { CreateProjectRequest, MoveProjectRequest, ProjectsPage, ProjectView } from '@shared/schemas/alliance';
import type { Principal } from '../auth/session-tokens';
import { requireUser } from '../auth/sessions';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { isLiaisonOfUnit, isTownAdminOf, requireStudioOfTown, requireTownPerson, requireUnitActor } from './alliance-access';
import { projectView } from './alliance-views';
import type { Project, Signature } from './alliance.repository';
import type { UnitsDeps } from './units-deps';

const PAGE = 20;
const CHANGED = '项目刚刚有变动，请刷新后再试';

const projectsPage = (page: { items: Project[]; nextCursor?: string }): ProjectsPage => ({ projects: page.items.map(projectView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) });

/**
 * 生成项目 (项目清单): a need of the town met by a unit — by the town admin, or by the unit's liaison offering its own
 * resource. One transaction (161) writes the project (待签约) and turns the need 已对接: of two made from one need at
 * once, one is written; the other is told the need is taken.
 */
export async function createProject(deps: UnitsDeps, principal: Principal, townId: string, request: CreateProjectRequest): Promise<ProjectView> {
  const unit = await requireUnitActor(deps, principal, townId, request.unitId);
  if (!unit.active) throw new ValidationError({ unitId: '这个单位已经退出，请选择其他单位' });
  const [need, resource] = await Promise.all([deps.alliance.getNeed(townId, request.needId), request.resourceId ? deps.alliance.getResource(townId, unit.id, request.resourceId) : undefined]);
  if (!need) throw new ValidationError({ needId: '没有找到这条需求' });
  if (need.status !== 'open') throw new ConflictError(need.status === 'matched' ? '这条需求已经对接了' : '这条需求已经撤回了');
  if (request.resourceId && (!resource || !resource.active)) throw new ValidationError({ resourceId: '这项资源不在本单位的资源清单上' });
  const at = deps.now().toISOString();
  const project: Project = {
    id: deps.newId(),
    townId,
    needId: need.id,
    needTitle: need.title,
    studioId: need.studioId,
    studioName: need.studioName,
    unitId: unit.id,
    unitName: unit.name,
    ...(resource ? { resourceId: resource.id, resourceTitle: resource.title } : {}),
    kind: need.kind,
    owner: request.owner,
    startDate: request.startDate,
    endDate: request.endDate,
    status: 'pending',
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  if (!(await deps.alliance.createProject(project))) throw new ConflictError('需求刚刚已被对接，或单位、资源刚刚撤下了，请刷新后再试');
  return projectView(project);
}

/** 项目清单 of the town, newest first (the town admin and the units' liaisons) — access pattern 163. */
export async function listTownProjects(deps: UnitsDeps, principal: Principal, townId: string, query: { cursor?: string }): Promise<ProjectsPage> {
  requireTownPerson(principal, townId);
  return projectsPage(await deps.alliance.listProjectsOfTown(townId, { cursor: query.cursor, limit: PAGE }));
}

/** A unit's projects (its liaison's 我们的项目; the town admin) — access pattern 164. */
export async function listUnitProjects(deps: UnitsDeps, principal: Principal, townId: string, unitId: string, query: { cursor?: string }): Promise<ProjectsPage> {
  await requireUnitActor(deps, principal, townId, unitId);
  return projectsPage(await deps.alliance.listProjectsOfUnit(unitId, { cursor: query.cursor, limit: PAGE }));
}

/** 本工作室的项目 (its admin and representatives) — access pattern 165. */
export async function listStudioProjects(deps: UnitsDeps, principal: Principal, studioId: string, query: { cursor?: string }): Promise<ProjectsPage> {
  await requireStudioOfTown(deps, principal, studioId);
  return projectsPage(await deps.alliance.listProjectsOfStudio(studioId, { cursor: query.cursor, limit: PAGE }));
}

type Side = 'unitSignature' | 'studioSignature';
const OTHER: Record<Side, Side> = { unitSignature: 'studioSignature', studioSignature: 'unitSignature' };

/**
 * One side's signature of the 双向服务 agreement: a Put with `version = :read` (162). The project becomes 已签约 with
 * the second side's signature; a second tap (or a tap racing another) changes nothing and is told so (409).
 */
async function sign(deps: UnitsDeps, principal: Principal, load: () => Promise<Project>, side: Side): Promise<ProjectView> {
  const user = await requireUser(deps, principal.userId);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const project = await load();
    if (project[side]) throw new ConflictError('您这一方已经签过字了');
    if (project.status !== 'pending') throw new ConflictError('这个项目不在待签约状态，不能签字');
    const signature: Signature = { name: user.displayName, at: deps.now().toISOString() };
    const after: Project = { ...project, [side]: signature, status: project[OTHER[side]] ? 'signed' : 'pending', updatedAt: signature.at };
    if (await deps.alliance.saveProject(project, after)) return projectView({ ...after, version: project.version + 1 });
  }
  throw new ConflictError(CHANGED);
}

/** 单位签字: the liaison of the project's unit (anyone else: 403). */
export async function signProjectForUnit(deps: UnitsDeps, principal: Principal, townId: string, projectId: string): Promise<ProjectView> {
  requireTownPerson(principal, townId);
  return sign(
    deps,
    principal,
    async () => {
      const project = await deps.alliance.getProject(townId, projectId);
      if (!project) throw new NotFoundError('没有找到这个项目');
      if (!isLiaisonOfUnit(principal, townId, project.unitId)) throw new ForbiddenError('只有承接项目的单位的联络员可以代表单位签字');
      return project;
    },
    'unitSignature',
  );
}

/** 社区签字: the admin or a representative of the project's studio (another studio: 404, it learns nothing). */
export async function signProjectForStudio(deps: UnitsDeps, principal: Principal, studioId: string, projectId: string): Promise<ProjectView> {
  const studio = await requireStudioOfTown(deps, principal, studioId);
  return sign(
    deps,
    principal,
    async () => {
      const project = studio.townId ? await deps.alliance.getProject(studio.townId, projectId) : undefined;
      if (!project || project.studioId !== studioId) throw new NotFoundError('没有找到这个项目');
      return project;
    },
    'studioSignature',
  );
}

/** Where each step may come from: 进行中 once both signed, 已完成 once under way, 已取消 before it is done. */
const MOVES_FROM: Record<MoveProjectRequest['status'], readonly Project['status'][]> = { in_progress: ['signed'], done: ['in_progress'], cancelled: ['pending', 'signed', 'in_progress'] };
const REFUSED: Record<MoveProjectRequest['status'], string> = { in_progress: '双方签字后才能开始项目', done: '项目开始后才能标记完成', cancelled: '这个项目已经结束，不能取消' };

/**
 * 开始 / 完成 / 取消 a project: the town admin, or the liaison of its unit. A cancellation puts the need back to 待对接
 * in the same transaction (162), so that another unit can take it.
 */
export async function moveProject(deps: UnitsDeps, principal: Principal, townId: string, projectId: string, request: MoveProjectRequest): Promise<ProjectView> {
  requireTownPerson(principal, townId);
  const project = await deps.alliance.getProject(townId, projectId);
  if (!project) throw new NotFoundError('没有找到这个项目');
  if (!isTownAdminOf(principal, townId) && !isLiaisonOfUnit(principal, townId, project.unitId)) throw new ForbiddenError('只有本镇街的管理员或承接单位的联络员可以操作');
  if (!MOVES_FROM[request.status].includes(project.status)) throw new ConflictError(REFUSED[request.status]);
  const after: Project = { ...project, status: request.status, updatedAt: deps.now().toISOString() };
  if (!(await deps.alliance.saveProject(project, after, request.status === 'cancelled'))) throw new ConflictError(CHANGED);
  return projectView({ ...after, version: project.version + 1 });
}
