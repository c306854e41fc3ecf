import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CoinReward, CoinRule } from '@shared/schemas/coins';
import { accountPk, accountsOfUser, balanceKey, cardKey, entryKey, month, redemptionKey, residentRedemptions, rewardKey, rulesKey, statsKey, STUDIO_ACCOUNT, type CoinEntry, type Redemption, type RetryGuard, type StoredReward, type Transfer, type TransferOutcome } from './coin-items';

export { STUDIO_ACCOUNT, type CoinEntry, type Redemption, type RetryGuard, type StoredReward, type Transfer, type TransferOutcome } from './coin-items';
import { cancellationReasons, entityOf, isConditionFailure, queryAll, type TableRef } from '../data/dynamodb-client';
import { readRetryKey, retryKeyItem } from '../data/retry-key';

/** What a studio's month counts: coins moved, and volunteer time served at stands (minutes, shifts). */
export const COIN_FIGURES = ['issued', 'redeemed', 'refunded', 'awards', 'redemptions', 'volunteerMinutes', 'volunteerShifts'] as const;
export type CoinFigure = (typeof COIN_FIGURES)[number];

export class CoinRepository {
  constructor(private readonly table: TableRef) {}

  private get T() {
    return this.table.tableName;
  }

  /** Access pattern: an account's balance (and a resident's card) — GetItem PK=COINS#studio#account, SK=BALANCE. */
  async getAccount(studioId: string, account: string): Promise<{ balance: number; cardCode?: string } | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: balanceKey(studioId, account), ConsistentRead: true }));
    return out.Item ? { balance: out.Item.balance as number, ...(out.Item.cardCode ? { cardCode: out.Item.cardCode as string } : {}) } : undefined;
  }

  /**
   * Access pattern: an account's ledger, newest first — Query PK=COINS#studio#account AND begins_with(SK, 'ENTRY#'),
   * a page at a time (ULID ids sort by time).
   */
  async listEntries(studioId: string, account: string, page: { limit: number; after?: Record<string, unknown> }): Promise<{ entries: CoinEntry[]; next?: Record<string, unknown> }> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.T,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': accountPk(studioId, account), ':prefix': 'ENTRY#' },
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: page.after,
        ConsistentRead: true,
      }),
    );
    return { entries: (out.Items ?? []).map((i) => entityOf<CoinEntry>(i)), next: out.LastEvaluatedKey };
  }

  /**
   * Gives the resident a card code once: the card item (new code) and the account's record of it (none yet), in one
   * transaction. `taken` when the code is someone else's (try another), `has` when the resident already has one.
   */
  async openCard(studioId: string, userId: string, code: string): Promise<'opened' | 'taken' | 'has'> {
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.T, Item: { ...cardKey(studioId, code), type: 'CoinCard', studioId, userId }, ConditionExpression: 'attribute_not_exists(PK)' } },
            {
              Update: {
                TableName: this.T,
                Key: balanceKey(studioId, userId),
                UpdateExpression: 'SET cardCode = :code, #type = :type, userId = :user, studioId = :studio, balance = if_not_exists(balance, :zero), GSI1PK = :upk, GSI1SK = :studio',
                ConditionExpression: 'attribute_not_exists(cardCode)',
                ExpressionAttributeNames: { '#type': 'type' },
                ExpressionAttributeValues: { ':code': code, ':type': 'CoinAccount', ':user': userId, ':studio': studioId, ':zero': 0, ':upk': accountsOfUser(userId) },
              },
            },
          ],
        }),
      );
      return 'opened';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const [card, account] = cancellationReasons(error);
      if (account === 'ConditionalCheckFailed') return 'has';
      if (card === 'ConditionalCheckFailed') return 'taken';
      throw error;
    }
  }

  /** Access pattern: whose card this is — GetItem PK=COINCARD#studio#code, SK=CARD. */
  async cardOwner(studioId: string, code: string): Promise<string | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: cardKey(studioId, code), ConsistentRead: true }));
    return out.Item?.userId as string | undefined;
  }

  /** Access pattern: the studio's rules — GetItem PK=STUDIO#id, SK=COINRULES. */
  async getRules(studioId: string): Promise<CoinRule[] | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: rulesKey(studioId), ConsistentRead: true }));
    return out.Item ? (out.Item.rules as CoinRule[]) : undefined;
  }

  /** Access pattern: the studio's rewards — Query PK=STUDIO#id AND begins_with(SK, 'REWARD#') (at most 20 live). */
  async listRewards(studioId: string): Promise<StoredReward[]> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.T,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': `STUDIO#${studioId}`, ':prefix': 'REWARD#' },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((i) => ({ id: i.id as string, name: i.name as string, cost: i.cost as number, stock: i.stock as number, ...(i.removed ? { removed: true } : {}) }));
  }

  /** Access pattern: one reward — GetItem PK=STUDIO#id, SK=REWARD#rewardId. */
  async getReward(studioId: string, rewardId: string): Promise<StoredReward | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: rewardKey(studioId, rewardId), ConsistentRead: true }));
    return out.Item && !out.Item.removed ? { id: out.Item.id as string, name: out.Item.name as string, cost: out.Item.cost as number, stock: out.Item.stock as number } : undefined;
  }

  /** The admin's rules and rewards in one transaction; rewards left out are marked removed (their redemptions keep their name). */
  async putSettings(studioId: string, rules: CoinRule[], rewards: CoinReward[], existing: StoredReward[]): Promise<void> {
    const kept = new Set(rewards.map((r) => r.id));
    await this.table.client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.T, Item: { ...rulesKey(studioId), type: 'CoinRules', studioId, rules } } },
          ...rewards.map((r) => ({ Put: { TableName: this.T, Item: { ...rewardKey(studioId, r.id), type: 'CoinReward', studioId, ...r } } })),
          ...existing
            .filter((r) => !kept.has(r.id) && !r.removed)
            .map((r) => ({ Update: { TableName: this.T, Key: rewardKey(studioId, r.id), UpdateExpression: 'SET removed = :yes', ExpressionAttributeValues: { ':yes': true } } })),
        ],
      }),
    );
  }

  /** The two halves of a transfer, with the debited side's balance kept ≥ 0 unless it is the studio's own. */
  /** A balance change; a resident's account is also listed under its person (GSI1), for their data and its deletion. */
  private balanceUpdate(t: Transfer, account: string, sign: '+' | '-', condition?: string) {
    const resident = account !== STUDIO_ACCOUNT;
    return {
      Update: {
        TableName: this.T,
        Key: balanceKey(t.studioId, account),
        UpdateExpression: `SET balance = if_not_exists(balance, :zero) ${sign} :amount, #type = :type, studioId = :studio${resident ? ', userId = :user, GSI1PK = :upk, GSI1SK = :studio' : ''}`,
        ...(condition ? { ConditionExpression: condition } : {}),
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':amount': t.amount, ':zero': 0, ':type': 'CoinAccount', ':studio': t.studioId, ...(resident ? { ':user': account, ':upk': accountsOfUser(account) } : {}) },
      },
    };
  }

  private transferItems(t: Transfer) {
    const debit = t.from === STUDIO_ACCOUNT
      ? { ConditionExpression: undefined }
      : { ConditionExpression: 'balance >= :amount' };
    const entry = (account: string, amount: number, counterpart: string) => ({
      Put: {
        TableName: this.T,
        Item: { ...entryKey(t.studioId, account, `${t.id}${amount < 0 ? 'D' : 'C'}`), type: 'CoinEntry', id: `${t.id}${amount < 0 ? 'D' : 'C'}`, amount, kind: t.kind, what: t.what, byUserId: t.byUserId, byName: t.byName, at: t.at, transferId: t.id, counterpart },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
    return [
      this.balanceUpdate(t, t.from, '-', debit.ConditionExpression),
      this.balanceUpdate(t, t.to, '+'),
      entry(t.from, -t.amount, t.to),
      entry(t.to, t.amount, t.from),
    ];
  }

  /**
   * The month's figures item, added to in the transaction of what it counts (coins moved; volunteer hours served at
   * stands, by the volunteers context).
   */
  figuresItem(studioId: string, at: string, add: Partial<Record<CoinFigure, number>>) {
    return this.statsItem(studioId, at, add);
  }

  private statsItem(studioId: string, at: string, add: Partial<Record<CoinFigure, number>>) {
    const names = Object.keys(add);
    return {
      Update: {
        TableName: this.T,
        Key: statsKey(studioId, month(at)),
        UpdateExpression: `SET #type = :type, studioId = :studio ADD ${names.map((n) => `#${n} :${n}`).join(', ')}`,
        ExpressionAttributeNames: { '#type': 'type', ...Object.fromEntries(names.map((n) => [`#${n}`, n])) },
        ExpressionAttributeValues: { ':type': 'CoinStats', ':studio': studioId, ...Object.fromEntries(names.map((n) => [`:${n}`, add[n as keyof typeof add]])) },
      },
    };
  }

  private async once<T>(items: Record<string, unknown>[], guard: RetryGuard, targetId: string, value: T, explain: (reasons: string[]) => string | undefined): Promise<TransferOutcome<T>> {
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.T, Item: retryKeyItem(guard.actorId, guard.requestId, { targetId, fingerprint: guard.fingerprint }, guard.requestTtl), ConditionExpression: 'attribute_not_exists(PK)' } },
            ...(items as never[]),
          ],
        }),
      );
      return { kind: 'done', value };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const reasons = cancellationReasons(error);
      if (reasons[0] === 'ConditionalCheckFailed') {
        const previous = await readRetryKey(this.table, guard.actorId, guard.requestId);
        if (previous) return { kind: 'replayed', targetId: previous.targetId, fingerprint: previous.fingerprint };
      }
      const why = explain(reasons.slice(1));
      if (why) return { kind: 'refused', why };
      if (reasons.includes('TransactionConflict')) {
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
        return this.once(items, guard, targetId, value, explain);
      }
      throw error;
    }
  }

  /** Coins from the studio to a resident for a confirmed activity: the transfer, the month's figures, once per retry key. */
  /**
   * The writes of an award (from the studio's account), for another context to put inside its own transaction: a
   * wish confirmed fulfilled, an errand confirmed, volunteer hours checked out at a stand credit the helper in the
   * same transaction as the step that earned it. `alsoCount`: more of the month's figures moved by that step.
   */
  awardItems(transfer: Transfer, alsoCount: Partial<Record<CoinFigure, number>> = {}): Record<string, unknown>[] {
    if (transfer.from !== STUDIO_ACCOUNT) throw new Error('an award comes from the studio account');
    // one update of the month's figures: a transaction may touch an item once
    return [...this.transferItems(transfer), this.statsItem(transfer.studioId, transfer.at, { ...alsoCount, issued: transfer.amount, awards: 1 })];
  }

  async award(transfer: Transfer, guard: RetryGuard): Promise<TransferOutcome<Transfer>> {
    return this.once([...this.transferItems(transfer), this.statsItem(transfer.studioId, transfer.at, { issued: transfer.amount, awards: 1 })], guard, transfer.id, transfer, () => undefined);
  }

  /**
   * A redemption, all or nothing: the resident's coins to the studio (never below zero), one of the reward's stock
   * (never below zero, not removed, still at this cost), the redemption under its new code, the month's figures.
   * `refused` says which condition failed: `coins`, `stock` or `code` (the code was taken: try another).
   */
  async redeem(transfer: Transfer, redemption: Redemption, guard: RetryGuard): Promise<TransferOutcome<Redemption>> {
    const items = [
      ...this.transferItems(transfer),
      {
        Update: {
          TableName: this.T,
          Key: rewardKey(redemption.studioId, redemption.rewardId),
          UpdateExpression: 'SET stock = stock - :one',
          ConditionExpression: 'stock >= :one AND attribute_not_exists(removed) AND cost = :cost',
          ExpressionAttributeValues: { ':one': 1, ':cost': redemption.cost },
        },
      },
      {
        Put: {
          TableName: this.T,
          Item: { ...redemptionKey(redemption.studioId, redemption.code), type: 'Redemption', ...redemption, GSI1PK: residentRedemptions(redemption.studioId, redemption.userId), GSI1SK: transfer.id },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      this.statsItem(transfer.studioId, transfer.at, { redeemed: transfer.amount, redemptions: 1 }),
    ];
    // after the retry key: [debit, credit, entry, entry, reward, redemption, stats]
    return this.once(items, guard, redemption.code, redemption, (r) => (r[0] === 'ConditionalCheckFailed' ? 'coins' : r[4] === 'ConditionalCheckFailed' ? 'stock' : r[5] === 'ConditionalCheckFailed' ? 'code' : undefined));
  }

  /** Access pattern: one redemption by its code — GetItem PK=STUDIO#id, SK=REDEMPTION#code. */
  async getRedemption(studioId: string, code: string): Promise<Redemption | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: redemptionKey(studioId, code), ConsistentRead: true }));
    return out.Item ? entityOf<Redemption>(out.Item) : undefined;
  }

  /** Access pattern: a resident's redemptions at a studio, newest first — Query GSI1 GSI1PK=COINS#studio#user#REDEMPTIONS. */
  async listRedemptionsOf(studioId: string, userId: string, limit: number): Promise<Redemption[]> {
    const out = await this.table.client.send(
      new QueryCommand({ TableName: this.T, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': residentRedemptions(studioId, userId) }, ScanIndexForward: false, Limit: limit }),
    );
    return (out.Items ?? []).map((i) => entityOf<Redemption>(i));
  }

  /** 已领取: reserved → handed_over, only from reserved. False when it was not reserved any more. */
  async handOver(studioId: string, code: string, at: string): Promise<boolean> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.T,
          Key: redemptionKey(studioId, code),
          UpdateExpression: 'SET #status = :to, updatedAt = :at',
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':to': 'handed_over', ':from': 'reserved', ':at': at },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Cancelled by the resident or refused by staff: reserved → `to`, the coins back to the resident (a new transfer,
   * never an edit), the reward's stock back, the month's figures — one transaction. False when not reserved any more.
   */
  async giveBack(redemption: Redemption, to: 'cancelled' | 'refused', refund: Transfer, reason?: string): Promise<boolean> {
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.T,
                Key: redemptionKey(redemption.studioId, redemption.code),
                UpdateExpression: `SET #status = :to, updatedAt = :at${reason ? ', reason = :reason' : ''}`,
                ConditionExpression: '#status = :from',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':to': to, ':from': 'reserved', ':at': refund.at, ...(reason ? { ':reason': reason } : {}) },
              },
            },
            ...(this.transferItems(refund) as never[]),
            { Update: { TableName: this.T, Key: rewardKey(redemption.studioId, redemption.rewardId), UpdateExpression: 'SET stock = stock + :one', ExpressionAttributeValues: { ':one': 1 } } },
            this.statsItem(refund.studioId, refund.at, { refunded: refund.amount }) as never,
          ],
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      if (cancellationReasons(error)[0] === 'ConditionalCheckFailed') return false;
      if (cancellationReasons(error).includes('TransactionConflict')) {
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
        return this.giveBack(redemption, to, refund, reason);
      }
      throw error;
    }
  }

  /** Access pattern: a month's figures — GetItem PK=STUDIO#id, SK=COINSTATS#YYYY-MM. */
  async getFigures(studioId: string, monthId: string): Promise<Record<CoinFigure, number>> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: statsKey(studioId, monthId) }));
    const n = (k: string) => (typeof out.Item?.[k] === 'number' ? (out.Item[k] as number) : 0);
    return Object.fromEntries(COIN_FIGURES.map((k) => [k, n(k)])) as Record<CoinFigure, number>;
  }

  /** Access pattern: a person's coin accounts (their data, its deletion) — Query GSI1 GSI1PK=USER#id#COINS. */
  async listAccountsOfUser(userId: string): Promise<{ studioId: string; balance: number; cardCode?: string }[]> {
    const items = await queryAll(this.table, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': accountsOfUser(userId) } });
    return items.map((i) => ({ studioId: i.studioId as string, balance: i.balance as number, ...(i.cardCode ? { cardCode: i.cardCode as string } : {}) }));
  }

  /** Every entry of an account, oldest first (their data). */
  async listAllEntries(studioId: string, account: string): Promise<CoinEntry[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': accountPk(studioId, account), ':prefix': 'ENTRY#' }, ConsistentRead: true });
    return items.map((i) => entityOf<CoinEntry>(i));
  }

  /** Every redemption of a resident at a studio (their data, its deletion). */
  async listAllRedemptionsOf(studioId: string, userId: string): Promise<Redemption[]> {
    const items = await queryAll(this.table, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': residentRedemptions(studioId, userId) } });
    return items.map((i) => entityOf<Redemption>(i));
  }

  /**
   * A deleted resident's coin account: their name off every redemption, the card deleted, the account no longer
   * listed under them. The entries stay — they name no resident and keep the studio's ledger whole.
   */
  async forgetResident(studioId: string, userId: string, cardCode: string | undefined, redemptions: Redemption[]): Promise<void> {
    for (const r of redemptions) {
      await this.table.client.send(
        new UpdateCommand({ TableName: this.T, Key: redemptionKey(studioId, r.code), UpdateExpression: 'SET residentName = :gone REMOVE GSI1PK, GSI1SK', ExpressionAttributeValues: { ':gone': '（已注销）' } }),
      );
    }
    if (cardCode) await this.table.client.send(new DeleteCommand({ TableName: this.T, Key: cardKey(studioId, cardCode) }));
    await this.table.client.send(new UpdateCommand({ TableName: this.T, Key: balanceKey(studioId, userId), UpdateExpression: 'REMOVE cardCode, GSI1PK, GSI1SK, userId' }));
  }

  /** Demo data and tests: the studio's rules and rewards as given (the admin's route goes through putSettings). */
  async seedSettings(studioId: string, rules: CoinRule[], rewards: CoinReward[]): Promise<void> {
    await this.table.client.send(new PutCommand({ TableName: this.T, Item: { ...rulesKey(studioId), type: 'CoinRules', studioId, rules } }));
    for (const r of rewards) await this.table.client.send(new PutCommand({ TableName: this.T, Item: { ...rewardKey(studioId, r.id), type: 'CoinReward', studioId, ...r } }));
  }
}
