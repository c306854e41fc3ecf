import { allowedHandOnSteps, HAND_ON_STATES, HAND_ON_STEPS, nextHandOnState } from './hand-on';

describe('a hand-on to a department', () => {
  it('goes 待签收 → 签收 → progress (stays) → 办理结果', () => {
    expect(nextHandOnState('handed', 'acknowledge')).toEqual({ ok: true, state: 'acknowledged' });
    expect(nextHandOnState('acknowledged', 'progress')).toEqual({ ok: true, state: 'acknowledged' });
    expect(nextHandOnState('acknowledged', 'result')).toEqual({ ok: true, state: 'answered' });
  });

  it('may be handed back before or after 签收', () => {
    expect(nextHandOnState('handed', 'hand_back')).toEqual({ ok: true, state: 'returned' });
    expect(nextHandOnState('acknowledged', 'hand_back')).toEqual({ ok: true, state: 'returned' });
  });

  it('refuses progress and a result before 签收, and a second 签收', () => {
    expect(nextHandOnState('handed', 'progress')).toEqual({ ok: false, reason: '请先签收，再发布进展' });
    expect(nextHandOnState('handed', 'result')).toEqual({ ok: false, reason: '请先签收，再反馈办理结果' });
    expect(nextHandOnState('acknowledged', 'acknowledge')).toEqual({ ok: false, reason: '已经签收过了' });
  });

  it('refuses every step once it has ended (answered, returned, withdrawn)', () => {
    for (const state of ['answered', 'returned', 'withdrawn'] as const) {
      for (const step of HAND_ON_STEPS) expect(nextHandOnState(state, step).ok).toBe(false);
      expect(allowedHandOnSteps(state)).toEqual([]);
    }
  });

  it('lists the allowed steps for the buttons and refuses an unknown state', () => {
    expect(allowedHandOnSteps('handed')).toEqual(['acknowledge', 'hand_back']);
    expect(allowedHandOnSteps('acknowledged')).toEqual(['progress', 'result', 'hand_back']);
    expect(HAND_ON_STATES).toHaveLength(5);
    expect(nextHandOnState('lost' as never, 'acknowledge').ok).toBe(false);
  });
});
