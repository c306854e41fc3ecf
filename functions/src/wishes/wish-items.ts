/** 微心愿's entities and every key they are stored under (docs/access-patterns.md, "微心愿"); WishRepository owns the requests. */
import type { WishStatus, WishStep } from '@shared/schemas/wishes';
import { ULID, type PageKeyShape } from '../data/page-cursor';

/** One step on a wish's timeline: who (a name, or 居民 for the wisher), when, what. */
export interface WishEvent {
  step: 'post' | WishStep;
  by: string;
  byId?: string;
  at: string;
  note?: string;
}

export interface Wish {
  id: string;
  studioId: string;
  title: string;
  details?: string;
  /** Title and details with phones and house numbers masked, set when approved: what the public wall shows. */
  publicTitle?: string;
  publicDetails?: string;
  status: WishStatus;
  /** The resident whose wish it is; absent when staff typed it for someone without the app (代填). */
  wisherId?: string;
  wisherName: string;
  /** Only on a wish typed by staff (代填): how to reach the wisher; shown to the studio's people only. */
  wisherPhone?: string;
  /** The staff member who typed it (代填). */
  onBehalfBy?: string;
  claimerId?: string;
  claimerName?: string;
  createdAt: string;
  updatedAt: string;
  approvedAt?: string;
  claimedAt?: string;
  reason?: string;
  note?: string;
  timeline: WishEvent[];
}

/** A volunteer's claim, under their person (their data; deleted with their account), for 我认领的心愿. */
export interface WishClaim {
  studioId: string;
  wishId: string;
  claimedAt: string;
}

// Keys (docs/access-patterns.md, "微心愿").
export const wishKey = (wishId: string) => ({ PK: `WISH#${wishId}`, SK: 'META' });
export const claimKey = (userId: string, studioId: string, wishId: string) => ({ PK: `USER#${userId}`, SK: `WISHCLAIM#${studioId}#${wishId}` });
export const claimPrefix = (studioId: string) => `WISHCLAIM#${studioId}#`;
export const statsKey = (studioId: string, month: string) => ({ PK: `STUDIO#${studioId}`, SK: `WISHSTATS#${month}` });
/** GSI1: a resident's own wishes, or a studio's wishes typed by staff (代填), newest first. */
export const wishesOfWisher = (userId: string) => `USER#${userId}#WISHES`;
export const wishesOnBehalf = (studioId: string) => `STUDIO#${studioId}#WISHES#ONBEHALF`;
/** GSI2: the review queue (oldest first) and the wall (open ones first, oldest waiting first; then the taken, newest first). */
export const reviewShelf = (studioId: string) => `STUDIO#${studioId}#WISHES#REVIEW`;
export const wallShelf = (studioId: string) => `STUDIO#${studioId}#WISHES#WALL`;
export const OPEN_PREFIX = '0#';
const TAKEN_PREFIX = '1#';
/** Newest first within ascending keys: milliseconds to the year 2286, counted down. */
const countdown = (at: string) => String(9_999_999_999_999 - new Date(at).getTime()).padStart(13, '0');

/** The China month (YYYY-MM) of an instant: the figures are counted by the month people live in. */
export const chinaMonth = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 7);
/** A helper's count in the month's figures: one top-level attribute per person (ADD works on top-level attributes only). */
export const helperCount = (userId: string) => `helper#${userId}`;
export const helperName = (userId: string) => `helperName#${userId}`;

function shelfOf(w: Wish): { GSI2PK: string; GSI2SK: string } | undefined {
  switch (w.status) {
    case 'pending_review':
      return { GSI2PK: reviewShelf(w.studioId), GSI2SK: `${w.createdAt}#${w.id}` };
    case 'approved':
      return { GSI2PK: wallShelf(w.studioId), GSI2SK: `${OPEN_PREFIX}${w.approvedAt}#${w.id}` };
    case 'claimed':
    case 'fulfilled':
    case 'confirmed':
      return { GSI2PK: wallShelf(w.studioId), GSI2SK: `${TAKEN_PREFIX}${countdown(w.claimedAt ?? w.updatedAt)}#${w.id}` };
    default:
      return undefined; // refused and withdrawn wishes leave every shelf
  }
}

export function wishItem(w: Wish): Record<string, unknown> {
  const owner = w.wisherId ? wishesOfWisher(w.wisherId) : w.onBehalfBy ? wishesOnBehalf(w.studioId) : undefined;
  return { ...wishKey(w.id), type: 'Wish', ...w, ...(owner ? { GSI1PK: owner, GSI1SK: `${w.createdAt}#${w.id}` } : {}), ...shelfOf(w) };
}

export const claimItem = (userId: string, c: WishClaim) => ({ ...claimKey(userId, c.studioId, c.wishId), type: 'WishClaim', ...c });

/** The shapes of the lists' cursors (data/page-cursor.ts). */
const TIME = '\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z';
export const WISHER_SHAPE: PageKeyShape = { PK: new RegExp(`^WISH#${ULID}$`), SK: /^META$/, GSI1SK: new RegExp(`^${TIME}#${ULID}$`) };
export const SHELF_SHAPE: PageKeyShape = { PK: new RegExp(`^WISH#${ULID}$`), SK: /^META$/, GSI2SK: new RegExp(`^(${TIME}|0#${TIME}|1#\\d{13})#${ULID}$`) };
export const CLAIMS_SHAPE: PageKeyShape = { SK: new RegExp(`^WISHCLAIM#${ULID}#${ULID}$`) };
