import type { DeskTicketCreated } from '@shared/schemas/desk-login'

/**
 * The ticket this browser asked for, with its secret: kept in sessionStorage (this tab only, gone when it closes), so
 * a reload keeps polling the same QR code. Never in localStorage, never in a URL, never in the QR code.
 */
const KEY = 'lianxin.desk-ticket'

function storage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : undefined
  } catch {
    return undefined
  }
}

export function keptTicket(now: number): DeskTicketCreated | undefined {
  try {
    const kept = JSON.parse(storage()?.getItem(KEY) ?? 'null') as DeskTicketCreated | null
    if (!kept || typeof kept.secret !== 'string' || typeof kept.ticketId !== 'string') return undefined
    return Date.parse(kept.expiresAt) > now ? kept : undefined
  } catch {
    return undefined
  }
}

export function keepTicket(ticket: DeskTicketCreated): void {
  storage()?.setItem(KEY, JSON.stringify(ticket))
}

export function forgetTicket(): void {
  storage()?.removeItem(KEY)
}
