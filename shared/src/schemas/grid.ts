import { z, idSchema, nextCursorSchema, cursorSchema } from './common';
import { inboxItemView } from './submission';

/**
 * 网格 / 院落: a studio's area divided into grids, each with its responsible people (网格员 / 院落长, the `grid_head`
 * role, invited for one grid). A resident may name the grid of a matter; its grid head sees it and may handle 小事.
 */
export const GRID_KINDS = ['网格', '院落', '小区', '自然村'] as const;
export type GridKind = (typeof GRID_KINDS)[number];

export const MAX_GRIDS_PER_STUDIO = 60;

/** POST /studios/{studioId}/grids, PUT …/grids/{gridId} — an admin names a grid and the area it covers. */
export const upsertGridRequest = z
  .object({
    name: z.string({ required_error: '请填写网格名称', invalid_type_error: '网格名称格式不正确' }).trim().min(2, '网格名称至少 2 个字').max(20, '网格名称不能超过 20 个字'),
    kind: z.enum(GRID_KINDS, { errorMap: () => ({ message: '网格类型请选择：网格、院落、小区或自然村' }) }).default('网格'),
    area: z.string({ invalid_type_error: '范围说明格式不正确' }).trim().max(80, '范围说明不能超过 80 个字').optional(),
  })
  .strict();
export type UpsertGridRequest = z.infer<typeof upsertGridRequest>;

/** A grid's responsible person as residents see them: only those who agreed to be listed, by name. */
export const gridHeadView = z.object({ userId: idSchema, displayName: z.string() });

export const gridView = z.object({
  id: idSchema,
  studioId: idSchema,
  name: z.string(),
  kind: z.enum(GRID_KINDS),
  area: z.string().optional(),
  /** The grid heads who agreed to be listed on the studio's page (网格员公示). */
  heads: z.array(gridHeadView),
});
export type GridView = z.infer<typeof gridView>;

/** GET /studios/{studioId}/grids — public: the grids to choose from in a submission, with their listed heads. */
export const gridsResponse = z.object({ grids: z.array(gridView) });
export type GridsResponse = z.infer<typeof gridsResponse>;

/** PUT /grids/{gridId}/listing — a grid head agrees (or no longer agrees) to be listed by name on the studio's page. */
export const gridListingRequest = z.object({ listed: z.boolean({ required_error: '请选择是否公示', invalid_type_error: '是否公示应为是或否' }) }).strict();
export type GridListingRequest = z.infer<typeof gridListingRequest>;
export const gridListingResponse = z.object({ gridId: idSchema, listed: z.boolean() });

/** GET /grids/{gridId}/submissions — the matters raised in a grid, newest first, as they stand now. */
export const gridSubmissionsQuery = z.object({ cursor: cursorSchema.optional() }).strict();
export type GridSubmissionsQuery = z.infer<typeof gridSubmissionsQuery>;

export const gridSubmissionsResponse = z.object({
  grid: z.object({ id: idSchema, name: z.string(), kind: z.enum(GRID_KINDS) }),
  /** Newest first: the items as inbox lines (status, due date, overdue). */
  items: z.array(inboxItemView),
  nextCursor: nextCursorSchema,
});
export type GridSubmissionsResponse = z.infer<typeof gridSubmissionsResponse>;
