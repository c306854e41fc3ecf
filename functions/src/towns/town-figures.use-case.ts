import type { StudioFiguresRow, TownFiguresQuery, TownFiguresView } from '@shared/schemas/towns';
import { kpiSubmissionOf, studioKpis } from '@shared/submission/lifecycle';
import type { Principal } from '../auth/session-tokens';
import { FileResponse } from '../http/file-response';
import { kpiLimits } from '../submissions/due-dates';
import { csvCell } from '../submissions/submissions-csv';
import { forEachConcurrently } from '../data/concurrently';
import type { TownStudio } from './town.repository';
import type { StandMonthFigures } from '../stands/stand-figures.repository';
import type { TownsDeps } from './deps';
import { requireTownAdmin, townView } from './towns.use-case';

async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  await forEachConcurrently(items, limit, async (item, i) => {
    out[i] = await work(item);
  });
  return out;
}

/**
 * One studio's month: its submissions' figures from the month's index (42: `STUDIO#id#MONTH#m`, the studio's own
 * statistics read the same; the rates and 超期 depend on the clock, so they are computed, not stored), and its stands'
 * bookings, served and no-shows from the studio's month item (170, read for every studio at once).
 */
async function figuresOf(deps: TownsDeps, studio: TownStudio, month: string, stands: StandMonthFigures | undefined): Promise<StudioFiguresRow> {
  const items = await deps.submissions.listOfStudioMonth(studio.studioId, month);
  const kpis = studioKpis(items.map(kpiSubmissionOf), deps.now(), kpiLimits);
  return {
    studioId: studio.studioId,
    name: studio.name,
    received: kpis.received,
    responseRate: kpis.responseRate,
    resolutionRate: kpis.resolutionRate,
    satisfactionRate: kpis.satisfactionRate,
    overdue: kpis.overdue,
    bookings: stands?.bookings ?? 0,
    served: stands?.served ?? 0,
    noShows: stands?.noShows ?? 0,
  };
}

/**
 * 镇街工作台: every studio of the town side by side for a month (响应率/解决率/满意率, overdue, bookings, served, no-shows).
 * The town's studios (135), one BatchGetItem of their stands' month items (171), and per studio its month's
 * submissions (42) — Queries and Gets on keys, never a Scan, and no stand's entries read.
 */
export async function getTownFigures(deps: TownsDeps, principal: Principal, townId: string, query: TownFiguresQuery): Promise<TownFiguresView> {
  const town = await requireTownAdmin(deps, principal, townId);
  const studios = await deps.towns.listStudios(townId);
  const stands = await deps.standFigures.monthOfStudios(studios.map((s) => s.studioId), query.month);
  const rows = await inParallel(studios, 3, (s) => figuresOf(deps, s, query.month, stands.get(s.studioId)));
  rows.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  return { town: townView(town), month: query.month, studios: rows };
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
export const TOWN_CSV_HEADER = ['工作室', '收到意见', '响应率', '解决率', '满意率', '超期', '预约', '已服务', '爽约'];

/** The same figures as a CSV (UTF-8 with a BOM so that Excel shows the Chinese; every cell neutralised). */
export function townFiguresCsv(rows: StudioFiguresRow[]): string {
  const lines = rows.map((r) => [r.name, String(r.received), percent(r.responseRate), percent(r.resolutionRate), percent(r.satisfactionRate), String(r.overdue), String(r.bookings), String(r.served), String(r.noShows)]);
  return `\uFEFF${[TOWN_CSV_HEADER, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export async function exportTownFigures(deps: TownsDeps, principal: Principal, townId: string, query: TownFiguresQuery): Promise<FileResponse> {
  const view = await getTownFigures(deps, principal, townId, query);
  return new FileResponse(Buffer.from(townFiguresCsv(view.studios), 'utf8'), 'text/csv; charset=utf-8', `${view.town.name}_各工作室_${query.month}.csv`);
}
