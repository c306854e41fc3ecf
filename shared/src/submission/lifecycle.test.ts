import { SUBMISSION_STATUSES, type SubmissionStatus } from '../schemas/submission';
import {
  allowedActions,
  applyAction,
  nextStatus,
  RATING_LABELS,
  SUBMISSION_ACTION_ACTORS,
  SUBMISSION_ACTION_KINDS,
  SUBMISSION_ACTION_LABELS,
  SUBMISSION_RATINGS,
  SUBMISSION_STATUS_LABELS,
  TRIAGE_DESCRIPTIONS,
  TRIAGE_KINDS,
  TRIAGE_LABELS,
  type SubmissionAction,
  type SubmissionFacts,
  type SubmissionState,
} from './lifecycle';

const FRESH: SubmissionFacts = { reopenedOnce: false, rated: false };
const ALL_FACTS: SubmissionFacts[] = [
  { reopenedOnce: false, rated: false },
  { reopenedOnce: true, rated: false },
  { reopenedOnce: false, rated: true },
  { reopenedOnce: true, rated: true },
];

/** One sample of every action (and every variant that can lead somewhere different). */
const ACTIONS: Record<string, SubmissionAction> = {
  accept: { kind: 'accept' },
  acceptMajor: { kind: 'accept', triage: { triage: 'major', department: '镇交通运输办', dueDate: '2026-12-10' } },
  acceptMinor: { kind: 'accept', triage: { triage: 'minor' } },
  triageMajor: { kind: 'triage', triage: 'major', department: '镇交通运输办', dueDate: '2026-12-10' },
  triageMinor: { kind: 'triage', triage: 'minor' },
  triagePrivate: { kind: 'triage', triage: 'private' },
  replyPublic: { kind: 'reply', public: true },
  replyPrivate: { kind: 'reply', public: false },
  resolve: { kind: 'resolve' },
  rateSatisfied: { kind: 'rate', rating: 'satisfied' },
  rateBasically: { kind: 'rate', rating: 'basically_satisfied' },
  rateDissatisfied: { kind: 'rate', rating: 'dissatisfied' },
  chase: { kind: 'chase' },
};
type ActionName = keyof typeof ACTIONS;

/** Expected outcome with fresh facts: a status, or `✗` + the refusal reason. Written out by hand. */
const EXPECTED: Record<SubmissionStatus, Record<ActionName, string>> = {
  submitted: {
    accept: 'accepted',
    acceptMajor: 'handed_on',
    acceptMinor: 'accepted',
    triageMajor: '✗还没有受理，不能分流交办',
    triageMinor: '✗还没有受理，不能分流交办',
    triagePrivate: '✗还没有受理，不能分流交办',
    replyPublic: '✗还没有受理，不能答复',
    replyPrivate: '✗还没有受理，不能答复',
    resolve: '✗还没有受理，不能办结',
    rateSatisfied: '✗还没有办结，不能评价',
    rateBasically: '✗还没有办结，不能评价',
    rateDissatisfied: '✗还没有办结，不能评价',
    chase: 'submitted',
  },
  accepted: {
    accept: '✗已经受理过了，不能重复受理',
    acceptMajor: '✗已经受理过了，不能重复受理',
    acceptMinor: '✗已经受理过了，不能重复受理',
    triageMajor: 'handed_on',
    triageMinor: 'accepted',
    triagePrivate: 'accepted',
    replyPublic: 'replied',
    replyPrivate: 'replied',
    resolve: '✗还没有答复，不能办结',
    rateSatisfied: '✗还没有办结，不能评价',
    rateBasically: '✗还没有办结，不能评价',
    rateDissatisfied: '✗还没有办结，不能评价',
    chase: 'accepted',
  },
  handed_on: {
    accept: '✗已经受理并交办了，不能重复受理',
    acceptMajor: '✗已经受理并交办了，不能重复受理',
    acceptMinor: '✗已经受理并交办了，不能重复受理',
    triageMajor: 'handed_on',
    triageMinor: 'accepted',
    triagePrivate: 'accepted',
    replyPublic: 'replied',
    replyPrivate: 'replied',
    resolve: '✗还没有答复，不能办结',
    rateSatisfied: '✗还没有办结，不能评价',
    rateBasically: '✗还没有办结，不能评价',
    rateDissatisfied: '✗还没有办结，不能评价',
    chase: 'handed_on',
  },
  replied: {
    accept: '✗已经答复过了，不能再受理',
    acceptMajor: '✗已经答复过了，不能再受理',
    acceptMinor: '✗已经答复过了，不能再受理',
    triageMajor: '✗已经答复过了，不能再分流交办',
    triageMinor: '✗已经答复过了，不能再分流交办',
    triagePrivate: '✗已经答复过了，不能再分流交办',
    replyPublic: 'replied',
    replyPrivate: 'replied',
    resolve: 'resolved',
    rateSatisfied: '✗还没有办结，不能评价',
    rateBasically: '✗还没有办结，不能评价',
    rateDissatisfied: '✗还没有办结，不能评价',
    chase: '✗已经答复过了，不需要催办',
  },
  resolved: {
    accept: '✗已经办结了，不能再受理',
    acceptMajor: '✗已经办结了，不能再受理',
    acceptMinor: '✗已经办结了，不能再受理',
    triageMajor: '✗已经办结了，不能再分流交办',
    triageMinor: '✗已经办结了，不能再分流交办',
    triagePrivate: '✗已经办结了，不能再分流交办',
    replyPublic: '✗已经办结了，不能再答复',
    replyPrivate: '✗已经办结了，不能再答复',
    resolve: '✗已经办结了，不能重复办结',
    rateSatisfied: 'resolved',
    rateBasically: 'resolved',
    rateDissatisfied: 'reopened',
    chase: '✗已经办结了，不需要催办',
  },
  reopened: {
    accept: '✗已经在重新办理，不需要再受理',
    acceptMajor: '✗已经在重新办理，不需要再受理',
    acceptMinor: '✗已经在重新办理，不需要再受理',
    triageMajor: 'handed_on',
    triageMinor: 'reopened',
    triagePrivate: 'reopened',
    replyPublic: 'replied',
    replyPrivate: 'replied',
    resolve: '✗重新办理后还没有答复，不能办结',
    rateSatisfied: '✗正在重新办理，办结后才能评价',
    rateBasically: '✗正在重新办理，办结后才能评价',
    rateDissatisfied: '✗正在重新办理，办结后才能评价',
    chase: 'reopened',
  },
};

const outcome = (status: SubmissionStatus, action: SubmissionAction, facts: SubmissionFacts) => {
  const t = nextStatus(status, action, facts);
  return t.ok ? t.status : `✗${t.reason}`;
};

describe('nextStatus: every (status, action) pair', () => {
  it('covers every status and every action kind', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...SUBMISSION_STATUSES].sort());
    expect(new Set(Object.values(ACTIONS).map((a) => a.kind))).toEqual(new Set(SUBMISSION_ACTION_KINDS));
  });

  for (const status of SUBMISSION_STATUSES) {
    it(`from ${status} (${SUBMISSION_STATUS_LABELS[status]}) goes where it should or is refused with a reason`, () => {
      const actual = Object.fromEntries(Object.entries(ACTIONS).map(([name, action]) => [name, outcome(status, action, FRESH)]));
      expect(actual).toEqual(EXPECTED[status]);
    });
  }

  it('does not depend on the facts, except for ratings of a resolved submission', () => {
    for (const status of SUBMISSION_STATUSES) {
      for (const [name, action] of Object.entries(ACTIONS)) {
        if (status === 'resolved' && action.kind === 'rate') continue;
        for (const facts of ALL_FACTS) expect([status, name, outcome(status, action, facts)]).toEqual([status, name, EXPECTED[status][name]]);
      }
    }
  });

  it('allows one rating per resolution', () => {
    const rated = { reopenedOnce: false, rated: true };
    for (const rating of SUBMISSION_RATINGS) {
      expect(outcome('resolved', { kind: 'rate', rating }, rated)).toBe('✗已经评价过了，每次办结只能评价一次');
      expect(outcome('resolved', { kind: 'rate', rating }, { reopenedOnce: true, rated: true })).toBe('✗已经评价过了，每次办结只能评价一次');
    }
  });

  it('reopens on 不满意 only once: a second 不满意 just records the rating', () => {
    expect(outcome('resolved', ACTIONS.rateDissatisfied, { reopenedOnce: false, rated: false })).toBe('reopened');
    expect(outcome('resolved', ACTIONS.rateDissatisfied, { reopenedOnce: true, rated: false })).toBe('resolved');
    expect(outcome('resolved', ACTIONS.rateSatisfied, { reopenedOnce: true, rated: false })).toBe('resolved');
  });

  it('gives every refusal in Chinese', () => {
    for (const status of SUBMISSION_STATUSES) {
      for (const action of Object.values(ACTIONS)) {
        for (const facts of ALL_FACTS) {
          const t = nextStatus(status, action, facts);
          if (!t.ok) expect(t.reason).toMatch(/^[\u4e00-\u9fff，、]+$/);
        }
      }
    }
  });
});

describe('nextStatus: the details an action carries', () => {
  const bad = (status: SubmissionStatus, action: unknown) => outcome(status, action as SubmissionAction, FRESH);

  it('needs a department and a real due date to hand on a 大事', () => {
    expect(bad('accepted', { kind: 'triage', triage: 'major', dueDate: '2026-12-10' })).toBe('✗交办大事要写明承办部门');
    expect(bad('accepted', { kind: 'triage', triage: 'major', department: '  ', dueDate: '2026-12-10' })).toBe('✗交办大事要写明承办部门');
    expect(bad('accepted', { kind: 'triage', triage: 'major', department: '镇交通运输办' })).toBe('✗交办大事要定好办理期限');
    expect(bad('accepted', { kind: 'triage', triage: 'major', department: '镇交通运输办', dueDate: '2026-02-30' })).toBe('✗交办大事要定好办理期限');
    expect(bad('submitted', { kind: 'accept', triage: { triage: 'major', department: '' } })).toBe('✗交办大事要写明承办部门');
  });

  it('refuses an unknown triage, rating, visibility, action or status', () => {
    expect(bad('accepted', { kind: 'triage', triage: 'huge' })).toBe('✗请选择大事、小事或私事');
    expect(bad('submitted', { kind: 'accept', triage: {} })).toBe('✗请选择大事、小事或私事');
    expect(bad('resolved', { kind: 'rate', rating: 'great' })).toBe('✗请选择满意、基本满意或不满意');
    expect(bad('accepted', { kind: 'reply' })).toBe('✗请选择答复是否公开');
    expect(bad('accepted', { kind: 'withdraw' })).toBe('✗不支持的操作');
    expect(outcome('closed' as SubmissionStatus, ACTIONS.accept, FRESH)).toBe('✗状态不正确，请刷新后重试');
  });

  it('checks the status before the details', () => {
    expect(bad('submitted', { kind: 'triage', triage: 'major' })).toBe('✗还没有受理，不能分流交办');
    expect(bad('submitted', { kind: 'rate', rating: 'great' })).toBe('✗还没有办结，不能评价');
  });
});

describe('allowedActions', () => {
  it('lists what each status allows, in a fixed order', () => {
    expect(allowedActions('submitted', FRESH)).toEqual(['accept', 'chase']);
    expect(allowedActions('accepted', FRESH)).toEqual(['triage', 'reply', 'chase']);
    expect(allowedActions('handed_on', FRESH)).toEqual(['triage', 'reply', 'chase']);
    expect(allowedActions('replied', FRESH)).toEqual(['reply', 'resolve']);
    expect(allowedActions('resolved', FRESH)).toEqual(['rate']);
    expect(allowedActions('resolved', { reopenedOnce: true, rated: false })).toEqual(['rate']);
    expect(allowedActions('resolved', { reopenedOnce: false, rated: true })).toEqual([]);
    expect(allowedActions('reopened', { reopenedOnce: true, rated: false })).toEqual(['triage', 'reply', 'chase']);
  });

  it('agrees with nextStatus for every status and facts', () => {
    for (const status of SUBMISSION_STATUSES) {
      for (const facts of ALL_FACTS) {
        const allowed = new Set(allowedActions(status, facts));
        for (const action of Object.values(ACTIONS)) expect(nextStatus(status, action, facts).ok).toBe(allowed.has(action.kind));
      }
    }
  });
});

describe('applyAction: journeys through the loop', () => {
  const run = (actions: SubmissionAction[], start: SubmissionState = { status: 'submitted', ...FRESH }) =>
    actions.reduce<SubmissionState>((state, action) => {
      const result = applyAction(state, action);
      if (!result.ok) throw new Error(`${state.status} + ${action.kind}: ${result.reason}`);
      return result.state;
    }, start);

  it('a 小事 answered and rated 满意', () => {
    const end = run([ACTIONS.acceptMinor, ACTIONS.replyPublic, ACTIONS.resolve, ACTIONS.rateSatisfied]);
    expect(end).toEqual({ status: 'resolved', reopenedOnce: false, rated: true });
    expect(applyAction(end, ACTIONS.rateBasically)).toEqual({ ok: false, reason: '已经评价过了，每次办结只能评价一次' });
  });

  it('a 大事 reopened once by 不满意, then closed for good by a second 不满意', () => {
    const firstRound = run([ACTIONS.accept, ACTIONS.triageMajor, ACTIONS.replyPublic, ACTIONS.resolve]);
    expect(firstRound).toEqual({ status: 'resolved', reopenedOnce: false, rated: false });

    const reopened = run([ACTIONS.rateDissatisfied], firstRound);
    expect(reopened).toEqual({ status: 'reopened', reopenedOnce: true, rated: false });
    expect(applyAction(reopened, ACTIONS.resolve)).toEqual({ ok: false, reason: '重新办理后还没有答复，不能办结' });
    expect(allowedActions(reopened.status, reopened)).toEqual(['triage', 'reply', 'chase']);

    const resolvedAgain = run([ACTIONS.replyPrivate, ACTIONS.resolve], reopened);
    expect(resolvedAgain).toEqual({ status: 'resolved', reopenedOnce: true, rated: false });

    const end = run([ACTIONS.rateDissatisfied], resolvedAgain);
    expect(end).toEqual({ status: 'resolved', reopenedOnce: true, rated: true });
    expect(allowedActions(end.status, end)).toEqual([]);
  });

  it('does not change the state it was given', () => {
    const state: SubmissionState = { status: 'resolved', reopenedOnce: false, rated: false };
    applyAction(state, ACTIONS.rateDissatisfied);
    expect(state).toEqual({ status: 'resolved', reopenedOnce: false, rated: false });
  });
});

describe('labels', () => {
  it('has a Chinese label for every status, triage, rating and action', () => {
    expect(SUBMISSION_STATUS_LABELS).toEqual({
      submitted: '待受理',
      accepted: '已受理',
      handed_on: '已交办',
      replied: '已答复',
      resolved: '已办结',
      reopened: '重新办理',
    });
    expect(TRIAGE_LABELS).toEqual({ major: '大事', minor: '小事', private: '私事' });
    expect(RATING_LABELS).toEqual({ satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' });
    for (const kind of TRIAGE_KINDS) expect(TRIAGE_DESCRIPTIONS[kind]).toBeTruthy();
    for (const kind of SUBMISSION_ACTION_KINDS) {
      expect(SUBMISSION_ACTION_LABELS[kind]).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(['resident', 'representative']).toContain(SUBMISSION_ACTION_ACTORS[kind]);
    }
  });
});
