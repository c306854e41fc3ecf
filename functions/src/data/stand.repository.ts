import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, type TableRef } from './dynamodb-client';

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
}

/** A place where stands happen (a market, a lane, a courtyard). */
export interface Venue {
  id: string;
  studioId: string;
  name: string;
  address: string;
}

/** The part of a service a stand page needs; copied onto the stand so the page needs no extra reads. */
export type StandService = Pick<Service, 'id' | 'name' | 'description' | 'minutesPerPerson' | 'homeVisit'>;

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
const venueKey = (venueId: string) => ({ PK: `VENUE#${venueId}`, SK: 'PROFILE' });
const standKey = (venueId: string, date: string) => ({ PK: `VENUE#${venueId}`, SK: `STAND#${date}` });
const slotKey = (standId: string, serviceId: string, startTime: string) => ({ PK: `STAND#${standId}`, SK: `SLOT#${serviceId}#${startTime}` });

export const slotId = (slot: Pick<Slot, 'serviceId' | 'startTime'>) => `${slot.serviceId}.${slot.startTime.replace(':', '')}`;

function strip<T>(item: Record<string, unknown>): T {
  const { PK: _pk, SK: _sk, type: _type, ...rest } = item;
  return rest as T;
}

export class StandRepository {
  constructor(private readonly table: TableRef) {}

  async putService(service: Service): Promise<void> {
    await this.table.client.send(new PutCommand({ TableName: this.table.tableName, Item: { ...serviceKey(service.studioId, service.id), type: 'Service', ...service } }));
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
    return (out.Items ?? []).map((i) => strip<Service>(i));
  }

  async putVenue(venue: Venue): Promise<void> {
    await this.table.client.send(new PutCommand({ TableName: this.table.tableName, Item: { ...venueKey(venue.id), type: 'Venue', ...venue } }));
  }

  /** Access pattern: venue by id — GetItem PK=VENUE#id, SK=PROFILE. */
  async getVenue(venueId: string): Promise<Venue | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: venueKey(venueId) }));
    return out.Item ? strip<Venue>(out.Item) : undefined;
  }

  /**
   * Creates a stand with its slots in one transaction, unless the venue already has a stand that day
   * (returns false then and writes nothing).
   */
  async createStandWithSlots(stand: Stand, slots: Slot[]): Promise<boolean> {
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table.tableName, Item: { ...standKey(stand.venueId, stand.date), type: 'Stand', ...stand }, ConditionExpression: 'attribute_not_exists(PK)' } },
            ...slots.map((slot) => ({
              Put: { TableName: this.table.tableName, Item: { ...slotKey(slot.standId, slot.serviceId, slot.startTime), type: 'Slot', ...slot } },
            })),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Access pattern: today's or the next stand at a venue — Query PK=VENUE#id AND SK >= STAND#<today>,
   * first item (the venue's own PROFILE item sorts before every STAND# key).
   */
  async findCurrentOrNextStandAtVenue(venueId: string, today: string): Promise<Stand | undefined> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': `VENUE#${venueId}`, ':from': `STAND#${today}`, ':to': 'STAND#9999' },
        Limit: 1,
      }),
    );
    const item = out.Items?.[0];
    return item ? strip<Stand>(item) : undefined;
  }

  /** Access pattern: slots of a stand — Query PK=STAND#id, begins_with(SK, SLOT#). */
  async listSlotsOfStand(standId: string): Promise<Slot[]> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': `STAND#${standId}`, ':prefix': 'SLOT#' },
      }),
    );
    return (out.Items ?? []).map((i) => strip<Slot>(i));
  }
}
