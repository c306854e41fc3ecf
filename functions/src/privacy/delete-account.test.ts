import type { Submission, SubmissionEvent } from '../submissions/submission.repository';
import { anonymisedSubmission, DELETED_TEXT, unlinkedEvent } from './delete-account.use-case';

const AT = '2026-03-01T02:00:00.000Z';
const resident = '01JD0000000000000000000R01';
const rep = '01JD0000000000000000000P01';

const submission = (overrides: Partial<Submission> = {}): Submission => ({
  id: '01JD00000000000000000000Q1', studioId: '01JD00000000000000000000S1', studioName: '洛社镇党代表工作室', residentId: resident, source: 'resident',
  category: '环境卫生', text: '垃圾桶满了，我的电话13912345678', place: '5 栋 302 门口', photos: ['photos/x/1.png'], public: true, phone: '13912345678', hasContact: true,
  contentVerdict: 'pass', status: 'resolved', createdAt: AT, acceptDueDate: '2026-03-03', replyDueDate: '2026-03-10', version: 4, reopenedOnce: false, rated: true,
  rating: 'dissatisfied', ratingComment: '我住 5 栋 302', publicReply: '已清运。', boardAt: AT, ...overrides,
});

describe('a submission once its resident has deleted the account', () => {
  it('keeps a public one’s text and place masked as on the board, without author, phone, photos or rating comment', () => {
    const kept = anonymisedSubmission(submission(), AT);
    expect(kept).toMatchObject({ text: '垃圾桶满了，我的电话139****5678', status: 'resolved', rating: 'dissatisfied', publicReply: '已清运。', version: 4, anonymisedAt: AT });
    for (const gone of ['residentId', 'phone', 'hasContact', 'contactKeptUntil', 'photos', 'ratingComment'] as const) expect(kept[gone]).toBeUndefined();
    expect(kept.place).toBeDefined();
  });

  it('replaces the text of one that was never shown publicly (private, or held back by the content check)', () => {
    for (const s of [submission({ public: false }), submission({ contentVerdict: 'review' })]) {
      const kept = anonymisedSubmission(s, AT);
      expect(kept.text).toBe(DELETED_TEXT);
      expect(kept.place).toBeUndefined();
    }
    expect(anonymisedSubmission(submission({ contentVerdict: 'review', boardApproved: true }), AT).text).toContain('139****5678');
  });

  it('keeps the first date it was anonymised on a retry', () => {
    expect(anonymisedSubmission(submission({ anonymisedAt: '2026-01-01T00:00:00.000Z' }), AT).anonymisedAt).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('the resident’s steps of a timeline', () => {
  const event = (overrides: Partial<SubmissionEvent>): SubmissionEvent => ({ id: '01JD00000000000000000000E1', submissionId: '01JD00000000000000000000Q1', kind: 'submitted', at: AT, actorId: resident, ...overrides });

  it('are unlinked; a rating keeps its level only, a reopening a plain reason', () => {
    expect(unlinkedEvent(event({}), resident)).toEqual({ id: '01JD00000000000000000000E1', submissionId: '01JD00000000000000000000Q1', kind: 'submitted', at: AT });
    expect(unlinkedEvent(event({ kind: 'rated', text: '不满意：我住 5 栋 302' }), resident)?.text).toBe('不满意');
    expect(unlinkedEvent(event({ kind: 'reopened', text: '我住 5 栋 302，垃圾又满了' }), resident)?.text).toBe('居民不满意，重新办理');
  });

  it('leave the studio’s steps as they are', () => {
    expect(unlinkedEvent(event({ kind: 'replied', actorId: rep, text: '已清运。' }), resident)).toBeUndefined();
  });
});
