import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { chinaInstant } from '@shared/time';
import { runHolidayCommand } from '../../../scripts/holiday-calendar';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { testDynamoEndpoint } from '../../../test/support/tables';
import { submit } from '../submissions/submissions.use-case';
import { enterHolidayYear } from './holiday-calendar.use-case';
import { getSubmissionSettings } from './submission-settings.use-case';

// The national holiday calendar as data (DynamoDB Local): the demo enters 2026; from 1 November the admin is warned
// that 2027 is missing and a deadline reaching into 2027 counts weekends only and says so; once an operator enters
// 2027 (`npm run holidays`), new deadlines count its 元旦 and 春节.
describe('the national holiday calendar (DynamoDB Local)', () => {
  const Y2027 = {
    source: '测试用：2027年节假日安排（按国务院办公厅通知录入）',
    holidays: ['2027-01-01', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
    workdays: ['2027-02-06'],
  };
  const ask = { category: '环境卫生', text: '菜场东门的垃圾桶满了好几天没人清理', place: '洛社菜场东门', public: true };

  it('warns from November, marks the deadlines counted without 2027, and counts 2027 once it is entered', async () => {
    const f = await bookingFixture();
    const studioId = f.seed.studioId;
    const [resident] = await f.newResidents(1);
    const at = (instant: string) => ({ ...f.deps, now: () => new Date(instant) });
    const december = at(chinaInstant('2026-12-21', '10:00')); // a Monday

    expect((await getSubmissionSettings(at(chinaInstant('2026-10-31', '10:00')), studioId)).national).toEqual({
      years: [{ year: 2026, entered: true, source: expect.stringContaining('2026') }, { year: 2027, entered: false }],
    });
    const settings = await getSubmissionSettings(december, studioId);
    expect(settings.national?.warning).toMatch(/^2027年的国家法定节假日安排还没有录入/);

    // 13 working days from Monday 21 December without 2027's calendar: 1 January counts as a working day
    const before = await submit(december, resident!, { ...ask, studioId, requestId: ulid() });
    expect(before.replyDueDate).toBe('2027-01-07');
    expect(before.dueDateNote).toBe('2027年的法定节假日安排尚未录入，这个期限只按周末计算');

    // a wrong entry is refused as a whole and changes nothing
    expect(await failureOf(enterHolidayYear(december, 2027, { ...Y2027, workdays: ['2027-02-10'] }, 'operator:test'))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { holidays: expect.stringContaining('调休上班日应是周末') } });
    expect(await failureOf(enterHolidayYear(december, 2027, { ...Y2027, holidays: ['2026-12-31'] }, 'operator:test'))).toMatchObject({ fields: { holidays: '2026-12-31 不在 2027 年' } });
    expect(await f.deps.holidayCalendars.get(2027)).toBeUndefined();

    // the operator's command enters it (the same checks), then new deadlines count 元旦
    const file = join(tmpdir(), `holidays-2027-${ulid()}.json`);
    writeFileSync(file, JSON.stringify(Y2027));
    const printed: string[] = [];
    await runHolidayCommand(['put', '2027', file], { TABLE_NAME: f.tableName, DYNAMODB_ENDPOINT: testDynamoEndpoint(), AWS_REGION: 'local', USER: 'tester' }, (l) => printed.push(l));
    expect(printed).toEqual([`已录入2027年：放假 6 天（工作日），调休上班 1 天 — ${Y2027.source}`]);
    expect(await f.deps.holidayCalendars.get(2027)).toMatchObject({ year: 2027, updatedBy: 'operator:tester' });

    const after = await submit(december, resident!, { ...ask, studioId, text: '村口路灯坏了三盏，晚上很黑', requestId: ulid() });
    expect(after.replyDueDate).toBe('2027-01-08');
    expect(after.dueDateNote).toBeUndefined();
    expect((await getSubmissionSettings(december, studioId)).national).toEqual({
      years: [{ year: 2026, entered: true, source: expect.any(String) }, { year: 2027, entered: true, source: Y2027.source }],
    });
    // the first keeps its date and its note
    expect((await f.deps.submissions.get(before.id))?.replyDueDate).toBe('2027-01-07');
  }, 60_000);
});
