import { ulid } from 'ulid';
import { addWorkingDays, DEFAULT_HOLIDAY_CALENDAR, mergeHolidayCalendars } from '@shared/submission/working-days';
import { addDays, chinaDate } from '@shared/time';
import { submit } from '../submissions/submissions.use-case';
import { getSubmissionSettings, saveSubmissionSettings } from './submission-settings.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';

// Each studio's own categories and working-day limits, with its extra days off (DynamoDB Local).
describe('a studio’s categories and time limits (DynamoDB Local)', () => {
  it('starts from the defaults, and holds submissions to the limits and days off its admin sets', async () => {
    const f = await bookingFixture(new Date());
    const defaults = await getSubmissionSettings(f.deps, f.seed.studioId);
    expect(defaults.categories.map((c) => c.name)).toEqual(['环境卫生', '道路交通', '治安安全', '民生服务', '邻里纠纷', '其他']);
    expect(defaults.categories.find((c) => c.name === '治安安全')).toEqual({ name: '治安安全', acceptDays: 0, replyDays: 3 });

    const today = chinaDate(new Date());
    const dayOff = addDays(today, 1);
    await saveSubmissionSettings(f.deps, f.principalOf('admin'), f.seed.studioId, { categories: [{ name: '农田水利', acceptDays: 1, replyDays: 5 }], holidays: [dayOff], workdays: [], escalateAfterDays: 5 });
    expect((await getSubmissionSettings(f.deps, f.seed.studioId)).escalateAfterDays).toBe(5);
    expect((await getSubmissionSettings(f.deps, f.seed.studioId)).categories).toEqual([{ name: '农田水利', acceptDays: 1, replyDays: 5 }]);

    const [resident] = await f.newResidents(1);
    const view = await submit(f.deps, resident, { requestId: ulid(), studioId: f.seed.studioId, category: '农田水利', text: '北圩的灌溉渠堵了，秧田进不了水', public: true });
    const calendar = mergeHolidayCalendars(DEFAULT_HOLIDAY_CALENDAR, { holidays: [dayOff], workdays: [] });
    expect(view.replyDueDate).toBe(addWorkingDays(new Date(view.createdAt), 5, calendar));
    // The studio's day off tomorrow pushes the due date one working day later (tomorrow would otherwise count, unless
    // it is already a weekend or holiday).
    const withoutDayOff = addWorkingDays(new Date(view.createdAt), 5, DEFAULT_HOLIDAY_CALENDAR);
    expect(view.replyDueDate >= withoutDayOff).toBe(true);

    expect(await failureOf(submit(f.deps, resident, { requestId: ulid(), studioId: f.seed.studioId, category: '环境卫生', text: '旧类别已经不在列表里了', public: true }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { category: '请选择列表中的类别' } });
    expect(await failureOf(saveSubmissionSettings(f.deps, f.principalOf('rep1'), f.seed.studioId, { categories: [{ name: '其他', acceptDays: 1, replyDays: 2 }], holidays: [], workdays: [], escalateAfterDays: 3 }))).toMatchObject({ code: 'FORBIDDEN' });
  }, 60_000);
});
