/** 点单-配送's entities and every key they are stored under (docs/access-patterns.md, "点单-配送"); ErrandRepository owns the requests. */
import type { ErrandStatus } from '@shared/schemas/errands';
import { chinaDate } from '@shared/time';
import { ULID, type PageKeyShape } from '../data/page-cursor';

export interface ErrandKind {
  studioId: string;
  id: string;
  name: string;
  description: string;
  dispatch: 'assign' | 'claim';
  acceptClaims: boolean;
  teamId?: string;
  homeVisit: boolean;
  retired: boolean;
}

export interface ErrandOrder {
  id: string;
  studioId: string;
  kindId: string;
  kindName: string;
  homeVisit: boolean;
  dispatch: 'assign' | 'claim';
  acceptClaims: boolean;
  teamId?: string;
  /** The resident who ordered; absent for 代下单 (staff typed the person's name). */
  residentId?: string;
  orderedBy: string;
  onBehalf: boolean;
  personName: string;
  forWhom: string;
  urgency: number;
  when: string;
  note?: string;
  area: string;
  status: ErrandStatus;
  /** Bumped by every step: a step writes only over the version it read. */
  version: number;
  createdAt: string;
  updatedAt: string;
  volunteerId?: string;
  volunteerName?: string;
  reason?: string;
  rating?: number;
  comment?: string;
  coins?: number;
}

/** Where to go and whom to call: stored apart from the order, so no list ever reads it. */
export interface ErrandContact {
  errandId: string;
  address: string;
  phone: string;
  /** A home visit's: deleted by TTL when the booking's own contact is (privacy/retention.ts), if not before. */
  ttl?: number;
}

export interface ContactEntry {
  id: string;
  errandId: string;
  at: string;
  byUserId: string;
  byName: string;
  kind: 'call' | 'visit' | 'note';
  text: string;
  followUp: boolean;
}

export interface ErrandFigures {
  month: string;
  byStatus: Partial<Record<ErrandStatus, number>>;
  ratings: number;
  ratingSum: number;
}

// Keys (docs/access-patterns.md, "点单-配送").
export const kindKey = (studioId: string, kindId: string) => ({ PK: `STUDIO#${studioId}`, SK: `ERRANDKIND#${kindId}` });
export const orderKey = (id: string) => ({ PK: `ERRAND#${id}`, SK: 'META' });
export const contactKey = (id: string) => ({ PK: `ERRAND#${id}`, SK: 'CONTACT' });
export const logKey = (id: string, entryId: string) => ({ PK: `ERRAND#${id}`, SK: `LOG#${entryId}` });
export const figuresKey = (studioId: string, month: string) => ({ PK: `STUDIO#${studioId}`, SK: `ERRANDSTATS#${month}` });
/** GSI1: a studio's orders by status (the staff queue; 已审核 is what volunteers may claim). */
export const byStatus = (studioId: string, status: ErrandStatus) => `STUDIO#${studioId}#ERRANDS#${status}`;
/** GSI2: a resident's orders (every studio: their data; a studio's page filters on it). */
export const ofResident = (userId: string) => `USER#${userId}#ERRANDS`;
/** GSI3: a volunteer's orders (claimed or assigned to them), every studio. */
export const ofVolunteer = (userId: string) => `USER#${userId}#ERRANDTASKS`;

/** The China month an instant falls in (`2026-12`): the figures are per month as people count them. */
export const month = (at: string) => chinaDate(at).slice(0, 7);

const ISO_TIME = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z';
const orderPage = (index: 'GSI1SK' | 'GSI2SK' | 'GSI3SK'): PageKeyShape => ({ PK: new RegExp(`^ERRAND#${ULID}$`), SK: /^META$/, [index]: new RegExp(`^${ISO_TIME}#${ULID}$`) });
export const STATUS_PAGE = orderPage('GSI1SK');
export const RESIDENT_PAGE = orderPage('GSI2SK');
export const VOLUNTEER_PAGE = orderPage('GSI3SK');

/** The month's counters moved by `add` (status counts, ratings), for a transaction. */
export function figuresWrite(tableName: string, studioId: string, createdAt: string, add: Record<string, number>) {
  const names = Object.keys(add);
  return {
    Update: {
      TableName: tableName,
      Key: figuresKey(studioId, month(createdAt)),
      UpdateExpression: `SET #type = :type, studioId = :studio, #month = :month ADD ${names.map((_, i) => `#n${i} :n${i}`).join(', ')}`,
      ExpressionAttributeNames: { '#type': 'type', '#month': 'month', ...Object.fromEntries(names.map((n, i) => [`#n${i}`, n])) },
      ExpressionAttributeValues: { ':type': 'ErrandFigures', ':studio': studioId, ':month': month(createdAt), ...Object.fromEntries(names.map((n, i) => [`:n${i}`, add[n]])) },
    },
  };
}

/**
 * The writes of a new order, for a transaction (the order's own, or a home-visit booking's at a stand): the order and
 * its address and phone (apart), both new, and the month's figures.
 */
export function placeWrites(tableName: string, order: ErrandOrder, contact: ErrandContact) {
  return [
    { Put: { TableName: tableName, Item: orderItem(order), ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName, Item: { ...contactKey(order.id), type: 'ErrandContact', ...contact, ...(order.residentId ? { residentId: order.residentId } : {}) }, ConditionExpression: 'attribute_not_exists(PK)' } },
    figuresWrite(tableName, order.studioId, order.createdAt, { [order.status]: 1 }),
  ];
}

export function orderItem(o: ErrandOrder) {
  const sort = `${o.createdAt}#${o.id}`;
  return {
    ...orderKey(o.id),
    type: 'ErrandOrder',
    ...o,
    GSI1PK: byStatus(o.studioId, o.status),
    GSI1SK: sort,
    ...(o.residentId ? { GSI2PK: ofResident(o.residentId), GSI2SK: sort } : {}),
    ...(o.volunteerId ? { GSI3PK: ofVolunteer(o.volunteerId), GSI3SK: sort } : {}),
  };
}

/**
 * The area an order is in, for lists: the address up to its street, town, community or village (街道, 镇, 乡, 社区, 村),
 * else its first 6 characters, the rest masked — `贡井区筱溪街道…` for `贡井区筱溪街道光荣院落3栋2号`.
 */
export function areaOf(address: string): string {
  const area = /^.*?(街道|镇|乡|社区|村)/.exec(address)?.[0] ?? address.slice(0, 6);
  return `${area.slice(0, 12)}…`;
}
