import { z } from './common';
import { sessionResponse } from './auth';

/**
 * 扫码登录电脑工作台: a browser asks for a one-time ticket, shows its QR code, and polls with the secret only it holds;
 * a representative scans it with the mini-program and confirms; the browser's next poll gets its own session, once.
 */

export { DESK_QR_PREFIX, DESK_TICKET_SECONDS, deskTicketIdOf } from '../desk-qr';

/** 201 to POST /auth/desk-tickets: the secret stays in that browser (sessionStorage), never in the QR code. */
export const deskTicketCreated = z.object({
  ticketId: z.string(),
  secret: z.string(),
  expiresAt: z.string(),
  qrPayload: z.string(),
});
export type DeskTicketCreated = z.infer<typeof deskTicketCreated>;

/** POST /auth/desk-tickets/{ticketId}/session — the browser's poll, with its secret in the body (not in a logged URL). */
export const deskTicketExchangeRequest = z
  .object({ secret: z.string({ required_error: '缺少登录凭证' }).min(20, '登录凭证格式不正确').max(100, '登录凭证格式不正确').regex(/^[A-Za-z0-9_-]+$/, '登录凭证格式不正确') })
  .strict();
export type DeskTicketExchangeRequest = z.infer<typeof deskTicketExchangeRequest>;

/** Still waiting for the phone, or signed in (the session is given once; the ticket is used up). */
export const deskTicketPoll = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending'), expiresAt: z.string() }),
  z.object({ status: z.literal('signed_in'), session: sessionResponse }),
]);
export type DeskTicketPoll = z.infer<typeof deskTicketPoll>;

export const DESK_TICKET_STATES = ['pending', 'confirmed', 'cancelled', 'used', 'expired'] as const;
export type DeskTicketState = (typeof DESK_TICKET_STATES)[number];

/** What the phone is shown before it confirms: which browser asks, and until when. */
export const deskTicketView = z.object({
  ticketId: z.string(),
  browser: z.string(),
  expiresAt: z.string(),
  status: z.enum(DESK_TICKET_STATES),
});
export type DeskTicketView = z.infer<typeof deskTicketView>;
