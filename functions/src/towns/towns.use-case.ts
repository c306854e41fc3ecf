import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '@shared/invite-code';
import type { CreatedTownStudio, CreateTownStudioRequest, StudioTownView, TownDirectoryView, TownsResponse, TownStudiosPage, TownView } from '@shared/schemas/towns';
import { chinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { randomCode } from '../data/codes';
import { recordAudit } from '../audit/audit.use-case';
import { upcomingMarketDays } from '../stands/upcoming-days';
import type { Town } from './town.repository';
import type { TownsDeps } from './deps';

const PAGE = 20;
const REFUSAL = '只有本镇街的管理员可以操作';

export const townView = (town: Town): TownView => ({ id: town.id, name: town.name, district: town.district });

/**
 * The one answer to "may this person run this town?": a 镇街管理员 of that town. Anyone else — a town admin of another
 * town, a studio's admin — is refused the same way, whether the town exists or not (they learn nothing of it).
 */
export async function requireTownAdmin(deps: Pick<TownsDeps, 'towns'>, principal: Principal, townId: string): Promise<Town> {
  if (principal.role !== 'town_admin' || principal.townId !== townId) throw new ForbiddenError(REFUSAL);
  const town = await deps.towns.getTown(townId);
  if (!town) throw new NotFoundError('没有找到这个镇街');
  return town;
}

/** 镇街工作台: the town's studios, a page at a time. */
export async function listTownStudios(deps: TownsDeps, principal: Principal, townId: string, query: { cursor?: string }): Promise<TownStudiosPage> {
  const town = await requireTownAdmin(deps, principal, townId);
  const { studios, nextCursor } = await deps.towns.listStudiosPage(townId, { cursor: query.cursor, limit: PAGE });
  return { town: townView(town), studios: studios.map((s) => ({ id: s.studioId, name: s.name, address: s.address, createdAt: s.createdAt })), ...(nextCursor ? { nextCursor } : {}) };
}

/**
 * 新建工作室: a town admin creates a studio of their town and the invite of its first admin, in one transaction (the
 * studio, the town's entry of it, the invite). Whoever redeems the code becomes the studio's 工作室管理员.
 */
export async function createTownStudio(deps: TownsDeps, principal: Principal, townId: string, request: CreateTownStudioRequest): Promise<CreatedTownStudio> {
  const town = await requireTownAdmin(deps, principal, townId);
  const existing = await deps.towns.listStudios(townId);
  if (existing.some((s) => s.name === request.name)) throw new ValidationError({ name: `本镇街已有「${request.name}」，请换一个名称` });
  const now = deps.now();
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + request.inviteValidHours * 3_600_000).toISOString();
  const studio = { id: deps.newId(), name: request.name, town: town.name, townId, address: request.address, createdAt };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const code = randomCode(INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH);
    if (await deps.towns.createStudio(studio, { code, studioId: studio.id, role: 'admin', createdBy: principal.userId, createdAt, expiresAt })) {
      await recordAudit(deps, principal, studio.id, 'invite_created', `${town.name}镇街管理员新建工作室，发放「工作室管理员」邀请码，${request.inviteValidHours} 小时内有效`);
      return { studio: { id: studio.id, name: studio.name, address: studio.address, createdAt }, adminInvite: { code, expiresAt } };
    }
  }
  throw new ConflictError('邀请码生成冲突，请重试');
}

/** The towns, by name (the residents' town picker). */
export async function listTowns(deps: TownsDeps): Promise<TownsResponse> {
  const towns = await deps.towns.listTowns();
  return { towns: towns.map(townView) };
}

/** 我的 → 工作室: a town's studios, each with its venues and their next three market days (lunar labels). */
export async function getTownDirectory(deps: TownsDeps, townId: string): Promise<TownDirectoryView> {
  const town = await deps.towns.getTown(townId);
  if (!town) throw new NotFoundError('没有找到这个镇街');
  const today = chinaDate(deps.now());
  const studios = await Promise.all(
    (await deps.towns.listStudios(townId)).map(async (s) => ({
      id: s.studioId,
      name: s.name,
      address: s.address,
      venues: await Promise.all(
        (await deps.stands.listVenuesOfStudio(s.studioId)).map(async (v) => ({ id: v.id, name: v.name, address: v.address, nextMarketDays: await upcomingMarketDays(deps.stands, v.id, v.rules, today, 3) })),
      ),
    })),
  );
  return { town: townView(town), studios };
}

/** Which town a studio belongs to (the one line on the stand and board pages). */
export async function getStudioTown(deps: TownsDeps, studioId: string): Promise<StudioTownView> {
  const studio = await deps.studios.getStudio(studioId);
  if (!studio) throw new NotFoundError('没有找到这个工作室');
  const town = studio.townId ? await deps.towns.getTown(studio.townId) : undefined;
  return { studioId, studioName: studio.name, ...(town ? { town: townView(town) } : {}) };
}
