/** 扫码登录电脑工作台: what a desk QR code holds (no schemas here: the mini-program's main package reads it). */

/** How long a desk sign-in ticket lives (the QR code on the PC): at most 2 minutes. */
export const DESK_TICKET_SECONDS = 120;

/** What a QR code of a desk sign-in holds: `lianxin-desk:<ticketId>` (the mini-program's scan opens the confirm page). */
export const DESK_QR_PREFIX = 'lianxin-desk:';

/** The ticket id in a scanned QR text, or undefined when it is not one of ours. */
export function deskTicketIdOf(scanned: string): string | undefined {
  const text = scanned.trim();
  if (!text.startsWith(DESK_QR_PREFIX)) return undefined;
  const id = text.slice(DESK_QR_PREFIX.length);
  return /^[A-Za-z0-9]{10,40}$/.test(id) ? id : undefined;
}
