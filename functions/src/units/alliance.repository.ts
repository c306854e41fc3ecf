import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { entityOf, isConditionFailure, queryAll, transactWrite, type TableRef, type TransactItems } from '../data/dynamodb-client';
import { cursorOf, startKeyOf, type PageKeyShape } from '../data/page-cursor';
import {
  NEED_PREFIX,
  needItem,
  needKey,
  needsOfStudio,
  PROJECT_PREFIX,
  projectItem,
  projectKey,
  projectsOfStudio,
  projectsOfUnit,
  RESOURCE_PREFIX,
  RESOURCE_SHAPE,
  resourceItem,
  resourceKey,
  resourcePrefixOfUnit,
  STUDIO_NEED_SHAPE,
  STUDIO_PROJECT_SHAPE,
  TOWN_NEED_SHAPE,
  TOWN_PROJECT_SHAPE,
  townPartition,
  UNIT_PROJECT_SHAPE,
  type Need,
  type Project,
  type Resource,
} from './alliance-items';
import { unitKey } from './unit.repository';

export type { Need, Project, Resource, Signature } from './alliance-items';

export interface PageRequest {
  cursor?: string;
  limit: number;
}
export type Page<T> = { items: T[]; nextCursor?: string };

/** Where a paged list is read: its partition (and sort-key prefix), on the table or an index, and its cursor's shape. */
interface ListSpec {
  partition: Record<string, string>;
  prefix?: string;
  index?: 'GSI1' | 'GSI2';
  shape: PageKeyShape;
  newestFirst: boolean;
}

/** 资源清单 / 需求清单 / 项目清单: every DynamoDB key of them (docs/access-patterns.md, patterns 153–165). */
export class AllianceRepository {
  constructor(readonly table: TableRef) {}

  private get T() {
    return this.table.tableName;
  }

  private async page<T>(list: ListSpec, page: PageRequest): Promise<Page<T>> {
    const [name, value] = Object.entries(list.partition)[0]!;
    const input: QueryCommandInput = {
      TableName: this.T,
      ...(list.index ? { IndexName: list.index } : { ConsistentRead: true }),
      KeyConditionExpression: list.prefix ? `${name} = :pk AND begins_with(SK, :prefix)` : `${name} = :pk`,
      ExpressionAttributeValues: { ':pk': value, ...(list.prefix ? { ':prefix': list.prefix } : {}) },
      ScanIndexForward: !list.newestFirst,
      Limit: page.limit,
      ExclusiveStartKey: startKeyOf(page.cursor, list.shape, list.partition),
    };
    const out = await this.table.client.send(new QueryCommand(input));
    const nextCursor = cursorOf(out.LastEvaluatedKey, list.shape);
    return { items: (out.Items ?? []).map((i) => entityOf<T>(i)), ...(nextCursor ? { nextCursor } : {}) };
  }

  private async getItem<T>(key: Record<string, string>): Promise<T | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: key, ConsistentRead: true }));
    return out.Item ? entityOf<T>(out.Item) : undefined;
  }

  /** Put a new item (`attribute_not_exists`) or a changed one (`version = :read`); false when the condition failed. */
  private async put(item: Record<string, unknown>, readVersion?: number): Promise<boolean> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.T,
          Item: item,
          ConditionExpression: readVersion === undefined ? 'attribute_not_exists(PK)' : 'version = :read',
          ...(readVersion === undefined ? {} : { ExpressionAttributeValues: { ':read': readVersion } }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  // ——— 资源清单 ———

  /** Access pattern 153: the town's 资源清单, every unit's — Query `PK=TOWN#id AND begins_with(SK, 'RESOURCE#')`, a page. */
  listResourcesOfTown(townId: string, page: PageRequest): Promise<Page<Resource>> {
    return this.page({ partition: { PK: townPartition(townId) }, prefix: RESOURCE_PREFIX, shape: RESOURCE_SHAPE, newestFirst: false }, page);
  }

  /** Access pattern 153, every page: the whole list (to match a need against). */
  async listAllResourcesOfTown(townId: string): Promise<Resource[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': townPartition(townId), ':prefix': RESOURCE_PREFIX }, ConsistentRead: true });
    return items.map((i) => entityOf<Resource>(i));
  }

  /** Access pattern 154: one unit's resources — Query `PK=TOWN#id AND begins_with(SK, 'RESOURCE#<unitId>#')`, a page. */
  listResourcesOfUnit(townId: string, unitId: string, page: PageRequest): Promise<Page<Resource>> {
    return this.page({ partition: { PK: townPartition(townId) }, prefix: resourcePrefixOfUnit(unitId), shape: RESOURCE_SHAPE, newestFirst: false }, page);
  }

  /** Access pattern 155: one resource — GetItem `PK=TOWN#id, SK=RESOURCE#unitId#resourceId` (consistent). */
  getResource(townId: string, unitId: string, resourceId: string): Promise<Resource | undefined> {
    return this.getItem(resourceKey(townId, unitId, resourceId));
  }

  /** Access pattern 155: add a resource (`attribute_not_exists`) or save a changed one (`version = :read`). */
  saveResource(resource: Resource, readVersion?: number): Promise<boolean> {
    return this.put(resourceItem(readVersion === undefined ? resource : { ...resource, version: readVersion + 1 }), readVersion);
  }

  // ——— 需求清单 ———

  /** Access pattern 156: one need — GetItem `PK=TOWN#id, SK=NEED#needId` (consistent). */
  getNeed(townId: string, needId: string): Promise<Need | undefined> {
    return this.getItem(needKey(townId, needId));
  }

  /** Access pattern 156: file a need — Put `attribute_not_exists(PK)`. */
  fileNeed(need: Need): Promise<boolean> {
    return this.put(needItem(need));
  }

  /** Access pattern 157: the town's 需求清单, newest first — Query `PK=TOWN#id AND begins_with(SK, 'NEED#')` descending. */
  listNeedsOfTown(townId: string, page: PageRequest): Promise<Page<Need>> {
    return this.page({ partition: { PK: townPartition(townId) }, prefix: NEED_PREFIX, shape: TOWN_NEED_SHAPE, newestFirst: true }, page);
  }

  /** Access pattern 158: a studio's needs, newest first — Query GSI1 `GSI1PK=STUDIO#id#NEEDS` descending. */
  listNeedsOfStudio(studioId: string, page: PageRequest): Promise<Page<Need>> {
    return this.page({ partition: { GSI1PK: needsOfStudio(studioId) }, index: 'GSI1', shape: STUDIO_NEED_SHAPE, newestFirst: true }, page);
  }

  /** Access pattern 159: withdraw a need — Update SET status with `#status = open` (false: it had moved on). */
  async withdrawNeed(need: Need, at: string): Promise<boolean> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.T,
          Key: needKey(need.townId, need.id),
          UpdateExpression: 'SET #status = :withdrawn, updatedAt = :at',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':withdrawn': 'withdrawn', ':open': 'open', ':at': at },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  // ——— 项目清单 ———

  /**
   * Access pattern 161: make a project from a need — TransactWrite: Put the project `attribute_not_exists(PK)` + Update
   * the need SET 已对接 and its projectId with `#status = open` + ConditionCheck the unit `active = true` (+ the
   * resource's, when one is named). False when a condition failed (nothing written).
   */
  async createProject(project: Project): Promise<boolean> {
    const activeCheck = (Key: Record<string, string>) => ({ ConditionCheck: { TableName: this.T, Key, ConditionExpression: 'active = :yes', ExpressionAttributeValues: { ':yes': true } } });
    const items: TransactItems = [
      { Put: { TableName: this.T, Item: projectItem(project), ConditionExpression: 'attribute_not_exists(PK)' } },
      {
        Update: {
          TableName: this.T,
          Key: needKey(project.townId, project.needId),
          UpdateExpression: 'SET #status = :matched, projectId = :project, updatedAt = :at',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':matched': 'matched', ':project': project.id, ':at': project.createdAt, ':open': 'open' },
        },
      },
      activeCheck(unitKey(project.townId, project.unitId)),
      ...(project.resourceId ? [activeCheck(resourceKey(project.townId, project.unitId, project.resourceId))] : []),
    ];
    return (await transactWrite(this.table, items)) === undefined;
  }

  /** Access pattern 162: one project — GetItem `PK=TOWN#id, SK=PROJECT#projectId` (consistent). */
  getProject(townId: string, projectId: string): Promise<Project | undefined> {
    return this.getItem(projectKey(townId, projectId));
  }

  /**
   * Access pattern 162: a signature or a step of a project — Put it as it now is with `version = :read`; a cancellation
   * also puts its need back to 待对接 (Update with `projectId = :project`), in one transaction. False when the project
   * had changed since it was read (nothing written).
   */
  async saveProject(before: Project, after: Project, reopenNeed = false): Promise<boolean> {
    const put = { TableName: this.T, Item: projectItem({ ...after, version: before.version + 1 }), ConditionExpression: 'version = :read', ExpressionAttributeValues: { ':read': before.version } };
    if (!reopenNeed) return this.put(put.Item, before.version);
    const items: TransactItems = [
      { Put: put },
      {
        Update: {
          TableName: this.T,
          Key: needKey(after.townId, after.needId),
          UpdateExpression: 'SET #status = :open, updatedAt = :at REMOVE projectId',
          ConditionExpression: 'projectId = :project',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'open', ':at': after.updatedAt, ':project': after.id },
        },
      },
    ];
    return (await transactWrite(this.table, items)) === undefined;
  }

  /** Access pattern 163: the town's 项目清单, newest first — Query `PK=TOWN#id AND begins_with(SK, 'PROJECT#')` descending. */
  listProjectsOfTown(townId: string, page: PageRequest): Promise<Page<Project>> {
    return this.page({ partition: { PK: townPartition(townId) }, prefix: PROJECT_PREFIX, shape: TOWN_PROJECT_SHAPE, newestFirst: true }, page);
  }

  /** Access pattern 164: a unit's projects, newest first — Query GSI1 `GSI1PK=UNIT#id#PROJECTS` descending. */
  listProjectsOfUnit(unitId: string, page: PageRequest): Promise<Page<Project>> {
    return this.page({ partition: { GSI1PK: projectsOfUnit(unitId) }, index: 'GSI1', shape: UNIT_PROJECT_SHAPE, newestFirst: true }, page);
  }

  /** Access pattern 165: a studio's projects, newest first — Query GSI2 `GSI2PK=STUDIO#id#PROJECTS` descending. */
  listProjectsOfStudio(studioId: string, page: PageRequest): Promise<Page<Project>> {
    return this.page({ partition: { GSI2PK: projectsOfStudio(studioId) }, index: 'GSI2', shape: STUDIO_PROJECT_SHAPE, newestFirst: true }, page);
  }
}
