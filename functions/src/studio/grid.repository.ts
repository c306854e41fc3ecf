import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { GridKind } from '@shared/schemas/grid';
import { entityOf, isConditionFailure, type TableRef } from '../data/dynamodb-client';
import type { ItemRead } from '../data/batch-reader';
import { queryPage, ULID, type PageKeyShape } from '../data/page-cursor';

/** 网格 / 院落: part of a studio's area, with the people responsible for it (grid heads are studio members). */
export interface Grid {
  id: string;
  studioId: string;
  name: string;
  kind: GridKind;
  area?: string;
  createdAt: string;
  updatedAt: string;
}

/** A matter raised in a grid: the grid's own list of them (its submissions stay where they are). */
export interface GridMatter {
  gridId: string;
  submissionId: string;
  createdAt: string;
}

// Keys of the grids and of the matters raised in each (docs/access-patterns.md, 146–149).
const gridKey = (studioId: string, gridId: string) => ({ PK: `STUDIO#${studioId}`, SK: `GRID#${gridId}` });
const gridMatterKey = (m: GridMatter) => ({ PK: `GRID#${m.gridId}`, SK: `SUB#${m.createdAt}#${m.submissionId}` });
const GRID_MATTER_PAGE: PageKeyShape = { SK: new RegExp(`^SUB#\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z#${ULID}$`) };

/** The item that lists a new submission under its grid, for the submission's own create transaction (pattern 148). */
export function gridMatterItem(m: GridMatter) {
  return { ...gridMatterKey(m), type: 'GridMatter', ...m };
}

export class GridRepository {
  constructor(private readonly table: TableRef) {}

  /** Pattern 146: a studio's grids — Query PK=STUDIO#id, begins_with(SK, GRID#) (a studio has tens at most). */
  async listOfStudio(studioId: string): Promise<Grid[]> {
    const out = await this.table.client.send(
      new QueryCommand({ TableName: this.table.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :grid)', ExpressionAttributeValues: { ':pk': `STUDIO#${studioId}`, ':grid': 'GRID#' } }),
    );
    return (out.Items ?? []).map((i) => entityOf<Grid>(i)).sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
  }

  /** Pattern 147: one grid — GetItem PK=STUDIO#id, SK=GRID#gridId, as part of a batch (`BatchReader`). */
  gridRead(studioId: string, gridId: string): ItemRead<Grid> {
    return { key: gridKey(studioId, gridId), from: (item) => entityOf<Grid>(item) };
  }

  /** Pattern 147 on its own — GetItem. */
  async getGrid(studioId: string, gridId: string): Promise<Grid | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: gridKey(studioId, gridId) }));
    return out.Item ? entityOf<Grid>(out.Item) : undefined;
  }

  /** A new grid (Put, only if its id is new) or a change to one (Put, only if it exists). False when that did not hold. */
  async put(grid: Grid, mode: 'create' | 'update'): Promise<boolean> {
    try {
      await this.table.client.send(
        new PutCommand({ TableName: this.table.tableName, Item: { ...gridKey(grid.studioId, grid.id), type: 'Grid', ...grid }, ConditionExpression: mode === 'create' ? 'attribute_not_exists(PK)' : 'attribute_exists(PK)' }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Pattern 149: the matters raised in a grid, newest first — Query PK=GRID#id, a page at a time. */
  async listMattersPage(gridId: string, page: { cursor?: string; limit: number }): Promise<{ items: GridMatter[]; nextCursor?: string }> {
    const { items, nextCursor } = await queryPage(this.table, { partition: { PK: `GRID#${gridId}` }, shape: GRID_MATTER_PAGE }, { ScanIndexForward: false }, page);
    return { items: items.map((i) => entityOf<GridMatter>(i)), ...(nextCursor ? { nextCursor } : {}) };
  }
}
