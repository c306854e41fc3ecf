/** 网格 / 院落 and 镇街 (towns, their studios and figures, memberships): one typed function per route, like api.ts. */
import { call, download, type BodyOf } from './request'

/* ---------- grids (网格 / 院落) ---------- */

/** Public: the studio's grids, with the grid heads who agreed to be listed. */
export const listGrids = (studioId: string) => call('listGrids', { params: { studioId } })
/** Admin. 201. */
export const createGrid = (studioId: string, body: BodyOf<'createGrid'>) => call('createGrid', { params: { studioId }, body })
/** Admin. */
export const updateGrid = (studioId: string, gridId: string, body: BodyOf<'updateGrid'>) => call('updateGrid', { params: { studioId, gridId }, body })
/** The grid head of that grid: listed by name on the studio's page, or not. */
export const setGridListing = (gridId: string, listed: boolean) => call('setGridListing', { params: { gridId }, body: { listed } })
/** 网格待办: the grid head (their own grid) and the studio's representatives; `cursor` for older ones. */
export const listGridMatters = (studioId: string, gridId: string, cursor?: string) => call('listGridMatters', { params: { studioId, gridId }, query: { cursor } })

/* ---------- 镇街: towns, their studios and figures; memberships (切换身份) ---------- */

export const listTowns = () => call('listTowns')

/** A town's studios with their venues and next market days (residents). */
export const getTownDirectory = (townId: string) => call('getTownDirectory', { params: { townId } })

/** The town of a studio (the one line on the stand and board pages). */
export const getStudioTown = (studioId: string) => call('getStudioTown', { params: { studioId } })

export const listTownStudios = (townId: string, cursor?: string) => call('listTownStudios', { params: { townId }, query: { cursor } })

export const createTownStudio = (townId: string, body: BodyOf<'createTownStudio'>) => call('createTownStudio', { params: { townId }, body })

/** `month` is `YYYY-MM`. */
export const getTownFigures = (townId: string, month: string) => call('getTownFigures', { params: { townId }, query: { month } })

export const downloadTownFiguresCsv = (townId: string, month: string) =>
  download('exportTownFigures', { params: { townId }, query: { month } }, { fallbackName: `各工作室_${month}.csv`, timeout: 30_000 })

export const listMyMemberships = () => call('listMyMemberships')

/** A new session for the chosen role (save it). */
export const switchMembership = (body: BodyOf<'switchMembership'>) => call('switchMembership', { body })
