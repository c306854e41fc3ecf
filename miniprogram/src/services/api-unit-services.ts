/** 成员单位 at the stands: a service's provider, a unit liaison's 本单位服务 and its records — one typed function per route, like api.ts. */
import { call, type BodyOf } from './request'

/** Admin: the active member units of the studio's town, for the service editor's 提供单位. */
export const listProviderUnits = (studioId: string) => call('listProviderUnits', { params: { studioId } })

/** 成员单位联络员: the unit's market days (the last two weeks' and the weeks ahead) with the bookings of its services. */
export const listUnitServiceDays = () => call('listUnitServiceDays')

/** 已服务 / 未到 with a note: the stand's staff, or the liaison of the unit that provides the entry's service. */
export const recordEntry = (standId: string, entryId: string, body: BodyOf<'recordEntry'>) => call('recordEntry', { params: { standId, entryId }, body })
