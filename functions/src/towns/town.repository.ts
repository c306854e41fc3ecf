import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { entityOf, queryAll, transactWrite, type TableRef } from '../data/dynamodb-client';
import { queryPage, ULID } from '../data/page-cursor';
import { studioToItem, type Invite, type Studio } from '../studio/studio.repository';

/** A town (镇/街道): it holds studios; its 镇街管理员 create them and read their figures side by side. */
export interface Town {
  id: string;
  name: string;
  district: string;
  createdAt: string;
}

/** A studio as its town lists it (copied when the studio is made, so that the list is one Query). */
export interface TownStudio {
  townId: string;
  studioId: string;
  name: string;
  address: string;
  createdAt: string;
}

// Keys of towns and their studios (docs/access-patterns.md 132–136)
const townKey = (townId: string) => ({ PK: `TOWN#${townId}`, SK: 'PROFILE' });
/** Guards "one town per name" (the operator's command is run again by mistake). */
const townNameKey = (name: string) => ({ PK: `TOWNNAME#${name}`, SK: 'TOWNNAME' });
const townStudioKey = (townId: string, studioId: string) => ({ PK: `TOWN#${townId}`, SK: `STUDIO#${studioId}` });
const TOWN_STUDIOS_PAGE = { PK: /^TOWN#/, SK: new RegExp(`^STUDIO#${ULID}$`) };
const inviteKey = (code: string) => ({ PK: `INVITE#${code}`, SK: 'INVITE' });

export type CreateTownOutcome = 'created' | 'name-taken';

export class TownRepository {
  constructor(private readonly table: TableRef) {}

  /**
   * Access pattern 132: create a town — TransactWrite: Put the name guard `attribute_not_exists(PK)` + Put the town
   * (GSI1 `TOWNS` by name, for the town picker).
   */
  async createTown(town: Town): Promise<CreateTownOutcome> {
    const T = this.table.tableName;
    const cancelled = await transactWrite(this.table, [
      { Put: { TableName: T, Item: { ...townNameKey(town.name), type: 'TownName', townId: town.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName: T, Item: { ...townKey(town.id), GSI1PK: 'TOWNS', GSI1SK: town.name, type: 'Town', ...town }, ConditionExpression: 'attribute_not_exists(PK)' } },
    ]);
    return cancelled ? 'name-taken' : 'created';
  }

  /** Access pattern 132: a town by id — GetItem `PK=TOWN#id, SK=PROFILE`. */
  async getTown(townId: string): Promise<Town | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: townKey(townId) }));
    return out.Item ? entityOf<Town>(out.Item) : undefined;
  }

  /** Access pattern 132: a town by its name (the operator's command) — GetItem `PK=TOWNNAME#name`, then the town. */
  async findTownByName(name: string): Promise<Town | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: townNameKey(name), ConsistentRead: true }));
    return out.Item ? this.getTown(out.Item.townId as string) : undefined;
  }

  /** Access pattern 133: every town (the residents' town picker; a county has a few dozen) — Query GSI1 `GSI1PK=TOWNS`. */
  async listTowns(): Promise<Town[]> {
    const items = await queryAll(this.table, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'TOWNS' } });
    return items.map((i) => entityOf<Town>(i));
  }

  /**
   * Access pattern 134: a town admin creates a studio and its first admin's invite — TransactWrite: Put the studio
   * `attribute_not_exists(PK)` (GSI1 `STUDIOS`, as every studio) + Put the town's entry of it + Put the invite
   * `attribute_not_exists(PK)` (a code collision: nothing is written, the caller draws again). False on a collision.
   */
  async createStudio(studio: Studio & { townId: string; address: string }, invite: Invite): Promise<boolean> {
    const T = this.table.tableName;
    const entry: TownStudio = { townId: studio.townId, studioId: studio.id, name: studio.name, address: studio.address, createdAt: studio.createdAt };
    const cancelled = await transactWrite(this.table, [
      { Put: { TableName: T, Item: studioToItem(studio), ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName: T, Item: { ...townStudioKey(studio.townId, studio.id), type: 'TownStudio', ...entry } } },
      { Put: { TableName: T, Item: { ...inviteKey(invite.code), type: 'Invite', ...invite, ttl: Math.floor(Date.parse(invite.expiresAt) / 1000) + 7 * 86_400 }, ConditionExpression: 'attribute_not_exists(PK)' } },
    ]);
    return !cancelled;
  }

  /** A studio that existed before its town (the demo's first studio) joins it: the town's entry and the studio's townId. */
  async addStudio(entry: TownStudio, studio: Studio): Promise<void> {
    const T = this.table.tableName;
    await transactWrite(this.table, [
      { Put: { TableName: T, Item: studioToItem({ ...studio, townId: entry.townId, address: entry.address }) } },
      { Put: { TableName: T, Item: { ...townStudioKey(entry.townId, entry.studioId), type: 'TownStudio', ...entry } } },
    ]);
  }

  /** Access pattern 135: a page of a town's studios — Query `PK=TOWN#id` (the profile filtered out by type), Limit, cursor. */
  async listStudiosPage(townId: string, page: { cursor?: string; limit: number }): Promise<{ studios: TownStudio[]; nextCursor?: string }> {
    const { items, nextCursor } = await queryPage(
      this.table,
      { partition: { PK: `TOWN#${townId}` }, shape: TOWN_STUDIOS_PAGE },
      { FilterExpression: '#type = :type', ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':type': 'TownStudio' } },
      page,
    );
    return { studios: items.map((i) => entityOf<TownStudio>(i)), ...(nextCursor ? { nextCursor } : {}) };
  }

  /** Access pattern 135, whole: every studio of a town (the figures side by side, the residents' list; a town has a dozen). */
  async listStudios(townId: string): Promise<TownStudio[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': `TOWN#${townId}`, ':prefix': 'STUDIO#' } });
    return items.map((i) => entityOf<TownStudio>(i));
  }
}
