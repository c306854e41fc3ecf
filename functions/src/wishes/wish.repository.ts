import type { TableRef } from '../data/dynamodb-client';

/** 微心愿: every DynamoDB key of wishes and their claims (docs/access-patterns.md). */
export class WishRepository {
  constructor(readonly table: TableRef) {}
}
