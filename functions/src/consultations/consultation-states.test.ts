import { CONSULTATION_STATUSES, CONSULTATION_STEPS } from '@shared/schemas/consultations';
import { checkStep, recordRefusal, signUpRefusal, timelineTextOf } from './consultation-states';

describe('a consultation moves planned → held → result_published, or planned → cancelled', () => {
  it('allows each step from exactly one status', () => {
    const allowed = CONSULTATION_STEPS.flatMap((step) => CONSULTATION_STATUSES.filter((s) => checkStep(s, step).ok).map((s) => `${step}:${s}`));
    expect(allowed).toEqual(['cancel:planned', 'record:planned', 'publish_result:held', 'sign_up:planned', 'withdraw:planned']);
  });

  it('names the next status and gives a Chinese reason when refused', () => {
    expect(checkStep('planned', 'record')).toEqual({ ok: true, to: 'held' });
    expect(checkStep('held', 'publish_result')).toEqual({ ok: true, to: 'result_published' });
    expect(checkStep('planned', 'cancel')).toEqual({ ok: true, to: 'cancelled' });
    expect(checkStep('cancelled', 'record')).toEqual({ ok: false, reason: expect.stringContaining('不能再记录') });
    expect(checkStep('planned', 'publish_result')).toEqual({ ok: false, reason: expect.stringContaining('落实结果') });
    expect(checkStep('result_published', 'cancel').ok).toBe(false);
  });
});

describe('signing up', () => {
  const planned = { status: 'planned' as const, date: '2026-12-10', signedUp: 2 };
  it('is open until the end of the meeting day while seats remain', () => {
    expect(signUpRefusal(planned, '2026-12-10')).toBeUndefined();
    expect(signUpRefusal({ ...planned, capacity: 3 }, '2026-12-01')).toBeUndefined();
  });
  it('is refused after the day, when full, or once the meeting is held or cancelled', () => {
    expect(signUpRefusal(planned, '2026-12-11')).toBe('协商日期已过，不能报名');
    expect(signUpRefusal({ ...planned, capacity: 2 }, '2026-12-01')).toBe('报名人数已满');
    expect(signUpRefusal({ ...planned, status: 'held' }, '2026-12-01')).toContain('不能报名');
    expect(signUpRefusal({ ...planned, status: 'cancelled' }, '2026-12-01')).toContain('不能报名');
  });
});

describe('recording the meeting', () => {
  it('waits for the meeting day', () => {
    expect(recordRefusal({ status: 'planned', date: '2026-12-10' }, '2026-12-09')).toContain('日期未到');
    expect(recordRefusal({ status: 'planned', date: '2026-12-10' }, '2026-12-10')).toBeUndefined();
    expect(recordRefusal({ status: 'held', date: '2026-12-10' }, '2026-12-12')).toContain('不能再记录');
  });
});

describe('the timeline of a linked submission', () => {
  const c = { topic: '小区停车难', date: '2026-12-10', time: '19:00', place: '社区议事厅', decision: '划定夜间临时车位', result: '已划线 40 个车位' };
  it('says when the 协商 is called, what it decided, and what came of it', () => {
    expect(timelineTextOf('planned', c)).toBe('将召开议事协商：「小区停车难」，2026-12-10 19:00，社区议事厅');
    expect(timelineTextOf('held', c)).toBe('已召开议事协商：「小区停车难」，协商决定：划定夜间临时车位');
    expect(timelineTextOf('result_published', c)).toBe('议事协商「小区停车难」落实结果：已划线 40 个车位');
  });
});
