import type { MyVolunteerView, TeamView, VolunteerRequest, VolunteerStatus, VolunteerView } from '@shared/schemas/volunteers';
import type { Principal } from '../auth/session-tokens';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { requireStudioRole } from '../policy';
import type { Team, Volunteer } from './volunteer.repository';
import type { VolunteersDeps } from './deps';

const PAGE = 30;

const viewOf = (v: Volunteer): VolunteerView => ({
  studioId: v.studioId,
  userId: v.userId,
  displayName: v.displayName,
  status: v.status,
  partyMember: v.partyMember,
  inService: v.inService,
  ...(v.organisation ? { organisation: v.organisation } : {}),
  skills: v.skills,
  availability: v.availability,
  teamIds: v.teamIds,
  registeredAt: v.registeredAt,
  ...(v.decidedAt ? { decidedAt: v.decidedAt } : {}),
  ...(v.reason ? { reason: v.reason } : {}),
});

const teamViewOf = (t: Team): TeamView => ({
  id: t.id,
  name: t.name,
  ...(t.leaderUserId ? { leaderUserId: t.leaderUserId } : {}),
  members: Object.entries(t.members)
    .map(([userId, displayName]) => ({ userId, displayName }))
    .sort((a, b) => (a.userId === t.leaderUserId ? -1 : b.userId === t.leaderUserId ? 1 : a.displayName.localeCompare(b.displayName, 'zh'))),
});

async function requireStudio(deps: VolunteersDeps, studioId: string): Promise<void> {
  if (!(await deps.studios.getStudio(studioId))) throw new NotFoundError('没有找到这个工作室');
}

/** My registration at this studio (if any) and the teams I am in. */
export async function getMyVolunteer(deps: VolunteersDeps, principal: Principal, studioId: string): Promise<MyVolunteerView> {
  await requireStudio(deps, studioId);
  const registration = await deps.volunteers.get(principal.userId, studioId);
  if (!registration) return { teams: [] };
  const [allTeams, served] = await Promise.all([deps.volunteers.listTeams(studioId), deps.shifts.totals(principal.userId, studioId)]);
  const teams = allTeams.filter((t) => registration.teamIds.includes(t.id));
  return { registration: viewOf(registration), teams: teams.map((t) => ({ id: t.id, name: t.name, leader: t.leaderUserId === principal.userId })), served };
}

/**
 * 登记 (or change the details of) a volunteer. A first registration — or one after 未通过 or 已退出 — waits for the
 * admin (待审核); an approved volunteer changing skills or hours stays approved.
 */
export async function registerVolunteer(deps: VolunteersDeps, principal: Principal, studioId: string, body: VolunteerRequest): Promise<VolunteerView> {
  await requireStudio(deps, studioId);
  const [previous, user] = await Promise.all([deps.volunteers.get(principal.userId, studioId), deps.users.getUser(principal.userId)]);
  const now = deps.now().toISOString();
  const stays = previous?.status === 'approved' || previous?.status === 'pending';
  const next: Volunteer = {
    studioId,
    userId: principal.userId,
    displayName: user?.displayName ?? '居民',
    status: stays ? previous!.status : 'pending',
    partyMember: body.partyMember,
    inService: body.inService,
    ...(body.organisation ? { organisation: body.organisation } : {}),
    skills: body.skills,
    availability: body.availability,
    teamIds: stays ? previous!.teamIds : [],
    registeredAt: stays ? previous!.registeredAt : now,
    ...(stays && previous!.decidedAt ? { decidedAt: previous!.decidedAt } : {}),
  };
  if (!(await deps.volunteers.save(next, previous))) throw new ConflictError('登记刚刚有了变化（也许管理员正在审核），请刷新后再改');
  return viewOf(next);
}

/** 退出: the registration stays as 已退出 (the studio's record of past help) and leaves every team. */
export async function withdrawVolunteer(deps: VolunteersDeps, principal: Principal, studioId: string): Promise<VolunteerView> {
  const previous = await deps.volunteers.get(principal.userId, studioId);
  if (!previous || previous.status === 'withdrawn') throw new NotFoundError('您还没有登记为本工作室的志愿者');
  for (const teamId of previous.teamIds) await deps.volunteers.removeMember(studioId, teamId, principal.userId, undefined);
  const next: Volunteer = { ...previous, status: 'withdrawn', teamIds: [], decidedAt: deps.now().toISOString() };
  delete next.reason;
  if (!(await deps.volunteers.save(next, previous))) throw new ConflictError('登记刚刚有了变化，请刷新后再试');
  return viewOf(next);
}

/** The studio's volunteers by status (待审核 first for the admin), 30 at a time. */
export async function listVolunteers(deps: VolunteersDeps, principal: Principal, studioId: string, query: { status: VolunteerStatus; cursor?: string }): Promise<{ volunteers: VolunteerView[]; nextCursor?: string }> {
  requireStudioRole(principal, studioId, 'answer');
  const page = await deps.volunteers.listOfStudio(studioId, query.status, { limit: PAGE, cursor: query.cursor });
  return { volunteers: page.volunteers.map(viewOf), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** The admin approves or declines a registration waiting for it (declining says why; the applicant sees it). */
export async function decideVolunteer(deps: VolunteersDeps, principal: Principal, studioId: string, userId: string, body: { approve: boolean; reason?: string }): Promise<VolunteerView> {
  requireStudioRole(principal, studioId, 'administer');
  const previous = await deps.volunteers.get(userId, studioId);
  if (!previous) throw new NotFoundError('没有找到这位志愿者的登记');
  if (previous.status !== 'pending') throw new ConflictError(`这份登记已是“${previous.status === 'approved' ? '已通过' : previous.status === 'declined' ? '未通过' : '已退出'}”，不能再审核`);
  const next: Volunteer = { ...previous, status: body.approve ? 'approved' : 'declined', decidedAt: deps.now().toISOString(), ...(body.approve ? {} : { reason: body.reason }) };
  if (body.approve) delete next.reason;
  if (!(await deps.volunteers.save(next, previous))) throw new ConflictError('登记刚刚有了变化，请刷新后再审核');
  return viewOf(next);
}

export async function listVolunteerTeams(deps: VolunteersDeps, principal: Principal, studioId: string): Promise<{ teams: TeamView[] }> {
  requireStudioRole(principal, studioId, 'serve');
  const teams = await deps.volunteers.listTeams(studioId);
  return { teams: teams.sort((a, b) => a.name.localeCompare(b.name, 'zh')).map(teamViewOf) };
}

export async function createVolunteerTeam(deps: VolunteersDeps, principal: Principal, studioId: string, body: { name: string }): Promise<TeamView> {
  requireStudioRole(principal, studioId, 'administer');
  const existing = await deps.volunteers.listTeams(studioId);
  if (existing.some((t) => t.name === body.name)) throw new ValidationError({ name: '已经有同名的服务队了' });
  if (existing.length >= 30) throw new ConflictError('服务队最多 30 个');
  const team: Team = { studioId, id: deps.newId(), name: body.name, members: {} };
  await deps.volunteers.createTeam(team);
  return teamViewOf(team);
}

/** An approved volunteer joins a team (optionally as its leader); anyone else is refused. */
export async function addTeamMember(deps: VolunteersDeps, principal: Principal, studioId: string, teamId: string, userId: string, body: { leader: boolean }): Promise<TeamView> {
  requireStudioRole(principal, studioId, 'administer');
  const volunteer = await deps.volunteers.get(userId, studioId);
  if (!volunteer) throw new NotFoundError('没有找到这位志愿者的登记');
  const outcome = await deps.volunteers.addMember(studioId, teamId, volunteer, body.leader);
  if (outcome === 'no-team') throw new NotFoundError('没有找到这个服务队');
  if (outcome === 'not-approved') throw new ConflictError('只有审核通过的志愿者才能加入服务队');
  return teamViewOf((await deps.volunteers.getTeam(studioId, teamId))!);
}

export async function removeTeamMember(deps: VolunteersDeps, principal: Principal, studioId: string, teamId: string, userId: string): Promise<TeamView> {
  requireStudioRole(principal, studioId, 'administer');
  const team = await deps.volunteers.getTeam(studioId, teamId);
  if (!team) throw new NotFoundError('没有找到这个服务队');
  if (!(userId in team.members)) throw new NotFoundError('这个人不在这个服务队里');
  const volunteer = await deps.volunteers.get(userId, studioId);
  await deps.volunteers.removeMember(studioId, teamId, userId, volunteer?.teamIds);
  return teamViewOf((await deps.volunteers.getTeam(studioId, teamId))!);
}
