import { acceptDueDateOf, formatRate, isSubmissionOverdue, studioKpis, type KpiLimits, type KpiSubmission } from './lifecycle';
import { CHINA_HOLIDAYS_2026 } from './working-days';

// The studio's measured results (响应率, 解决率, 满意率, median hours to the first reply, overdue) on a hand-checked sample.
describe('studioKpis', () => {
  /*
   * A hand-made sample around 国庆 2026 (10-01 … 10-07 off, Saturday 10-10 worked). Accept limit: 1 working day.
   * `now` is Monday 2026-10-12 10:00 in China. China time = UTC + 8.
   *
   *  #  created (China)       accept due   accepted (China)      on time  first reply  status     rating      overdue
   *  1  Wed 09-30 10:00       10-08        Thu 10-08 09:00       yes      216 h        resolved   满意        no
   *  2  Fri 10-09 09:00       10-10 (调休)  Mon 10-12 09:00       no       —            handed_on  —           yes (reply due 10-10)
   *  3  Thu 10-08 10:00       10-09        Thu 10-08 11:00       yes      12 h         resolved   不满意      no
   *  4  Sat 10-10 00:30 *     10-12        —                     —        —            submitted  —           no (due today)
   *  5  Mon 09-28 10:00       09-29        —                     —        —            submitted  —           yes
   *  6  Tue 10-06 10:00 (假)  10-08        Fri 10-09 10:00       no       96 h         replied    —           no (replied)
   *  7  Sat 10-10 10:00       10-10 (own)  Sat 10-10 16:00       yes      24 h         resolved   基本满意    no
   *  8  Sat 10-10 11:00       10-12        Sat 10-10 12:00       yes      6 h          reopened   不满意      no (reply due today)
   *  * still Friday 10-09 in UTC: the accept due date must come from the China date.
   *
   *  received 8; accepted 6, of which on time 4 → 响应率 4/8 = 0.5; replied 5, hours 6 12 24 96 216 → median 24;
   *  resolved 3 → 解决率 3/8 = 0.375; rated 4, 满意 + 基本满意 = 2 → 满意率 0.5; overdue 2 (#2, #5).
   */
  const limits: KpiLimits = { acceptWorkingDays: 1, calendar: CHINA_HOLIDAYS_2026 };
  const now = '2026-10-12T02:00:00Z';
  const sample: KpiSubmission[] = [
    { status: 'resolved', createdAt: '2026-09-30T02:00:00Z', acceptedAt: '2026-10-08T01:00:00Z', firstReplyAt: '2026-10-09T02:00:00Z', rating: 'satisfied', replyDueDate: '2026-10-20' },
    { status: 'handed_on', createdAt: '2026-10-09T01:00:00Z', acceptedAt: '2026-10-12T01:00:00Z', replyDueDate: '2026-10-10' },
    { status: 'resolved', createdAt: '2026-10-08T02:00:00Z', acceptedAt: '2026-10-08T03:00:00Z', firstReplyAt: '2026-10-08T14:00:00Z', rating: 'dissatisfied' },
    { status: 'submitted', createdAt: '2026-10-09T16:30:00Z' },
    { status: 'submitted', createdAt: '2026-09-28T02:00:00Z', acceptedAt: null, firstReplyAt: null, rating: null },
    { status: 'replied', createdAt: '2026-10-06T02:00:00Z', acceptedAt: '2026-10-09T02:00:00Z', firstReplyAt: '2026-10-10T02:00:00Z', replyDueDate: '2026-10-09' },
    { status: 'resolved', createdAt: '2026-10-10T02:00:00Z', acceptDueDate: '2026-10-10', acceptedAt: '2026-10-10T08:00:00Z', firstReplyAt: '2026-10-11T02:00:00Z', rating: 'basically_satisfied' },
    { status: 'reopened', createdAt: '2026-10-10T03:00:00Z', acceptedAt: '2026-10-10T04:00:00Z', firstReplyAt: '2026-10-10T09:00:00Z', rating: 'dissatisfied', replyDueDate: '2026-10-12' },
  ];

  it('works out accept due dates from the China date of creation, unless the item has its own', () => {
    expect(sample.map((item) => acceptDueDateOf(item, limits))).toEqual([
      '2026-10-08',
      '2026-10-10',
      '2026-10-09',
      '2026-10-12',
      '2026-09-29',
      '2026-10-08',
      '2026-10-10',
      '2026-10-12',
    ]);
  });

  it('computes the KPIs of the hand-made sample', () => {
    expect(studioKpis(sample, now, limits)).toEqual({
      received: 8,
      accepted: 6,
      replied: 5,
      resolved: 3,
      fixed: 3,
      rated: 4,
      responseRate: 0.5,
      resolutionRate: 0.375,
      satisfactionRate: 0.5,
      medianHoursToFirstReply: 24,
      overdue: 2,
    });
  });

  it('counts in 解决率 only what was closed as 已解决 (none recorded: closed before outcomes were, 已解决)', () => {
    const closed = sample.map((item, i) => (item.status === 'resolved' && i === 0 ? { ...item, closure: 'cannot_fix' as const } : item));
    expect(studioKpis(closed, now, limits)).toMatchObject({ resolved: 3, fixed: 2, resolutionRate: 0.25 });
  });

  it('takes the mean of the two middle values for an even number of replies', () => {
    // Without #1 (216 h): 6 12 24 96 → (12 + 24) / 2 = 18.
    expect(studioKpis(sample.slice(1), now, limits).medianHoursToFirstReply).toBe(18);
  });

  it('counts what is overdue at the China date of now', () => {
    const overdueAt = (instant: string) => sample.filter((item) => isSubmissionOverdue(item, instant, limits)).length;
    expect(overdueAt('2026-10-12T15:59:59Z')).toBe(2); // Monday 23:59:59 in China
    expect(overdueAt('2026-10-12T16:00:00Z')).toBe(4); // Tuesday 00:00 in China: #4 (accept) and #8 (reply) too
    expect(isSubmissionOverdue(sample[5], '2027-01-01T00:00:00Z', limits)).toBe(false); // replied
    expect(isSubmissionOverdue(sample[0], '2027-01-01T00:00:00Z', limits)).toBe(false); // resolved
    expect(isSubmissionOverdue({ status: 'accepted', createdAt: '2026-10-08T02:00:00Z' }, '2027-01-01T00:00:00Z', limits)).toBe(false); // no reply due date
  });

  it('holds a 紧急 matter to its hours as well as its dates', () => {
    const urgent = { status: 'submitted' as const, createdAt: '2026-10-12T01:00:00Z', acceptDueDate: '2026-10-14', acceptDueAt: '2026-10-12T03:00:00Z', actDueAt: '2026-10-13T01:00:00Z' }
    expect(isSubmissionOverdue(urgent, '2026-10-12T02:59:00Z', limits)).toBe(false)
    expect(isSubmissionOverdue(urgent, '2026-10-12T03:01:00Z', limits)).toBe(true) // 2 hours passed, the date has not
    const accepted = { ...urgent, status: 'accepted' as const, replyDueDate: '2026-10-29' }
    expect(isSubmissionOverdue(accepted, '2026-10-12T20:00:00Z', limits)).toBe(false)
    expect(isSubmissionOverdue(accepted, '2026-10-13T01:01:00Z', limits)).toBe(true) // 24 hours
    expect(isSubmissionOverdue({ ...accepted, status: 'replied' as const }, '2026-10-20T00:00:00Z', limits)).toBe(false)
  })

  it('gives null rates for an empty period', () => {
    expect(studioKpis([], now, limits)).toEqual({
      received: 0,
      accepted: 0,
      replied: 0,
      resolved: 0,
      fixed: 0,
      rated: 0,
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      medianHoursToFirstReply: null,
      overdue: 0,
    });
  });

  it('formats rates for people', () => {
    expect(formatRate(0.5)).toBe('50%');
    expect(formatRate(6 / 7)).toBe('85.7%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(null)).toBe('—');
  });
});
