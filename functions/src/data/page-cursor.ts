import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { BAD_CURSOR_MESSAGE } from '@shared/schemas/common';
import { ValidationError } from '../errors';
import type { TableRef } from './dynamodb-client';

/**
 * Where a paged list stopped, as the client carries it: the Query's LastEvaluatedKey less the partition it reads (the
 * request names that), its values joined and base64url-encoded. Opaque to the client; checked when it comes back —
 * each value must have the shape of its key (`shape`, in order), so a cursor from another list, an edited one or
 * garbage is a 400 naming `cursor`, never a request DynamoDB refuses (a 500).
 */
export type PageKeyShape = Readonly<Record<string, RegExp>>;

/** An id in a key (a ULID), for the shapes of cursors. */
export const ULID = '[0-9A-HJKMNP-TV-Z]{26}';

const SEPARATOR = '|';

/** The cursor of the page after this one, or undefined when this one is the last. */
export function cursorOf(lastKey: Record<string, unknown> | undefined, shape: PageKeyShape): string | undefined {
  if (!lastKey) return undefined;
  return Buffer.from(Object.keys(shape).map((name) => String(lastKey[name])).join(SEPARATOR), 'utf8').toString('base64url');
}

/** The ExclusiveStartKey a cursor stands for (with the partition the Query reads), or undefined without a cursor. */
export function startKeyOf(cursor: string | undefined, shape: PageKeyShape, partition: Record<string, string>): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const values = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8').split(SEPARATOR) : [];
  const names = Object.keys(shape);
  if (values.length !== names.length || names.some((name, i) => !shape[name]!.test(values[i]!))) throw new ValidationError({ cursor: BAD_CURSOR_MESSAGE }, BAD_CURSOR_MESSAGE);
  return { ...Object.fromEntries(names.map((name, i) => [name, values[i]!])), ...partition };
}

/** Where one paged list is read: the partition its Query names (`{ GSI1PK: … }`) and the shape of where a page stops. */
export interface PagedList {
  partition: Record<string, string>;
  shape: PageKeyShape;
}

/**
 * One page of a Query on one partition (`KeyConditionExpression` names it as `:pk`), from `page.cursor`, at most
 * `page.limit` items read: the items and the cursor of the next page (none after the last).
 */
export async function queryPage(
  table: TableRef,
  list: PagedList,
  input: Omit<QueryCommandInput, 'TableName' | 'KeyConditionExpression' | 'ExclusiveStartKey' | 'Limit'>,
  page: { cursor?: string; limit: number },
): Promise<{ items: Record<string, unknown>[]; nextCursor?: string }> {
  const [name, value] = Object.entries(list.partition)[0]!;
  const out = await table.client.send(
    new QueryCommand({
      ...input,
      TableName: table.tableName,
      KeyConditionExpression: `${name} = :pk`,
      ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ':pk': value },
      ExclusiveStartKey: startKeyOf(page.cursor, list.shape, list.partition),
      Limit: page.limit,
    }),
  );
  return { items: out.Items ?? [], nextCursor: cursorOf(out.LastEvaluatedKey, list.shape) };
}
