import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DESK_ROLES } from '@shared/contract/roles';
import { DESK_QR_PREFIX, DESK_TICKET_SECONDS, type DeskTicketCreated, type DeskTicketExchangeRequest, type DeskTicketPoll, type DeskTicketView } from '@shared/schemas/desk-login';
import type { Role } from '@shared/roles';
import type { Principal } from './session-tokens';
import type { AuthDeps } from './deps';
import type { DeskTicket } from './desk-ticket.repository';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { recordAudit } from '../audit/audit.use-case';
import { limitAttempts, openSession, requireUser } from './sessions';
import { browserOf } from './browser-description';

/** Tickets one address may ask for in 10 minutes (a QR code lasts 2 minutes; an office shares one address). */
const TICKETS_PER_ADDRESS = 20;

const NO_TICKET = '没有找到这个登录二维码，请在电脑上刷新二维码';
const EXPIRED = '二维码已过期，请在电脑上点击刷新';
const CANCELLED = '已在手机上取消这次登录，请在电脑上刷新二维码';
const USED = '这个二维码已经用过了，请在电脑上刷新二维码';
const CONFIRMED_ALREADY = '这个二维码已经确认过了';
const NOT_DESK_PERSON = '电脑工作台只对工作室的党代表、工作人员和管理员开放';

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');
const mayUseDesk = (role: Role) => (DESK_ROLES as readonly Role[]).includes(role);

function stateOf(ticket: DeskTicket, now: Date): DeskTicketView['status'] {
  if (ticket.status === 'used' || ticket.status === 'cancelled') return ticket.status;
  return Date.parse(ticket.expiresAt) <= now.getTime() ? 'expired' : ticket.status;
}

function viewOf(ticket: DeskTicket, now: Date): DeskTicketView {
  return { ticketId: ticket.id, browser: ticket.browser, expiresAt: ticket.expiresAt, status: stateOf(ticket, now) };
}

/** The refusal for a ticket that can no longer be confirmed or exchanged (409, nothing changed). */
function refusalOf(state: DeskTicketView['status']): ConflictError {
  if (state === 'expired') return new ConflictError(EXPIRED);
  if (state === 'cancelled') return new ConflictError(CANCELLED);
  if (state === 'used') return new ConflictError(USED);
  return new ConflictError(CONFIRMED_ALREADY);
}

/**
 * A desk browser (not signed in) asks for a sign-in ticket.
 * Input: where the request came from. Output: the ticket id, its secret (kept by that browser only), expiry, QR text.
 * Steps: limit tickets per address → draw an id and a 256-bit secret → store the secret's hash, pending, 2 minutes.
 */
export async function createDeskTicket(deps: AuthDeps, client: { sourceIp?: string; userAgent?: string }): Promise<DeskTicketCreated> {
  await limitAttempts(deps, `desk-ticket#${client.sourceIp ?? 'unknown'}`, TICKETS_PER_ADDRESS, 600, '获取二维码太频繁了，请稍后再试');
  const now = deps.now();
  const secret = randomBytes(32).toString('base64url');
  const ticket: DeskTicket = {
    id: deps.newId(),
    secretHash: hashOf(secret),
    browser: browserOf(client.userAgent),
    status: 'pending',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + DESK_TICKET_SECONDS * 1000).toISOString(),
  };
  await deps.deskTickets.createTicket(ticket);
  return { ticketId: ticket.id, secret, expiresAt: ticket.expiresAt, qrPayload: `${DESK_QR_PREFIX}${ticket.id}` };
}

/** The phone, after the scan: which browser asks to be signed in, and whether it still can be. */
export async function getDeskTicket(deps: AuthDeps, principal: Principal, ticketId: string): Promise<DeskTicketView> {
  if (!mayUseDesk(principal.role)) throw new ForbiddenError(NOT_DESK_PERSON);
  const ticket = await deps.deskTickets.getTicket(ticketId);
  if (!ticket) throw new NotFoundError(NO_TICKET);
  return viewOf(ticket, deps.now());
}

/**
 * 确认登录 or 取消 on the phone. Steps: only the studio's people (DESK_ROLES) → the ticket must be pending and
 * unexpired, checked by the write's condition (pending → confirmed binds the phone's user; or pending → cancelled).
 */
export async function settleDeskTicket(deps: AuthDeps, principal: Principal, ticketId: string, outcome: 'confirmed' | 'cancelled'): Promise<DeskTicketView> {
  if (!mayUseDesk(principal.role)) throw new ForbiddenError(NOT_DESK_PERSON);
  const now = deps.now();
  const ticket = await deps.deskTickets.getTicket(ticketId);
  if (!ticket) throw new NotFoundError(NO_TICKET);
  if (stateOf(ticket, now) !== 'pending') throw refusalOf(stateOf(ticket, now));
  if (!(await deps.deskTickets.settlePendingTicket(ticketId, outcome, principal.userId, now.toISOString()))) {
    const after = await deps.deskTickets.getTicket(ticketId);
    throw refusalOf(after ? stateOf(after, now) : 'expired');
  }
  return { ...viewOf(ticket, now), status: outcome };
}

/**
 * The desk browser's poll, with its secret. Output: still pending, or — once — its own new session.
 * Steps: the ticket must exist and the secret match (404 otherwise, the same for both) → pending: say so →
 * expired, cancelled or used: 409 → confirmed: confirmed → used on the condition of the secret's hash (a second
 * exchange loses) → the user must still be one of the studio's people → a new session → 扫码登录 in the audit trail.
 */
export async function exchangeDeskTicket(deps: AuthDeps, ticketId: string, request: DeskTicketExchangeRequest): Promise<DeskTicketPoll> {
  const now = deps.now();
  const ticket = await deps.deskTickets.getTicket(ticketId);
  const hash = hashOf(request.secret);
  if (!ticket || !timingSafeEqual(Buffer.from(ticket.secretHash, 'hex'), Buffer.from(hash, 'hex'))) throw new NotFoundError(NO_TICKET);
  const state = stateOf(ticket, now);
  if (state === 'pending') return { status: 'pending', expiresAt: ticket.expiresAt };
  if (state !== 'confirmed') throw refusalOf(state);
  const userId = await deps.deskTickets.useConfirmedTicket(ticketId, hash, now.toISOString());
  if (!userId) throw new ConflictError(USED);
  const user = await requireUser(deps, userId);
  if (!mayUseDesk(user.role)) throw new ForbiddenError(NOT_DESK_PERSON);
  const session = await openSession(deps, user);
  if (user.studioId) {
    await recordAudit(deps, { userId: user.id, role: user.role, studioId: user.studioId }, user.studioId, 'desk_signed_in', `扫码登录电脑工作台（${ticket.browser}）`);
  }
  return { status: 'signed_in', session };
}
