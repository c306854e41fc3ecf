import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { HandOnState } from '@shared/submission/hand-on';
import { OPEN_HAND_ON_STATES } from '@shared/submission/hand-on';
import { entityOf, isConditionFailure, type TableRef, type TransactItems } from '../data/dynamodb-client';
import { queryPage, ULID, type PageKeyShape } from '../data/page-cursor';

/** A studio's department or unit (城管办, 环卫所 …) that 大事 are handed on to. Retired ones keep their matters. */
export interface Department {
  id: string;
  studioId: string;
  name: string;
  note?: string;
  active: boolean;
  createdAt: string;
  /** Optimistic lock for renames and retiring. */
  version: number;
}

/** One 大事 handed to one department, with its own due date: what the department's queue lists. */
export interface HandOnRecord {
  id: string;
  submissionId: string;
  studioId: string;
  studioName: string;
  departmentId: string;
  department: string;
  category: string;
  /** The matter's first 60 characters, personal details masked. */
  summary: string;
  dueDate: string;
  state: HandOnState;
  handedAt: string;
  handedBy: string;
  acknowledgedAt?: string;
  answeredAt?: string;
  returnReason?: string;
  endedAt?: string;
}

// Keys (docs/access-patterns.md, "部门与联络员").
const departmentKey = (studioId: string, departmentId: string) => ({ PK: `STUDIO#${studioId}`, SK: `DEPT#${departmentId}` });
const DEPARTMENT_PREFIX = 'DEPT#';
const handOnKey = (submissionId: string, handOnId: string) => ({ PK: `SUBMISSION#${submissionId}`, SK: `HANDON#${handOnId}` });
/** GSI1: a department's queue — open hand-ons first (`0#`), soonest due first; then the ended (`1#`). */
const queuePartition = (departmentId: string) => `DEPT#${departmentId}#QUEUE`;
const queueSortOf = (h: HandOnRecord) => `${OPEN_HAND_ON_STATES.includes(h.state) ? '0' : '1'}#${h.dueDate}#${h.id}`;
const QUEUE_PAGE: PageKeyShape = { PK: new RegExp(`^SUBMISSION#${ULID}$`), SK: new RegExp(`^HANDON#${ULID}$`), GSI1SK: new RegExp(`^[01]#\\d{4}-\\d{2}-\\d{2}#${ULID}$`) };

const departmentItem = (d: Department) => ({ ...departmentKey(d.studioId, d.id), type: 'Department', ...d });

export class DepartmentRepository {
  constructor(private readonly table: TableRef) {}

  /** Access pattern 115: a hand-on's record, one Put in a submission step's transaction (the step's own version check guards it). */
  handOnPut(h: HandOnRecord): TransactItems[number] {
    return { Put: { TableName: this.table.tableName, Item: { ...handOnKey(h.submissionId, h.id), GSI1PK: queuePartition(h.departmentId), GSI1SK: queueSortOf(h), type: 'HandOn', ...h } } };
  }

  /** Access pattern 112: a studio's departments — Query `PK=STUDIO#id`, `begins_with(SK, 'DEPT#')`. */
  async listOfStudio(studioId: string): Promise<Department[]> {
    const out = await this.table.client.send(
      new QueryCommand({ TableName: this.table.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': `STUDIO#${studioId}`, ':prefix': DEPARTMENT_PREFIX } }),
    );
    return (out.Items ?? []).map((i) => entityOf<Department>(i));
  }

  /** Access pattern 113: a department — GetItem `PK=STUDIO#id, SK=DEPT#deptId` (consistent). */
  async get(studioId: string, departmentId: string): Promise<Department | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: departmentKey(studioId, departmentId), ConsistentRead: true }));
    return out.Item ? entityOf<Department>(out.Item) : undefined;
  }

  /** A new department (`attribute_not_exists`), or a changed one only if nobody changed it since it was read (`version`). False: it was. */
  async save(department: Department, readVersion?: number): Promise<boolean> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: departmentItem({ ...department, version: (readVersion ?? 0) + 1 }),
          ...(readVersion === undefined ? { ConditionExpression: 'attribute_not_exists(PK)' } : { ConditionExpression: 'version = :read', ExpressionAttributeValues: { ':read': readVersion } }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Access pattern 114: a department's queue, a page — Query GSI1 `GSI1PK=DEPT#id#QUEUE` (open first, soonest due first), Limit, from `cursor`. */
  async listQueuePage(departmentId: string, page: { cursor?: string; limit: number }): Promise<{ items: HandOnRecord[]; nextCursor?: string }> {
    const { items, nextCursor } = await queryPage(this.table, { partition: { GSI1PK: queuePartition(departmentId) }, shape: QUEUE_PAGE }, { IndexName: 'GSI1' }, page);
    return { items: items.map((i) => entityOf<HandOnRecord>(i)), nextCursor };
  }
}
