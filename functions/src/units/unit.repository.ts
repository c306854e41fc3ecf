import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { entityOf, isConditionFailure, queryAll, type TableRef } from '../data/dynamodb-client';

// The kinds of unit live in shared/ (the contract and the pages use them too).
export { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '@shared/schemas/alliance';
import type { UnitKind } from '@shared/schemas/alliance';

/**
 * A member unit of a town's alliance (区域化党建成员单位: 卫生院, 中心小学, an enterprise …). It belongs to the town, not to
 * a studio: it serves every studio of the town. Its liaisons (`unit_liaison`, by a town admin's invite) act for it; a
 * unit liaison's session carries the unit's id as its `departmentId` (units answer as departments, #13/#14).
 */
export interface Unit {
  id: string;
  townId: string;
  name: string;
  kind: UnitKind;
  /** 单位简介: what the unit is and does, for the alliance's list. */
  intro?: string;
  /** Who to call at the unit (shown to the town's people, never to residents). */
  contactName?: string;
  contactPhone?: string;
  active: boolean;
  /** When the town admin retired it (kept, marked; `active` false). */
  retiredAt?: string;
  createdAt: string;
  /** Optimistic lock for profile edits. */
  version: number;
}

// Keys (docs/access-patterns.md 151–152): a unit lives under its town, beside the town's studios (`STUDIO#`).
export const unitKey = (townId: string, unitId: string) => ({ PK: `TOWN#${townId}`, SK: `UNIT#${unitId}` });
export const UNIT_PREFIX = 'UNIT#';
const unitItem = (u: Unit) => ({ ...unitKey(u.townId, u.id), type: 'Unit', ...u });

export class UnitRepository {
  constructor(private readonly table: TableRef) {}

  /** Access pattern 151: a town's units — Query `PK=TOWN#id AND begins_with(SK, 'UNIT#')` (a town has tens). */
  async listOfTown(townId: string): Promise<Unit[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': `TOWN#${townId}`, ':prefix': UNIT_PREFIX } });
    return items.map((i) => entityOf<Unit>(i)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Access pattern 152: one unit — GetItem `PK=TOWN#id, SK=UNIT#unitId` (consistent). */
  async get(townId: string, unitId: string): Promise<Unit | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: unitKey(townId, unitId), ConsistentRead: true }));
    return out.Item ? entityOf<Unit>(out.Item) : undefined;
  }

  /**
   * Access pattern 152: add a unit (Put `attribute_not_exists(PK)`) or save a changed one (Put `version = :read`, the
   * version moved on). False when the condition failed (a unit already there / changed by someone else meanwhile).
   */
  async save(unit: Unit, readVersion?: number): Promise<boolean> {
    const isNew = readVersion === undefined;
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: unitItem(isNew ? unit : { ...unit, version: readVersion + 1 }),
          ConditionExpression: isNew ? 'attribute_not_exists(PK)' : 'version = :read',
          ...(isNew ? {} : { ExpressionAttributeValues: { ':read': readVersion } }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
