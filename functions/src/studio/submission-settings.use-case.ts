import { DEFAULT_ESCALATE_AFTER_DAYS, DEFAULT_SUBMISSION_CATEGORIES, type SubmissionSettingsRequest, type SubmissionSettingsResponse } from '@shared/schemas/submission';
import { calendarOfYears, calendarWarning, yearsAround, type HolidayYear } from '@shared/submission/holiday-years';
import type { HolidayCalendar } from '@shared/submission/working-days';
import type { Principal } from '../auth/session-tokens';
import { NotFoundError } from '../errors';
import { requireStudioRole } from '../policy';
import { recordAudit } from '../audit/audit.use-case';
import type { StudioDeps } from './deps';

/**
 * Time limits in working days (DOMAIN.md: same day for emergencies, 3 for consultations, 13 for suggestions):
 * the defaults a studio starts with until its admin sets its own.
 */
const DEFAULT_LIMITS: Record<string, { acceptDays: number; replyDays: number }> = { 治安安全: { acceptDays: 0, replyDays: 3 } };
export const DEFAULT_SETTINGS: SubmissionSettingsResponse = {
  categories: DEFAULT_SUBMISSION_CATEGORIES.map((name) => ({ name, ...(DEFAULT_LIMITS[name] ?? { acceptDays: 2, replyDays: 13 }) })),
  holidays: [],
  workdays: [],
  escalateAfterDays: DEFAULT_ESCALATE_AFTER_DAYS,
};

/** A studio's categories and limits (its own, or the defaults) — public: the submission form needs them. */
export async function getSubmissionSettings(deps: Pick<StudioDeps, 'studios' | 'holidayCalendars' | 'batch' | 'now'>, studioId: string): Promise<SubmissionSettingsResponse> {
  const now = deps.now();
  const years = yearsAround(now);
  const { studio, own, thisYear, nextYear } = await deps.batch.read({
    studio: deps.studios.studioRead(studioId),
    own: deps.studios.submissionSettingsRead(studioId),
    thisYear: deps.holidayCalendars.yearRead(years[0]),
    nextYear: deps.holidayCalendars.yearRead(years[1]),
  });
  if (!studio) throw new NotFoundError('没有找到这个工作室');
  const entries = [thisYear, nextYear];
  const warning = calendarWarning(now, entries.filter((e) => !!e).map((e) => e!.year));
  const national = { years: years.map((year, i) => ({ year, entered: !!entries[i], ...(entries[i] ? { source: entries[i]!.source } : {}) })), ...(warning ? { warning } : {}) };
  return { ...(own ? { categories: own.categories, holidays: own.holidays, workdays: own.workdays, escalateAfterDays: own.escalateAfterDays ?? DEFAULT_ESCALATE_AFTER_DAYS } : DEFAULT_SETTINGS), national };
}

/** The studio's admin sets its categories, their limits, and extra days off / 调休 on top of the national calendar. */
export async function saveSubmissionSettings(deps: StudioDeps, principal: Principal, studioId: string, request: SubmissionSettingsRequest): Promise<SubmissionSettingsResponse> {
  requireStudioRole(principal, studioId, 'administer');
  await deps.studios.putSubmissionSettings(studioId, { ...request, updatedAt: deps.now().toISOString() });
  await recordAudit(deps, principal, studioId, 'settings_changed', `意见类别与时限：${request.categories.map((c) => c.name).join('、')}；另设节假日 ${request.holidays.length} 天、调休上班 ${request.workdays.length} 天`);
  return getSubmissionSettings(deps, studioId);
}

/**
 * What a submission of a category is held to — its limits and the working-day calendar — under a studio's settings as
 * read (pattern 46; the defaults when it has none) and the national calendar's entries of the years around (103; a
 * year without one counts weekends only: `missingYears`). Undefined for a category the studio does not have.
 */
export function limitsOf(
  own: Pick<SubmissionSettingsResponse, 'categories' | 'holidays' | 'workdays'> | undefined,
  category: string,
  national: { years: number[]; entries: (HolidayYear | undefined)[] },
): { acceptDays: number; replyDays: number; calendar: HolidayCalendar; missingYears: number[] } | undefined {
  const settings = own ?? DEFAULT_SETTINGS;
  const found = settings.categories.find((c) => c.name === category);
  if (!found) return undefined;
  const { calendar, missing } = calendarOfYears(national.years, national.entries, { holidays: settings.holidays, workdays: settings.workdays });
  return { acceptDays: found.acceptDays, replyDays: found.replyDays, calendar, missingYears: missing };
}
