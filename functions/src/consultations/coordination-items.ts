/** 协调会 / 联席会 (a town's 协商 of its member units): the entity and every key it is stored under (access patterns 178–181). */
import type { ConsultationStatus } from '@shared/schemas/consultations';
import { ULID, type PageKeyShape } from '../data/page-cursor';
import { shelfSortKey } from './consultation-items';

export interface CoordinationUnit {
  id: string;
  name: string;
  /** Set when the meeting is recorded. */
  present?: boolean;
}

export interface Coordination {
  id: string;
  townId: string;
  townName: string;
  topic: string;
  /** China date and time of the meeting. */
  date: string;
  time: string;
  place: string;
  agenda: string[];
  units: CoordinationUnit[];
  studios: { id: string; name: string }[];
  status: ConsultationStatus;
  createdBy: string;
  createdAt: string;
  minutes?: string;
  decision?: string;
  decidedAt?: string;
  result?: string;
  resultAt?: string;
  cancelReason?: string;
}

export const coordinationKey = (id: string) => ({ PK: `COORDINATION#${id}`, SK: 'META' });
/** GSI1: a town's 协调会 — upcoming first, soonest first; then the held and cancelled, the latest first. */
export const townShelf = (townId: string) => `TOWN#${townId}#CONSULTATIONS`;

export function coordinationItem(c: Coordination): Record<string, unknown> {
  return { ...coordinationKey(c.id), type: 'Coordination', ...c, GSI1PK: townShelf(c.townId), GSI1SK: shelfSortKey(c) };
}

const SHELF_SK = new RegExp(`^(0#\\d{4}-\\d{2}-\\d{2}#\\d{2}:\\d{2}|1#\\d{13})#${ULID}$`);
export const TOWN_SHAPE: PageKeyShape = { PK: new RegExp(`^COORDINATION#${ULID}$`), SK: /^META$/, GSI1SK: SHELF_SK };
