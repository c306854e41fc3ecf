import type { BookingStatus } from '@shared/schemas/booking';
import type { TableRef, TransactItems } from '../data/dynamodb-client';
import { BatchReader, type ItemRead } from '../data/batch-reader';

/**
 * A studio's stands in one month, counted as they happen (access pattern 170): bookings made, entries served,
 * entries now 未到. The town's figures read these items (171) instead of every stand's entries.
 *
 * Why ADD in the entry's own transaction (and not a nightly recount): every change of an entry that moves a count —
 * a booking taken, an entry served, marked 未到, or checked in after it was 未到 — is one conditional transaction on
 * the entry (its status condition), and the ADD rides in it. The count moves exactly when the entry does: a retried
 * request finds its retry key or the entry already moved (the condition fails, nothing is added), so it is exact and
 * retry-safe without any job. Counting by the stand's month (the entry's `date`), as the old recount did.
 */
export interface StandMonthFigures {
  studioId: string;
  month: string;
  bookings: number;
  served: number;
  noShows: number;
}

export type FiguresDelta = Partial<Record<'bookings' | 'served' | 'noShows', number>>;

// Keys (docs/access-patterns.md 170–171): a partition of its own per studio, one item per month.
const figuresKey = (studioId: string, month: string) => ({ PK: `STUDIO#${studioId}#FIGURES`, SK: `MONTH#${month}` });

/** What an entry adds to its month when it is created in a status (a booking; one already served or 未到). */
export function deltaOfNewEntry(kind: 'booking' | 'walk_in', status: BookingStatus): FiguresDelta {
  return { ...(kind === 'booking' ? { bookings: 1 } : {}), ...(status === 'served' ? { served: 1 } : {}), ...(status === 'no_show' ? { noShows: 1 } : {}) };
}

/** What moving an entry from one status to another adds: served and 未到 are counted as the entry is now. */
export function deltaOfChange(from: BookingStatus, to: BookingStatus): FiguresDelta {
  const delta: FiguresDelta = {};
  if (to === 'served' && from !== 'served') delta.served = 1;
  if (from === 'served' && to !== 'served') delta.served = -1;
  if (to === 'no_show' && from !== 'no_show') delta.noShows = 1;
  if (from === 'no_show' && to !== 'no_show') delta.noShows = -1;
  return delta;
}

/** The ADD of a delta to the month's item, for the transaction that changes the entry; none when nothing moves. */
export function figuresWrites(tableName: string, place: { studioId: string; date: string }, delta: FiguresDelta): TransactItems {
  const parts = Object.entries(delta).filter(([, n]) => n !== 0);
  if (parts.length === 0) return [];
  const month = place.date.slice(0, 7);
  return [
    {
      Update: {
        TableName: tableName,
        Key: figuresKey(place.studioId, month),
        UpdateExpression: `SET #type = :type, studioId = :studio, #month = :month ADD ${parts.map(([name]) => `${name} :${name}`).join(', ')}`,
        ExpressionAttributeNames: { '#type': 'type', '#month': 'month' },
        ExpressionAttributeValues: { ':type': 'StandMonthFigures', ':studio': place.studioId, ':month': month, ...Object.fromEntries(parts.map(([name, n]) => [`:${name}`, n])) },
      },
    },
  ];
}

const fromItem = (item: Record<string, unknown>): StandMonthFigures => ({
  studioId: item.studioId as string,
  month: item.month as string,
  bookings: (item.bookings as number | undefined) ?? 0,
  served: (item.served as number | undefined) ?? 0,
  noShows: (item.noShows as number | undefined) ?? 0,
});

export class StandFiguresRepository {
  constructor(private readonly table: TableRef) {}

  /** Access pattern 170, one item as part of a batch. */
  monthRead(studioId: string, month: string): ItemRead<StandMonthFigures> {
    return { key: figuresKey(studioId, month), from: fromItem };
  }

  /**
   * Access pattern 171: the month's figures of many studios — one BatchGetItem of `STUDIO#id#FIGURES / MONTH#m`
   * (at most 100 studios a request: a town has tens). A studio without an item had no bookings that month: zeros.
   */
  async monthOfStudios(studioIds: readonly string[], month: string): Promise<Map<string, StandMonthFigures>> {
    const out = new Map<string, StandMonthFigures>();
    const batch = new BatchReader(this.table);
    for (let i = 0; i < studioIds.length; i += 100) {
      const chunk = studioIds.slice(i, i + 100);
      const found = await batch.read(Object.fromEntries(chunk.map((id) => [id, this.monthRead(id, month)])));
      for (const id of chunk) out.set(id, (found[id] as StandMonthFigures | undefined) ?? { studioId: id, month, bookings: 0, served: 0, noShows: 0 });
    }
    return out;
  }
}
