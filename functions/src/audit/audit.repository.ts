import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditKind } from '@shared/schemas/audit';
import type { Role } from '@shared/roles';
import { entityOf, type TableRef } from '../data/dynamodb-client';

/** One line of a studio's audit trail. Written once, never changed (the Put refuses an existing key). */
export interface AuditEntry {
  id: string;
  studioId: string;
  at: string;
  kind: AuditKind;
  actorId: string;
  actorName: string;
  actorRole: Role;
  summary: string;
  /** The submission, stand, venue … it was about. */
  targetId?: string;
}

// Keys of audit entries (docs/access-patterns.md, "AuditEntry"): one partition per studio, newest last by SK; GSI1 by person.
const auditKey = (e: Pick<AuditEntry, 'studioId' | 'at' | 'id'>) => ({ PK: `STUDIO#${e.studioId}#AUDIT`, SK: `${e.at}#${e.id}` });
const byActorKey = (e: Pick<AuditEntry, 'studioId' | 'actorId' | 'at' | 'id'>) => ({ GSI1PK: `STUDIO#${e.studioId}#AUDIT#${e.actorId}`, GSI1SK: `${e.at}#${e.id}` });

const encodeCursor = (sk: string) => Buffer.from(sk, 'utf8').toString('base64url');
const decodeCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

export class AuditRepository {
  constructor(private readonly table: TableRef) {}

  /** Access pattern: append to the audit trail — Put with attribute_not_exists(PK): an entry is never overwritten. */
  async append(entry: AuditEntry): Promise<void> {
    await this.table.client.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...auditKey(entry), ...byActorKey(entry), type: 'AuditEntry', ...entry },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  /**
   * Access pattern: a studio's audit trail, newest first, a page at a time — Query PK=STUDIO#id#AUDIT (or GSI1 by
   * person), ScanIndexForward=false, Limit; a kind is a filter on that page.
   */
  async listOfStudio(studioId: string, options: { actorId?: string; kind?: AuditKind; cursor?: string; limit: number }): Promise<{ entries: AuditEntry[]; nextCursor?: string }> {
    const byActor = Boolean(options.actorId);
    const start = options.cursor ? decodeCursor(options.cursor) : undefined;
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.table.tableName,
        ...(byActor ? { IndexName: 'GSI1' } : {}),
        KeyConditionExpression: byActor ? 'GSI1PK = :pk' : 'PK = :pk',
        ...(options.kind ? { FilterExpression: 'kind = :kind' } : {}),
        ExpressionAttributeValues: {
          ':pk': byActor ? `STUDIO#${studioId}#AUDIT#${options.actorId}` : `STUDIO#${studioId}#AUDIT`,
          ...(options.kind ? { ':kind': options.kind } : {}),
        },
        ...(start
          ? {
              ExclusiveStartKey: byActor
                ? { ...auditKey({ studioId, at: start.split('#')[0]!, id: start.split('#')[1]! }), GSI1PK: `STUDIO#${studioId}#AUDIT#${options.actorId}`, GSI1SK: start }
                : { PK: `STUDIO#${studioId}#AUDIT`, SK: start },
            }
          : {}),
        ScanIndexForward: false,
        Limit: options.limit,
      }),
    );
    const entries = (out.Items ?? []).map((item) => entityOf<AuditEntry>(item));
    const last = out.LastEvaluatedKey;
    return { entries, ...(last ? { nextCursor: encodeCursor(String(byActor ? last.GSI1SK : last.SK)) } : {}) };
  }
}
