import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, type TableRef } from '../data/dynamodb-client';

/** Where a desk sign-in ticket is in its life; `expired` is not stored, it is read from `expiresAt`. */
export type DeskTicketStatus = 'pending' | 'confirmed' | 'cancelled' | 'used';

/**
 * A one-time ticket for signing a desk browser in (扫码登录电脑工作台). Only a hash of the browser's secret is stored.
 * The confirming user's id is kept only between 确认登录 and the browser taking its session (removed when used), and
 * the whole item is deleted by TTL ten minutes after it expired.
 */
export interface DeskTicket {
  id: string;
  secretHash: string;
  /** e.g. 「Chrome 浏览器 · Windows 电脑」, read from the User-Agent: shown on the phone before it confirms. */
  browser: string;
  status: DeskTicketStatus;
  createdAt: string;
  expiresAt: string;
  userId?: string;
  confirmedAt?: string;
  usedAt?: string;
}

/** How long an expired ticket stays before TTL deletes it (reads check `expiresAt` themselves). */
const KEPT_AFTER_EXPIRY_SECONDS = 600;

// Keys of the desk ticket (docs/access-patterns.md, patterns 128–131).
const ticketKey = (ticketId: string) => ({ PK: `DESKTICKET#${ticketId}`, SK: 'TICKET' });

function ticketToItem(ticket: DeskTicket) {
  return { ...ticketKey(ticket.id), type: 'DeskTicket', ...ticket, ttl: Math.floor(Date.parse(ticket.expiresAt) / 1000) + KEPT_AFTER_EXPIRY_SECONDS };
}

function ticketFromItem(item: Record<string, unknown>): DeskTicket {
  const { id, secretHash, browser, status, createdAt, expiresAt, userId, confirmedAt, usedAt } = item as unknown as DeskTicket;
  return { id, secretHash, browser, status, createdAt, expiresAt, ...(userId ? { userId } : {}), ...(confirmedAt ? { confirmedAt } : {}), ...(usedAt ? { usedAt } : {}) };
}

export class DeskTicketRepository {
  constructor(private readonly table: TableRef) {}

  /** Pattern 128: a new ticket — PutItem PK=DESKTICKET#id, SK=TICKET, only if no such ticket exists. */
  async createTicket(ticket: DeskTicket): Promise<void> {
    await this.table.client.send(new PutCommand({ TableName: this.table.tableName, Item: ticketToItem(ticket), ConditionExpression: 'attribute_not_exists(PK)' }));
  }

  /** Pattern 129: a ticket by id — GetItem (consistent: the browser polls right after the phone confirmed). */
  async getTicket(ticketId: string): Promise<DeskTicket | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: ticketKey(ticketId), ConsistentRead: true }));
    return out.Item ? ticketFromItem(out.Item) : undefined;
  }

  /**
   * Pattern 130: pending → confirmed (binding the phone's user) or pending → cancelled — UpdateItem on the condition
   * that it is still pending and unexpired. False when another request changed it first or it expired.
   */
  async settlePendingTicket(ticketId: string, outcome: 'confirmed' | 'cancelled', userId: string, at: string): Promise<boolean> {
    return this.conditionally(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: ticketKey(ticketId),
        UpdateExpression: outcome === 'confirmed' ? 'SET #status = :to, userId = :user, confirmedAt = :at' : 'SET #status = :to',
        ConditionExpression: 'attribute_exists(PK) AND #status = :pending AND expiresAt > :at',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':to': outcome, ':pending': 'pending', ':at': at, ...(outcome === 'confirmed' ? { ':user': userId } : {}) },
      }),
    );
  }

  /**
   * Pattern 131: confirmed → used, by the browser holding the secret, once — UpdateItem on the condition that it is
   * confirmed, unexpired and the secret's hash matches; the user id leaves the item. Returns the user it was
   * confirmed for, or undefined when the condition failed (used already, expired, another secret).
   */
  async useConfirmedTicket(ticketId: string, secretHash: string, at: string): Promise<string | undefined> {
    try {
      const out = await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: ticketKey(ticketId),
          UpdateExpression: 'SET #status = :used, usedAt = :at REMOVE userId',
          ConditionExpression: 'attribute_exists(PK) AND #status = :confirmed AND secretHash = :hash AND expiresAt > :at',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':used': 'used', ':confirmed': 'confirmed', ':hash': secretHash, ':at': at },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return out.Attributes?.userId as string | undefined;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  private async conditionally(command: UpdateCommand): Promise<boolean> {
    try {
      await this.table.client.send(command);
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
