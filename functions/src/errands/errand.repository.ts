import type { TableRef } from '../data/dynamodb-client';

/** 点单-配送: every DynamoDB key of the errand catalogue, orders, their contact logs (docs/access-patterns.md). */
export class ErrandRepository {
  constructor(readonly table: TableRef) {}
}
