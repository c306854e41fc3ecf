import { resetTaroMock, storage } from '../../test/mocks/taro'
import { STUDIO_ID } from '../../test/fixtures'
import { draftStore, emptySubmissionDraft, loadSubmissionDraft, saveSubmissionDraft, SUBMISSION_DRAFT_KEY, type SubmissionDraft } from './submissions'

interface NoteDraft extends SubmissionDraft {
  note: string
}

const notes = draftStore<NoteDraft>('test.noteDraft', (studioId) => ({ ...emptySubmissionDraft(studioId), note: '' }))

beforeEach(() => resetTaroMock())

describe('draftStore', () => {
  it('keeps each kind of draft under its own key', () => {
    saveSubmissionDraft({ ...emptySubmissionDraft(STUDIO_ID), text: '居民写的' })
    notes.save({ ...emptySubmissionDraft(STUDIO_ID), text: '代填的', note: '纸质' })
    expect(loadSubmissionDraft(STUDIO_ID)?.text).toBe('居民写的')
    expect(notes.load(STUDIO_ID)).toMatchObject({ text: '代填的', note: '纸质' })
    notes.clear()
    expect(notes.load(STUDIO_ID)).toBeNull()
    expect(storage.has(SUBMISSION_DRAFT_KEY)).toBe(true)
  })

  it('gives nothing for another studio or an unreadable draft, fills in missing fields and drops bad photos', () => {
    storage.set('test.noteDraft', JSON.stringify({ studioId: STUDIO_ID, text: '旧版本的草稿', photos: [{ key: 'photos/a.jpg' }, { preview: 'x' }, null] }))
    expect(notes.load('01JD00000000000000000000S2')).toBeNull()
    expect(notes.load(STUDIO_ID)).toEqual({ ...emptySubmissionDraft(STUDIO_ID), text: '旧版本的草稿', note: '', photos: [{ key: 'photos/a.jpg', preview: '' }] })
    storage.set('test.noteDraft', '{not json')
    expect(notes.load(STUDIO_ID)).toBeNull()
  })
})
