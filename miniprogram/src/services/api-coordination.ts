/** 协调会 (a town's 协商 of its member units): one typed function per route, like api.ts (which re-exports them). */
import { call, type BodyOf } from './request'

/** The town's admin and its units' liaisons: the town's 协调会, upcoming first (cancelled ones too). */
export const listCoordinations = (townId: string, cursor?: string) => call('listCoordinations', { params: { townId }, query: { cursor } })
/** 201; the invited units' liaisons (and studios' admins) are told in the background. */
export const createCoordination = (townId: string, body: BodyOf<'createCoordination'>) => call('createCoordination', { params: { townId }, body })
export const getCoordination = (townId: string, coordinationId: string) => call('getCoordination', { params: { townId, coordinationId } })
export const cancelCoordination = (townId: string, coordinationId: string, body: BodyOf<'cancelCoordination'>) => call('cancelCoordination', { params: { townId, coordinationId }, body })
/** 409 unless planned and its day has come. */
export const recordCoordination = (townId: string, coordinationId: string, body: BodyOf<'recordCoordination'>) => call('recordCoordination', { params: { townId, coordinationId }, body })
export const publishCoordinationResult = (townId: string, coordinationId: string, body: BodyOf<'publishCoordinationResult'>) => call('publishCoordinationResult', { params: { townId, coordinationId }, body })
