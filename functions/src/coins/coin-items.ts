/** 幸福币's entities and every key they are stored under (docs/access-patterns.md, "幸福币"); CoinRepository owns the requests. */
import type { CoinReward, RedemptionStatus } from '@shared/schemas/coins';

/** The studio's own account: every transfer has it on one side, so the accounts of a studio always sum to zero. */
export const STUDIO_ACCOUNT = 'STUDIO';

export interface CoinEntry {
  id: string;
  amount: number;
  kind: 'award' | 'redeem' | 'refund';
  what: string;
  byUserId: string;
  byName: string;
  at: string;
  /** The transfer this entry is half of (the other half is on the counterpart's account). */
  transferId: string;
  counterpart: string;
}

export interface Redemption {
  studioId: string;
  code: string;
  userId: string;
  residentName: string;
  rewardId: string;
  rewardName: string;
  cost: number;
  status: RedemptionStatus;
  createdAt: string;
  updatedAt: string;
  reason?: string;
}

export interface StoredReward extends CoinReward {
  removed?: boolean;
}

/** A transfer of `amount` coins from one account to the other, as two entries that sum to zero. */
export interface Transfer {
  studioId: string;
  id: string;
  from: string;
  to: string;
  amount: number;
  kind: CoinEntry['kind'];
  what: string;
  byUserId: string;
  byName: string;
  at: string;
}

export interface RetryGuard {
  actorId: string;
  requestId: string;
  fingerprint: string;
  requestTtl: number;
}

export type TransferOutcome<T> = { kind: 'done'; value: T } | { kind: 'replayed'; targetId: string; fingerprint: string } | { kind: 'refused'; why: string };

// Keys (docs/access-patterns.md, "幸福币"). An account is a resident's user id or STUDIO_ACCOUNT.
export const accountPk = (studioId: string, account: string) => `COINS#${studioId}#${account}`;
export const balanceKey = (studioId: string, account: string) => ({ PK: accountPk(studioId, account), SK: 'BALANCE' });
export const entryKey = (studioId: string, account: string, entryId: string) => ({ PK: accountPk(studioId, account), SK: `ENTRY#${entryId}` });
export const cardKey = (studioId: string, code: string) => ({ PK: `COINCARD#${studioId}#${code}`, SK: 'CARD' });
export const rulesKey = (studioId: string) => ({ PK: `STUDIO#${studioId}`, SK: 'COINRULES' });
export const rewardKey = (studioId: string, rewardId: string) => ({ PK: `STUDIO#${studioId}`, SK: `REWARD#${rewardId}` });
export const redemptionKey = (studioId: string, code: string) => ({ PK: `STUDIO#${studioId}`, SK: `REDEMPTION#${code}` });
export const statsKey = (studioId: string, month: string) => ({ PK: `STUDIO#${studioId}`, SK: `COINSTATS#${month}` });
export const residentRedemptions = (studioId: string, userId: string) => `COINS#${studioId}#${userId}#REDEMPTIONS`;
export const accountsOfUser = (userId: string) => `USER#${userId}#COINS`;

export const month = (at: string) => at.slice(0, 7);
