import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { ScheduleRule } from '@shared/schemas/venue';
import { entityOf, isConditionFailure, queryAll, type TableRef } from '../data/dynamodb-client';
import type { ItemRead } from '../data/batch-reader';
import { noticeWrites, type NoticeOrder } from '../notices/notice-queue.repository';

/** Something a studio offers at its stands (量血压, 磨剪刀 …). */
export interface Service {
  id: string;
  studioId: string;
  name: string;
  description: string;
  minutesPerPerson: number;
  peoplePerSlot: number;
  homeVisit: boolean;
  keepsHealthReadings: boolean;
  /** 成员单位 that provides it (义诊 by 卫生院), one of the active units of the studio's town; its name copied. */
  providerUnitId?: string;
  providerName?: string;
}

/** A place where stands happen (a market, a lane, a courtyard). */
export interface Venue {
  id: string;
  studioId: string;
  name: string;
  address: string;
  /** When stands happen there (shared/src/schedule.ts expands them into market days). */
  rules: ScheduleRule[];
  updatedAt?: string;
}

/** The part of a service a stand page needs; copied onto the stand so the page needs no extra reads. */
export type StandService = Pick<Service, 'id' | 'name' | 'description' | 'minutesPerPerson' | 'homeVisit' | 'keepsHealthReadings' | 'providerUnitId' | 'providerName'>;

/** One dated appearance of a studio at a venue. At most one stand per venue per day. */
export interface Stand {
  id: string;
  venueId: string;
  studioId: string;
  studioName: string;
  venueName: string;
  address: string;
  date: string;
  startTime: string;
  endTime: string;
  status: 'scheduled' | 'cancelled';
  services: StandService[];
  cancelledReason?: string;
  cancelledAt?: string;
}

/** A time window of one service at one stand, with its capacity and the places taken. */
export interface Slot {
  standId: string;
  serviceId: string;
  startTime: string;
  endTime: string;
  capacity: number;
  booked: number;
}

// Keys of services, venues, stands and slots (docs/access-patterns.md).
const serviceKey = (studioId: string, serviceId: string) => ({ PK: `STUDIO#${studioId}`, SK: `SERVICE#${serviceId}` });
/** GSI1 of a service a unit provides (pattern 166): the unit's services across the studios of its town. */
const unitServicesPartition = (unitId: string) => `UNIT#${unitId}#SERVICES`;
const providerIndexKeys = (service: Service) => (service.providerUnitId ? { GSI1PK: unitServicesPartition(service.providerUnitId), GSI1SK: `SERVICE#${service.studioId}#${service.id}` } : {});
const venueKey = (venueId: string) => ({ PK: `VENUE#${venueId}`, SK: 'PROFILE' });
/** Guards "at most one stand per venue per day". */
const standDayKey = (venueId: string, date: string) => ({ PK: `VENUE#${venueId}`, SK: `STAND#${date}` });
export const standKey = (standId: string) => ({ PK: `STAND#${standId}`, SK: 'META' });
const standIndexKeys = (stand: Stand) => ({
  // GSI1: a venue's stands by date (the stand page). GSI2: every studio's stands on a date (jobs, staff).
  GSI1PK: `VENUE#${stand.venueId}`,
  GSI1SK: `STAND#${stand.date}`,
  GSI2PK: `STANDS#${stand.date}`,
  GSI2SK: `${stand.studioId}#${stand.venueId}`,
});
export const slotKey = (standId: string, serviceId: string, startTime: string) => ({ PK: `STAND#${standId}`, SK: `SLOT#${serviceId}#${startTime}` });

export const slotId = (slot: Pick<Slot, 'serviceId' | 'startTime'>) => `${slot.serviceId}.${slot.startTime.replace(':', '')}`;


export class StandRepository {
  constructor(private readonly table: TableRef) {}

  async putService(service: Service): Promise<void> {
    await this.table.client.send(new PutCommand({ TableName: this.table.tableName, Item: { ...serviceKey(service.studioId, service.id), ...providerIndexKeys(service), type: 'Service', ...service } }));
  }

  /** Access pattern 166: the services a unit provides, in every studio of its town — Query GSI1 `GSI1PK=UNIT#id#SERVICES`. */
  async listServicesOfUnit(unitId: string): Promise<Service[]> {
    const items = await queryAll(this.table, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': unitServicesPartition(unitId) } });
    return items.map((i) => entityOf<Service>(i));
  }

  /** Access pattern: services of a studio — Query PK=STUDIO#id, begins_with(SK, SERVICE#). */
  async listServicesOfStudio(studioId: string): Promise<Service[]> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': `STUDIO#${studioId}`, ':prefix': 'SERVICE#' },
      }),
    );
    return (out.Items ?? []).map((i) => entityOf<Service>(i));
  }

  /** Access pattern: service by id — GetItem PK=STUDIO#id, SK=SERVICE#id. */
  async getService(studioId: string, serviceId: string): Promise<Service | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: serviceKey(studioId, serviceId) }));
    return out.Item ? entityOf<Service>(out.Item) : undefined;
  }

  async putVenue(venue: Venue): Promise<void> {
    await this.table.client.send(
      new PutCommand({
        TableName: this.table.tableName,
        // GSI1: the venues of a studio.
        Item: { ...venueKey(venue.id), GSI1PK: `STUDIO#${venue.studioId}#VENUES`, GSI1SK: `VENUE#${venue.id}`, type: 'Venue', ...venue },
      }),
    );
  }

  /** Access pattern: venues of a studio — Query GSI1 `GSI1PK=STUDIO#id#VENUES`. */
  async listVenuesOfStudio(studioId: string): Promise<Venue[]> {
    const out = await this.table.client.send(
      new QueryCommand({ TableName: this.table.tableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': `STUDIO#${studioId}#VENUES` } }),
    );
    return (out.Items ?? []).map((i) => entityOf<Venue>(i));
  }

  /**
   * Marks a scheduled stand cancelled, with its `notices` (the fan-out that releases its bookings and tells their
   * residents) in the same transaction; false when it was not scheduled (already cancelled): nothing is written.
   */
  async cancelStand(standId: string, reason: string, at: string, notices: readonly NoticeOrder[] = []): Promise<boolean> {
    const T = this.table.tableName;
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: T,
                Key: standKey(standId),
                UpdateExpression: 'SET #status = :cancelled, cancelledReason = :reason, cancelledAt = :at',
                ConditionExpression: '#status = :scheduled',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':cancelled': 'cancelled', ':scheduled': 'scheduled', ':reason': reason, ':at': at },
              },
            },
            ...noticeWrites(T, notices),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Access pattern: venue by id — GetItem PK=VENUE#id, SK=PROFILE. */
  async getVenue(venueId: string): Promise<Venue | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: venueKey(venueId) }));
    return out.Item ? entityOf<Venue>(out.Item) : undefined;
  }

  /**
   * Creates a stand with its slots, unless the venue already has a stand that day (returns false then and
   * leaves nothing behind). A long market day can have hundreds of slots — more than one transaction holds —
   * so the slots are written first, and the stand appears (guard and stand in one transaction) only once all
   * of them exist.
   */
  async createStandWithSlots(stand: Stand, slots: Slot[]): Promise<boolean> {
    const slotItems = slots.map((slot) => ({ ...slotKey(slot.standId, slot.serviceId, slot.startTime), type: 'Slot', ...slot }));
    await this.batchWrite(slotItems.map((Item) => ({ PutRequest: { Item } })));
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table.tableName, Item: { ...standDayKey(stand.venueId, stand.date), type: 'StandDay', standId: stand.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName: this.table.tableName, Item: { ...standKey(stand.id), ...standIndexKeys(stand), type: 'Stand', ...stand }, ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      await this.batchWrite(slotItems.map(({ PK, SK }) => ({ DeleteRequest: { Key: { PK, SK } } })));
      return false;
    }
  }

  /** BatchWriteItem in chunks of 25, retrying what DynamoDB leaves unprocessed. */
  private async batchWrite(requests: NonNullable<BatchWriteCommandInput['RequestItems']>[string]): Promise<void> {
    for (let i = 0; i < requests.length; i += 25) {
      let pending: typeof requests | undefined = requests.slice(i, i + 25);
      for (let attempt = 0; pending && pending.length > 0; attempt += 1) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
        const out: BatchWriteCommandOutput = await this.table.client.send(new BatchWriteCommand({ RequestItems: { [this.table.tableName]: pending } }));
        pending = out.UnprocessedItems?.[this.table.tableName];
      }
    }
  }

  /**
   * Access pattern: today's or the next stand at a venue — Query GSI1 `GSI1PK=VENUE#id AND GSI1SK >= STAND#<today>`,
   * first item.
   */
  async findCurrentOrNextStandAtVenue(venueId: string, today: string): Promise<Stand | undefined> {
    return (await this.listCurrentAndNextStandsAtVenue(venueId, today, 1))[0];
  }

  /**
   * Access pattern 14: today's stand at a venue (if any) and the ones after it — Query GSI1 `GSI1PK=VENUE#id AND
   * GSI1SK >= 'STAND#<today>'`, Limit n. Two are enough for the stand page: today's, and the next market day once
   * today's is over.
   */
  async listCurrentAndNextStandsAtVenue(venueId: string, today: string, limit: number): Promise<Stand[]> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK >= :from',
        ExpressionAttributeValues: { ':pk': `VENUE#${venueId}`, ':from': `STAND#${today}` },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((item) => entityOf<Stand>(item));
  }

  /**
   * Access pattern 167: a venue's stands between two dates (a unit liaison's fortnight back and weeks ahead) — Query
   * GSI1 `GSI1PK=VENUE#id AND GSI1SK BETWEEN 'STAND#<from>' AND 'STAND#<to>'`, every page.
   */
  async listStandsAtVenueBetween(venueId: string, from: string, to: string): Promise<Stand[]> {
    const items = await queryAll(this.table, {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': `VENUE#${venueId}`, ':from': `STAND#${from}`, ':to': `STAND#${to}` },
    });
    return items.map((item) => entityOf<Stand>(item));
  }

  /** Access pattern: stand by id — GetItem PK=STAND#id, SK=META. */
  async getStand(standId: string): Promise<Stand | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: standKey(standId) }));
    return out.Item ? entityOf<Stand>(out.Item) : undefined;
  }

  /** Access pattern 15 as part of a batch (`BatchReader`): the stand, read with what else the request needs. */
  standRead(standId: string): ItemRead<Stand> {
    return { key: standKey(standId), from: (item) => entityOf<Stand>(item) };
  }

  /** One slot of a stand by its key (pattern 18's item), as part of a batch: a booking reads the slot it takes, not all. */
  slotRead(standId: string, serviceId: string, startTime: string): ItemRead<Slot> {
    return { key: slotKey(standId, serviceId, startTime), from: (item) => entityOf<Slot>(item) };
  }

  /** Access pattern: every stand on a date (scheduled jobs) — Query GSI2 `GSI2PK=STANDS#<date>`. */
  async listStandsOn(date: string): Promise<Stand[]> {
    const stands: Stand[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await this.table.client.send(
        new QueryCommand({ TableName: this.table.tableName, IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': `STANDS#${date}` }, ExclusiveStartKey }),
      );
      stands.push(...(out.Items ?? []).map((i) => entityOf<Stand>(i)));
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return stands;
  }

  /** Access pattern: a studio's stands on a date — Query GSI2 `GSI2PK=STANDS#<date> AND begins_with(GSI2SK, '<studioId>#')`. */
  async listStandsOfStudioOn(studioId: string, date: string): Promise<Stand[]> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND begins_with(GSI2SK, :studio)',
        ExpressionAttributeValues: { ':pk': `STANDS#${date}`, ':studio': `${studioId}#` },
      }),
    );
    return (out.Items ?? []).map((i) => entityOf<Stand>(i));
  }

  /** Access pattern: slots of a stand — Query PK=STAND#id, begins_with(SK, SLOT#) (strongly consistent: places left). */
  async listSlotsOfStand(standId: string): Promise<Slot[]> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': `STAND#${standId}`, ':prefix': 'SLOT#' },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((i) => entityOf<Slot>(i));
  }
}
