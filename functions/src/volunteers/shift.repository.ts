import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { entityOf, queryAll, transactWrite, type TableRef, type TransactItems } from '../data/dynamodb-client';

/** A volunteer's time at one stand: checked in by staff, checked out by staff (minutes within the stand's hours). */
export interface Shift {
  standId: string;
  studioId: string;
  userId: string;
  displayName: string;
  /** The stand's day and place, for the volunteer's own record. */
  standDate: string;
  venueName: string;
  status: 'in' | 'out';
  checkedInAt: string;
  checkedInBy: string;
  checkedOutAt?: string;
  checkedOutBy?: string;
  /** Minutes served within the stand's hours, and the coins they earned (whole hours × the studio's rule). */
  minutes?: number;
  coins?: number;
}

// Keys (docs/access-patterns.md, "Volunteers", 100–102). A shift lives under its stand (the stand's list) and is listed
// for its person on GSI1 (their data; deleted with the account).
const shiftKey = (standId: string, userId: string) => ({ PK: `STAND#${standId}`, SK: `VOLSHIFT#${userId}` });
const shiftsOfUser = (userId: string) => `USER#${userId}#SHIFTS`;
const volunteerKey = (userId: string, studioId: string) => ({ PK: `USER#${userId}`, SK: `VOLUNTEER#${studioId}` });
/** A person's totals at a studio (apart from the registration, which its owner rewrites whole). */
const totalsKey = (userId: string, studioId: string) => ({ PK: `USER#${userId}`, SK: `VOLTOTALS#${studioId}` });

const shiftOf = (item: Record<string, unknown>): Shift => entityOf<Shift>(item);

export type CheckIn = { kind: 'in'; shift: Shift } | { kind: 'already'; shift: Shift } | { kind: 'not-approved' };
export type CheckOut = { kind: 'out'; shift: Shift } | { kind: 'already'; shift: Shift } | { kind: 'not-in' };

export class ShiftRepository {
  constructor(private readonly table: TableRef) {}

  private get T() {
    return this.table.tableName;
  }

  /** 100: a volunteer's shift at a stand — GetItem PK=STAND#id, SK=VOLSHIFT#userId (consistent). */
  async get(standId: string, userId: string): Promise<Shift | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: shiftKey(standId, userId), ConsistentRead: true }));
    return out.Item ? shiftOf(out.Item) : undefined;
  }

  /** 100: the volunteers at a stand — Query PK=STAND#id AND begins_with(SK, 'VOLSHIFT#') (a handful per market day). */
  async listOfStand(standId: string): Promise<Shift[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': `STAND#${standId}`, ':prefix': 'VOLSHIFT#' }, ConsistentRead: true });
    return items.map(shiftOf);
  }

  /** 102: a person's shifts, oldest first (their data; deleting the account) — Query GSI1 GSI1PK=USER#id#SHIFTS. */
  async listOfUser(userId: string): Promise<Shift[]> {
    const items = await queryAll(this.table, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': shiftsOfUser(userId) } });
    return items.map(shiftOf);
  }

  /**
   * 101: check in — one transaction: the shift is new (one per volunteer per stand) and the registration is approved.
   * A retried tap finds its own shift (`already`).
   */
  async checkIn(shift: Shift): Promise<CheckIn> {
    const refused = await transactWrite(this.table, [
      { Put: { TableName: this.T, Item: { ...shiftKey(shift.standId, shift.userId), type: 'VolunteerShift', ...shift, GSI1PK: shiftsOfUser(shift.userId), GSI1SK: shift.checkedInAt }, ConditionExpression: 'attribute_not_exists(PK)' } },
      { ConditionCheck: { TableName: this.T, Key: volunteerKey(shift.userId, shift.studioId), ConditionExpression: '#status = :approved', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':approved': 'approved' } } },
    ]);
    if (!refused) return { kind: 'in', shift };
    if (refused.codes[0] === 'ConditionalCheckFailed') return { kind: 'already', shift: (await this.get(shift.standId, shift.userId))! };
    return { kind: 'not-approved' };
  }

  /**
   * 101: check out — one transaction: the shift (still `in`) gets its minutes and coins; the person's totals at the
   * studio add them; `credit` (the coin transfer and the month's figures, from `CoinRepository`) goes with it. A retried
   * tap finds the shift already out (`already`) and nothing is credited twice.
   */
  async checkOut(shift: Shift & Required<Pick<Shift, 'checkedOutAt' | 'checkedOutBy' | 'minutes' | 'coins'>>, credit: Record<string, unknown>[]): Promise<CheckOut> {
    const refused = await transactWrite(this.table, [
      {
        Update: {
          TableName: this.T,
          Key: shiftKey(shift.standId, shift.userId),
          UpdateExpression: 'SET #status = :out, checkedOutAt = :at, checkedOutBy = :by, minutes = :minutes, coins = :coins',
          ConditionExpression: '#status = :in',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':out': 'out', ':in': 'in', ':at': shift.checkedOutAt, ':by': shift.checkedOutBy, ':minutes': shift.minutes, ':coins': shift.coins },
        },
      },
      {
        Update: {
          TableName: this.T,
          Key: totalsKey(shift.userId, shift.studioId),
          UpdateExpression: 'SET #type = :type, studioId = :studio, userId = :user ADD minutes :minutes, shifts :one',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':type': 'VolunteerTotals', ':studio': shift.studioId, ':user': shift.userId, ':minutes': shift.minutes, ':one': 1 },
        },
      },
      ...(credit as TransactItems),
    ]);
    if (!refused) return { kind: 'out', shift: { ...shift, status: 'out' } };
    const current = await this.get(shift.standId, shift.userId);
    return current?.status === 'out' ? { kind: 'already', shift: current } : { kind: 'not-in' };
  }

  /** 102: a person's time served at a studio — GetItem PK=USER#id, SK=VOLTOTALS#studioId. */
  async totals(userId: string, studioId: string): Promise<{ minutes: number; shifts: number }> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: totalsKey(userId, studioId) }));
    return { minutes: typeof out.Item?.minutes === 'number' ? out.Item.minutes : 0, shifts: typeof out.Item?.shifts === 'number' ? out.Item.shifts : 0 };
  }

  /** Their account is deleted: their shifts go (the month's figures keep the minutes, without a name). */
  async deleteOfUser(userId: string): Promise<number> {
    const shifts = await this.listOfUser(userId);
    for (const s of shifts) {
      await this.table.client.send(new DeleteCommand({ TableName: this.T, Key: shiftKey(s.standId, s.userId) }));
    }
    for (const studioId of new Set(shifts.map((s) => s.studioId))) await this.table.client.send(new DeleteCommand({ TableName: this.T, Key: totalsKey(userId, studioId) }));
    return shifts.length;
  }
}
