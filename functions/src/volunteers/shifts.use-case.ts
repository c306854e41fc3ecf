import { AUTOMATIC_COIN_RULES } from '@shared/schemas/coins';
import type { ShiftView, StandVolunteersView } from '@shared/schemas/volunteers';
import { chinaDate, chinaInstant, formatChinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import { STUDIO_ACCOUNT, type Transfer } from '../coins/coin.repository';
import { ConflictError, NotFoundError } from '../errors';
import { requireStudioRole } from '../policy';
import type { Stand } from '../stands/stand.repository';
import type { VolunteersDeps } from './deps';
import type { Shift } from './shift.repository';

const PAGE = 30;
const MINUTE = 60_000;

const viewOf = (s: Shift): ShiftView => ({
  standId: s.standId,
  userId: s.userId,
  displayName: s.displayName,
  status: s.status,
  checkedInAt: s.checkedInAt,
  ...(s.checkedOutAt ? { checkedOutAt: s.checkedOutAt } : {}),
  ...(s.minutes !== undefined ? { minutes: s.minutes } : {}),
  ...(s.coins !== undefined ? { coins: s.coins } : {}),
});

/** The stand, for a member of its studio (others learn nothing of it). */
async function standFor(deps: VolunteersDeps, principal: Principal, standId: string): Promise<Stand> {
  const stand = await deps.stands.getStand(standId);
  if (!stand) throw new NotFoundError('没有找到这个服务点');
  requireStudioRole(principal, stand.studioId, 'serve');
  return stand;
}

/**
 * The minutes of [from, to] that fall within the stand's hours, whole minutes. Time before the stand opened or after
 * it closed is not counted (a volunteer checked in early, or checked out late by staff who forgot).
 */
export function minutesWithin(stand: Pick<Stand, 'date' | 'startTime' | 'endTime'>, from: string, to: string): number {
  const start = Math.max(Date.parse(from), Date.parse(chinaInstant(stand.date, stand.startTime)));
  const end = Math.min(Date.parse(to), Date.parse(chinaInstant(stand.date, stand.endTime)));
  return end > start ? Math.floor((end - start) / MINUTE) : 0;
}

/** Who is on duty at the stand (and who has left), and a page of the studio's approved volunteers to check in. */
export async function listStandVolunteers(deps: VolunteersDeps, principal: Principal, standId: string, query: { cursor?: string }): Promise<StandVolunteersView> {
  const stand = await standFor(deps, principal, standId);
  const [shifts, page] = await Promise.all([deps.shifts.listOfStand(standId), deps.volunteers.listOfStudio(stand.studioId, 'approved', { limit: PAGE, cursor: query.cursor })]);
  return {
    stand: { id: stand.id, date: stand.date, startTime: stand.startTime, endTime: stand.endTime, venueName: stand.venueName, status: stand.status },
    shifts: shifts.sort((a, b) => a.checkedInAt.localeCompare(b.checkedInAt)).map(viewOf),
    volunteers: page.volunteers.map((v) => ({ userId: v.userId, displayName: v.displayName, skills: v.skills })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/**
 * 签到: an approved volunteer of the stand's studio starts a shift, on the stand's day, before it closes. One shift per
 * volunteer per stand; the same tap again (a dropped answer) gets the same shift.
 */
export async function checkInVolunteer(deps: VolunteersDeps, principal: Principal, standId: string, userId: string): Promise<ShiftView> {
  const stand = await standFor(deps, principal, standId);
  const now = deps.now();
  if (stand.status === 'cancelled') throw new ConflictError('这次服务点已取消，不能签到');
  if (chinaDate(now) !== stand.date) throw new ConflictError(`只能在服务点当天（${formatChinaDate(stand.date)}）签到`);
  if (now.getTime() >= Date.parse(chinaInstant(stand.date, stand.endTime))) throw new ConflictError('服务点已经结束，不能再签到');
  const volunteer = await deps.volunteers.get(userId, stand.studioId);
  if (!volunteer) throw new NotFoundError('没有找到这位志愿者的登记');
  const shift: Shift = {
    standId,
    studioId: stand.studioId,
    userId,
    displayName: volunteer.displayName,
    standDate: stand.date,
    venueName: stand.venueName,
    status: 'in',
    checkedInAt: now.toISOString(),
    checkedInBy: principal.userId,
  };
  const outcome = await deps.shifts.checkIn(shift);
  if (outcome.kind === 'not-approved') throw new ConflictError('只有审核通过的志愿者才能签到');
  if (outcome.kind === 'already' && outcome.shift.status === 'out') throw new ConflictError(`${volunteer.displayName}今天在这里已经签退了`);
  if (outcome.kind === 'in') deps.metrics.count('VolunteerCheckIns');
  return viewOf(outcome.shift);
}

/**
 * 签退: the shift ends; its minutes within the stand's hours are the volunteer's, and each whole hour earns the coins
 * of the studio's `volunteer-hour` rule — all in one transaction with the month's figures. Again: the same shift.
 */
export async function checkOutVolunteer(deps: VolunteersDeps, principal: Principal, standId: string, userId: string): Promise<ShiftView> {
  const stand = await standFor(deps, principal, standId);
  const [shift, rules, staff] = await Promise.all([deps.shifts.get(standId, userId), deps.coins.getRules(stand.studioId), deps.users.getUser(principal.userId)]);
  if (!shift) throw new NotFoundError('这位志愿者今天在这里还没有签到');
  if (shift.status === 'out') return viewOf(shift);
  const at = deps.now().toISOString();
  const minutes = minutesWithin(stand, shift.checkedInAt, at);
  const rule = (rules ?? []).find((r) => r.id === AUTOMATIC_COIN_RULES.volunteerHour);
  const coins = rule ? Math.floor(minutes / 60) * rule.coins : 0;
  const hours = `${Math.floor(minutes / 60)} 小时${minutes % 60 ? ` ${minutes % 60} 分` : ''}`;
  const transfer: Transfer = {
    studioId: stand.studioId,
    id: deps.newId(),
    from: STUDIO_ACCOUNT,
    to: userId,
    amount: coins,
    kind: 'award',
    what: `${rule?.activity ?? '服务点志愿服务'}：${stand.venueName} ${formatChinaDate(stand.date)}，${hours}`,
    byUserId: principal.userId,
    byName: staff?.displayName ?? '工作人员',
    at,
  };
  const counted = { volunteerMinutes: minutes, volunteerShifts: 1 };
  const credit = coins > 0 ? deps.coins.awardItems(transfer, counted) : [deps.coins.figuresItem(stand.studioId, at, counted)];
  const outcome = await deps.shifts.checkOut({ ...shift, checkedOutAt: at, checkedOutBy: principal.userId, minutes, coins }, credit);
  if (outcome.kind === 'not-in') throw new ConflictError('签退没有记上，请刷新后再试');
  if (outcome.kind === 'out') {
    deps.metrics.count('VolunteerMinutes', minutes);
    if (coins > 0) deps.metrics.count('CoinsAwarded', coins);
  }
  return viewOf(outcome.shift);
}
