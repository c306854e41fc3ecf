/** 协商 / 议事会: its entities and every key they are stored under (docs/access-patterns.md, 120–127). */
import type { ConsultationStatus } from '@shared/schemas/consultations';
import { ULID, type PageKeyShape } from '../data/page-cursor';

export interface ConsultedSubmission {
  id: string;
  category: string;
  /** The resident's words masked (phones, ids, addresses): what the board shows. */
  text: string;
}

export interface Consultation {
  id: string;
  studioId: string;
  studioName: string;
  topic: string;
  /** China date and time of the meeting. */
  date: string;
  time: string;
  place: string;
  agenda: string[];
  submissions: ConsultedSubmission[];
  invitedUnits?: string;
  capacity?: number;
  /** Sign-ups so far (ADD in the sign-up's transaction). */
  signedUp: number;
  status: ConsultationStatus;
  createdBy: string;
  createdAt: string;
  attendance?: number;
  attendeeNames?: string;
  minutes?: string;
  decision?: string;
  decidedAt?: string;
  result?: string;
  resultAt?: string;
  cancelReason?: string;
}

/** A resident's sign-up, under the consultation (one per person) and listed under the person (their data). */
export interface ConsultationSignUp {
  consultationId: string;
  studioId: string;
  userId: string;
  name: string;
  at: string;
}

export const consultationKey = (id: string) => ({ PK: `CONSULTATION#${id}`, SK: 'META' });
export const signUpKey = (consultationId: string, userId: string) => ({ PK: `CONSULTATION#${consultationId}`, SK: `SIGNUP#${userId}` });
/** GSI1: a studio's consultations (the representatives' list). GSI2: the public ones (not cancelled). */
export const studioShelf = (studioId: string) => `STUDIO#${studioId}#CONSULTATIONS`;
export const publicShelf = (studioId: string) => `STUDIO#${studioId}#CONSULTATIONS#PUBLIC`;
/** GSI1: a person's sign-ups, newest first. */
export const signUpsOfPerson = (userId: string) => `USER#${userId}#CONSULTSIGNUPS`;

/** Newest first within ascending keys: milliseconds to the year 2286, counted down. */
const countdown = (date: string, time: string) => String(9_999_999_999_999 - Date.parse(`${date}T${time}:00+08:00`)).padStart(13, '0');

/** Upcoming ones first, soonest first (`0#date#time`); then the held and cancelled, the latest first (`1#countdown`). */
export function shelfSortKey(c: Pick<Consultation, 'id' | 'status' | 'date' | 'time'>): string {
  return c.status === 'planned' ? `0#${c.date}#${c.time}#${c.id}` : `1#${countdown(c.date, c.time)}#${c.id}`;
}

export function consultationItem(c: Consultation): Record<string, unknown> {
  const sk = shelfSortKey(c);
  return {
    ...consultationKey(c.id),
    type: 'Consultation',
    ...c,
    GSI1PK: studioShelf(c.studioId),
    GSI1SK: sk,
    ...(c.status === 'cancelled' ? {} : { GSI2PK: publicShelf(c.studioId), GSI2SK: sk }),
  };
}

export const signUpItem = (s: ConsultationSignUp) => ({ ...signUpKey(s.consultationId, s.userId), type: 'ConsultationSignUp', ...s, GSI1PK: signUpsOfPerson(s.userId), GSI1SK: `${s.at}#${s.consultationId}` });

const SHELF_SK = new RegExp(`^(0#\\d{4}-\\d{2}-\\d{2}#\\d{2}:\\d{2}|1#\\d{13})#${ULID}$`);
export const STUDIO_SHAPE: PageKeyShape = { PK: new RegExp(`^CONSULTATION#${ULID}$`), SK: /^META$/, GSI1SK: SHELF_SK };
export const PUBLIC_SHAPE: PageKeyShape = { PK: new RegExp(`^CONSULTATION#${ULID}$`), SK: /^META$/, GSI2SK: SHELF_SK };
