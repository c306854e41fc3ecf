import type { ExportQuery, OnBehalfRequest, StatsQuery, StatsResponse, StudioSubmissionView } from '@shared/schemas/submission';
import { kpiSubmissionOf, studioKpis } from '@shared/submission/lifecycle';
import { chinaDate, monthsBetween } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import type { Submission } from './submission.repository';
import { ValidationError } from '../errors';
import { mayActFor, requireStudioRole } from '../policy';
import { recordAudit } from '../audit/audit.use-case';
import { FileResponse } from '../http/file-response';
import type { SubmissionsDeps } from './deps';
import { photoViews } from './photos.use-case';
import { storeNewSubmission, viewOf } from './submissions.use-case';
import { getStudioSubmission } from './submission-desk.use-case';
import { kpiLimits } from './due-dates';
import { workingDaysBetween } from '@shared/submission/working-days';
import { submissionsCsv } from './submissions-csv';

/**
 * 代填: staff or a representative enter a submission for a resident without a phone (e.g. from a paper opinion
 * form), marked with its source. It has no resident account, so the resident follows it through the studio.
 */
export async function submitOnBehalf(deps: SubmissionsDeps, principal: Principal, studioId: string, request: OnBehalfRequest): Promise<StudioSubmissionView> {
  requireStudioRole(principal, studioId, 'serve');
  const { requestId, sourceNote, ...fields } = request;
  const { id } = await storeNewSubmission(deps, principal, studioId, fields, { source: 'on_behalf', sourceNote, enteredBy: principal.userId }, requestId);
  // Staff who entered it may not be representatives; they get the resident-facing fields back.
  if (!mayActFor(principal, studioId, 'answer')) {
    const saved = (await deps.submissions.get(id))!;
    const photos = await photoViews(deps, saved.photos);
    return { ...viewOf(saved, await deps.submissions.listEvents(id)), ...(photos ? { photos } : {}), acceptDueDate: saved.acceptDueDate, contentHeld: saved.contentVerdict === 'review', notes: [], allowedActions: [], seconds: 0 };
  }
  return getStudioSubmission(deps, principal, studioId, id);
}

/**
 * A studio's results for a month (and optionally a category): received, accepted, replied, resolved,
 * 响应率 / 解决率 / 满意率, median hours to the first reply, overdue — from the month's submissions (one Query).
 */
export async function getStudioStats(deps: SubmissionsDeps, principal: Principal, studioId: string, query: StatsQuery): Promise<StatsResponse> {
  requireStudioRole(principal, studioId, 'answer');
  const items = (await deps.submissions.listOfStudioMonth(studioId, query.month)).filter((s) => !query.category || s.category === query.category);
  const kpis = studioKpis(
    items.map(kpiSubmissionOf),
    deps.now(),
    kpiLimits,
  );
  const chased = items.filter((s) => s.chasedAt).length;
  const escalated = items.filter((s) => s.escalatedAt).length;
  // per department: the 大事 handed on to it (its own figures, by the same rules as the studio's) — keyed by the
  // list's department when it is one (whatever it is called now), by the name typed otherwise
  const keyOf = (s: Submission) => s.departmentId ?? `name:${s.department}`;
  const groups = new Map<string, Submission[]>();
  for (const s of items.filter((i) => i.department)) groups.set(keyOf(s), [...(groups.get(keyOf(s)) ?? []), s]);
  const byDepartment = [...groups.values()]
    .map((theirs) => departmentFigures(theirs, deps.now()))
    .sort((a, b) => a.department.localeCompare(b.department, 'zh'));
  return { month: query.month, ...(query.category ? { category: query.category } : {}), ...kpis, chased, escalated, byDepartment, byGrid: gridFigures(items, deps.now()) };
}

/** Per grid (网格 / 院落) of the month: matters raised, 响应率, 解决率, 满意率 — the studio's definitions on the grid's matters. */
export function gridFigures(items: readonly Submission[], now: Date): StatsResponse['byGrid'] {
  const groups = new Map<string, Submission[]>();
  for (const s of items) if (s.gridId) groups.set(s.gridId, [...(groups.get(s.gridId) ?? []), s]);
  return [...groups.entries()]
    .map(([gridId, theirs]) => {
      const kpis = studioKpis(theirs.map(kpiSubmissionOf), now, kpiLimits);
      const grid = theirs[theirs.length - 1]!.gridName ?? '网格';
      return { gridId, grid, received: kpis.received, responseRate: kpis.responseRate, resolutionRate: kpis.resolutionRate, satisfactionRate: kpis.satisfactionRate };
    })
    .sort((a, b) => b.received - a.received || a.grid.localeCompare(b.grid, 'zh'));
}

/** 响应: a hand-on 签收 within this many working days of being handed on counts as in time. */
const ACKNOWLEDGE_WORKING_DAYS = 1;

/** One department's figures: received, replied, 已解决 and overdue as the studio's; 响应 from its hand-ons. */
function departmentFigures(theirs: Submission[], now: Date): StatsResponse['byDepartment'][number] {
  const kpis = studioKpis(theirs.map(kpiSubmissionOf), now, kpiLimits);
  const latest = theirs[theirs.length - 1]!;
  const base = { department: latest.department!, handedOn: kpis.received, replied: kpis.replied, fixed: kpis.fixed, overdue: kpis.overdue, resolutionRate: kpis.resolutionRate };
  if (!latest.departmentId) return base;
  const handOns = theirs.map((s) => s.handOn).filter((h) => h?.departmentId === latest.departmentId);
  const acknowledged = handOns.filter((h) => h!.acknowledgedAt);
  const inTime = acknowledged.filter((h) => workingDaysBetween(chinaDate(h!.handedAt), chinaDate(h!.acknowledgedAt!), kpiLimits.calendar) <= ACKNOWLEDGE_WORKING_DAYS).length;
  return { ...base, department: latest.handOn?.department ?? base.department, departmentId: latest.departmentId, acknowledged: acknowledged.length, acknowledgedInTime: inTime, responseRate: handOns.length ? inTime / handOns.length : null };
}

/** CSV of a studio's submissions in a date range, phones masked, with a UTF-8 BOM so Excel shows the Chinese. */
export async function exportSubmissionsCsv(deps: SubmissionsDeps, principal: Principal, studioId: string, query: ExportQuery): Promise<FileResponse> {
  requireStudioRole(principal, studioId, 'answer');
  const months = monthsBetween(query.from, query.to);
  if (months.length > 12) throw new ValidationError({ to: '一次最多导出 12 个月' });
  const rows: Submission[] = [];
  for (const month of months) rows.push(...(await deps.submissions.listOfStudioMonth(studioId, month)));
  const inRange = rows
    .filter((s) => chinaDate(s.createdAt) >= query.from && chinaDate(s.createdAt) <= query.to)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  await recordAudit(deps, principal, studioId, 'csv_exported', `导出 ${query.from} 至 ${query.to} 的意见建议 ${inRange.length} 条（手机号已遮蔽）`);
  // phones are kept in their own items, and only for a while (privacy/retention.ts); the CSV masks them
  const phones = await deps.submissions.contactsOf(inRange, deps.now());
  const csv = submissionsCsv(inRange.map((s) => (phones.has(s.id) ? { ...s, phone: phones.get(s.id)! } : s)));
  return new FileResponse(Buffer.from(csv, 'utf8'), 'text/csv; charset=utf-8', `意见建议_${query.from}_${query.to}.csv`);
}
