import { INVITE_CODE_ALPHABET } from './invite-code';

/** Ticket codes read out at a market stall: short, and no look-alike characters. */
export const TICKET_CODE_ALPHABET = INVITE_CODE_ALPHABET;
export const TICKET_CODE_LENGTH = 6;
