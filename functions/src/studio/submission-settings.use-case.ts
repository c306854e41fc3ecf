import { DEFAULT_SUBMISSION_CATEGORIES, type SubmissionSettingsRequest, type SubmissionSettingsResponse } from '@shared/schemas/submission';
import { DEFAULT_HOLIDAY_CALENDAR, mergeHolidayCalendars, type HolidayCalendar } from '@shared/submission/working-days';
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
};

/** A studio's categories and limits (its own, or the defaults) — public: the submission form needs them. */
export async function getSubmissionSettings(deps: Pick<StudioDeps, 'studios'>, studioId: string): Promise<SubmissionSettingsResponse> {
  if (!(await deps.studios.getStudio(studioId))) throw new NotFoundError('没有找到这个工作室');
  const own = await deps.studios.getSubmissionSettings(studioId);
  return own ? { categories: own.categories, holidays: own.holidays, workdays: own.workdays } : DEFAULT_SETTINGS;
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
 * read (pattern 46; the defaults when it has none). Undefined for a category the studio does not have.
 */
export function limitsOf(own: Pick<SubmissionSettingsResponse, 'categories' | 'holidays' | 'workdays'> | undefined, category: string): { acceptDays: number; replyDays: number; calendar: HolidayCalendar } | undefined {
  const settings = own ?? DEFAULT_SETTINGS;
  const found = settings.categories.find((c) => c.name === category);
  if (!found) return undefined;
  return { acceptDays: found.acceptDays, replyDays: found.replyDays, calendar: mergeHolidayCalendars(DEFAULT_HOLIDAY_CALENDAR, { holidays: settings.holidays, workdays: settings.workdays }) };
}
