/** Invite and ticket codes avoid look-alike characters (0/O, 1/I/L, 2/Z, 5/S, 8/B). */
export const INVITE_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const INVITE_CODE_LENGTH = 8;
