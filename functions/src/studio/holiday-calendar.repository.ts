import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { HolidayYear } from '@shared/submission/holiday-years';
import type { ItemRead } from '../data/batch-reader';
import { entityOf, type TableRef } from '../data/dynamodb-client';

/** An entry as stored: the year's calendar, who entered it and when. */
export interface StoredHolidayYear extends HolidayYear {
  updatedAt: string;
  updatedBy: string;
}

// Keys (docs/access-patterns.md, pattern 103): one item per year of the national calendar.
const yearKey = (year: number) => ({ PK: 'CALENDAR#CN', SK: `YEAR#${year}` });

/** The national holiday calendar, a year per item (entered by an operator: `npm run holidays`). */
export class HolidayCalendarRepository {
  constructor(private readonly table: TableRef) {}

  /** 103: a year's entry — GetItem PK=CALENDAR#CN, SK=YEAR#yyyy. */
  async get(year: number): Promise<StoredHolidayYear | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: yearKey(year) }));
    return out.Item ? entityOf<StoredHolidayYear>(out.Item) : undefined;
  }

  /** 103 as part of a batch (a submission reads this year's and next year's with its studio and settings). */
  yearRead(year: number): ItemRead<StoredHolidayYear> {
    return { key: yearKey(year), from: (item) => entityOf<StoredHolidayYear>(item) };
  }

  /** 103: enter or replace a year (the State Council's notice; a correction replaces the whole year). */
  async put(entry: StoredHolidayYear): Promise<void> {
    await this.table.client.send(new PutCommand({ TableName: this.table.tableName, Item: { ...yearKey(entry.year), type: 'HolidayYear', ...entry } }));
  }
}
