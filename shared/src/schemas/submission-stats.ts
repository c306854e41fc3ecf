import { z, idSchema } from './common';

/** A studio's figures of a month (统计: 响应率, 解决率, 满意率 … by department and by grid) and the CSV export's dates. */

/** A calendar month, 年-月 (the figures' month: a studio's, the town's). */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 年-月，例如 2026-11');

/** GET /studios/{studioId}/stats?month=&category= */
export const statsQuery = z.object({ month: monthSchema, category: z.string().max(20).optional() }).strict();
export type StatsQuery = z.infer<typeof statsQuery>;

export const statsResponse = z.object({
  month: z.string(),
  category: z.string().optional(),
  received: z.number().int(),
  accepted: z.number().int(),
  replied: z.number().int(),
  resolved: z.number().int(),
  /** Of the resolved, closed as 已解决 (解决率 counts only these). */
  fixed: z.number().int(),
  rated: z.number().int(),
  /** Rates 0–1, or null when nothing to divide by. */
  responseRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  medianHoursToFirstReply: z.number().nullable(),
  overdue: z.number().int(),
  /** Of those, chased by their resident (催办), and reported to the admin by the daily job for being long overdue. */
  chased: z.number().int(),
  escalated: z.number().int(),
  /** 大事 by the department they were handed on to: received, replied in time, closed as 已解决, overdue now. */
  byDepartment: z.array(
    z.object({
      department: z.string(),
      /** Set for a department of the studio's list (its figures are keyed by it, whatever it is called now). */
      departmentId: idSchema.optional(),
      handedOn: z.number().int(),
      replied: z.number().int(),
      fixed: z.number().int(),
      overdue: z.number().int(),
      resolutionRate: z.number().nullable(),
      /** 响应: hand-ons acknowledged (签收) by the department, and of those within a working day of being handed on. */
      acknowledged: z.number().int().optional(),
      acknowledgedInTime: z.number().int().optional(),
      /** acknowledgedInTime / handed-ons to the list's department, 0–1 (null when none). */
      responseRate: z.number().nullable().optional(),
    }),
  ),
  /** The month's matters by the grid (网格 / 院落) they were raised in, by the studio's definitions; those without a grid are left out. */
  byGrid: z.array(
    z.object({
      gridId: idSchema,
      grid: z.string(),
      received: z.number().int(),
      responseRate: z.number().nullable(),
      resolutionRate: z.number().nullable(),
      satisfactionRate: z.number().nullable(),
    }),
  ),
});
export type StatsResponse = z.infer<typeof statsResponse>;

/** GET /studios/{studioId}/submissions.csv?from=&to= (China dates, at most a year). */
export const exportQuery = z
  .object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '开始日期格式应为 年-月-日'), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '结束日期格式应为 年-月-日') })
  .strict()
  .refine((q) => q.from <= q.to, { path: ['to'], message: '结束日期应不早于开始日期' });
export type ExportQuery = z.infer<typeof exportQuery>;
