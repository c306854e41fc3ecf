import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { entityOf, queryAll, type TableRef, type TransactItems } from '../data/dynamodb-client';

/**
 * A member unit's liaison as the unit lists them (成员单位联络员): who is told when a 大事 is handed to the unit or
 * the town calls a 协调会. Written in the transaction that redeems the liaison's invite, deleted when they leave.
 */
export interface UnitLiaison {
  townId: string;
  unitId: string;
  userId: string;
  name: string;
  joinedAt: string;
}

// Keys (docs/access-patterns.md 176–177): beside the town's units (`UNIT#`), under the town.
const PREFIX = 'UNITLIAISON#';
export const unitLiaisonKey = (townId: string, unitId: string, userId: string) => ({ PK: `TOWN#${townId}`, SK: `${PREFIX}${unitId}#${userId}` });

/** Access pattern 176: the Put of a unit's liaison, inside the transaction that redeems their invite. */
export function unitLiaisonPut(tableName: string, l: UnitLiaison): TransactItems[number] {
  return { Put: { TableName: tableName, Item: { ...unitLiaisonKey(l.townId, l.unitId, l.userId), type: 'UnitLiaison', ...l } } };
}

/** Access pattern 176: the Delete of a unit's liaison, inside the transaction of their leaving (absent is fine). */
export function unitLiaisonDelete(tableName: string, townId: string, unitId: string, userId: string): TransactItems[number] {
  return { Delete: { TableName: tableName, Key: unitLiaisonKey(townId, unitId, userId) } };
}

export class UnitLiaisonRepository {
  constructor(private readonly table: TableRef) {}

  /** Access pattern 177: a unit's liaisons — Query `PK=TOWN#id AND begins_with(SK, 'UNITLIAISON#<unitId>#')` (a handful). */
  async listLiaisons(townId: string, unitId: string): Promise<UnitLiaison[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': `TOWN#${townId}`, ':prefix': `${PREFIX}${unitId}#` } });
    return items.map((i) => entityOf<UnitLiaison>(i));
  }

  /** Access pattern 176 outside an invite: the demo's liaison persona. */
  async put(l: UnitLiaison): Promise<void> {
    await this.table.client.send(new PutCommand(unitLiaisonPut(this.table.tableName, l).Put!));
  }
}

