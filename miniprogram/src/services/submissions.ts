/**
 * 意见建议 on the device: the drafts of the 提意见 and 代填 forms (kept as they are typed, so closing the app loses
 * nothing), page URLs, and how times are shown (China time).
 */
import Taro from '@tarojs/taro'
import { chinaDate, chinaTime, formatChinaDate } from '@shared/time'
import type { SubmissionEventView, SubmissionView } from '@shared/schemas/submission'
import { BOARD_PAGE, SUBMISSION_PAGE, SUBMIT_PAGE } from './platform'
import { decodeParam } from './navigation'

export const SUBMISSION_DRAFT_KEY = 'lianxin.submissionDraft'

export interface SubmissionDraft {
  studioId: string
  standId?: string
  category: string
  text: string
  place: string
  /** 网格 / 院落 of the studio the matter is in (optional). */
  gridId?: string
  public: boolean
  /** 紧急: hour-level limits (a danger to people or property now). */
  urgent?: boolean
  phoneConsent: boolean
  phone: string
  /**
   * Photos already uploaded to storage (their keys, sent with the submission) and where they are on this phone
   * (for the thumbnail; an H5 `blob:` address no longer loads after a reload). Photos still uploading are not kept.
   */
  photos?: DraftPhoto[]
  /**
   * The retry key of the last attempt whose outcome is unknown (network failure, 5xx): sent again on the next tap
   * so the submission is never made twice; cleared once the API has answered yes or no.
   */
  requestId?: string
}

export interface DraftPhoto {
  key: string
  preview: string
}

const MAX_DRAFT_PHOTOS = 3

function draftPhotos(value: unknown): DraftPhoto[] | undefined {
  if (!Array.isArray(value)) return undefined
  const photos = value
    .filter((p): p is DraftPhoto => !!p && typeof p === 'object' && typeof (p as DraftPhoto).key === 'string' && !!(p as DraftPhoto).key)
    .map((p) => ({ key: p.key, preview: typeof p.preview === 'string' ? p.preview : '' }))
    .slice(0, MAX_DRAFT_PHOTOS)
  return photos.length > 0 ? photos : undefined
}

export function emptySubmissionDraft(studioId: string, standId?: string): SubmissionDraft {
  return { studioId, standId, category: '', text: '', place: '', public: true, phoneConsent: false, phone: '' }
}

/** Where one kind of draft is kept on the device (one draft per kind: the last one typed, for one studio). */
export interface DraftStore<D extends SubmissionDraft> {
  /** The storage key. */
  key: string
  /** The draft for this studio, or null. */
  load(studioId: string): D | null
  save(draft: D): void
  clear(): void
}

/** A draft kept under `key`, completed from `empty` (a draft saved by an older version may miss fields). */
export function draftStore<D extends SubmissionDraft>(key: string, empty: (studioId: string) => D): DraftStore<D> {
  return {
    key,
    load(studioId) {
      try {
        const raw: unknown = Taro.getStorageSync(key)
        const value = (typeof raw === 'string' && raw ? JSON.parse(raw) : raw) as Partial<D> | null
        if (!value || typeof value !== 'object' || value.studioId !== studioId) return null
        const draft = { ...empty(studioId), ...value } as D
        const photos = draftPhotos(value.photos)
        if (photos) draft.photos = photos
        else delete draft.photos
        return draft
      } catch {
        return null
      }
    },
    save(draft) {
      try {
        Taro.setStorageSync(key, JSON.stringify(draft))
      } catch {
        // storage full or unavailable: the form still works, only the draft is not kept
      }
    },
    clear() {
      try {
        Taro.removeStorageSync(key)
      } catch {
        // nothing to clear
      }
    },
  }
}

/** The resident's 提意见 draft. */
export const submissionDrafts = draftStore(SUBMISSION_DRAFT_KEY, (studioId) => emptySubmissionDraft(studioId))

/** The draft for this studio, or null (one draft is kept: the last one typed). */
export function loadSubmissionDraft(studioId: string): SubmissionDraft | null {
  return submissionDrafts.load(studioId)
}

export function saveSubmissionDraft(draft: SubmissionDraft): void {
  submissionDrafts.save(draft)
}

export function clearSubmissionDraft(): void {
  submissionDrafts.clear()
}

export function submitPageUrl(studioId: string, standId?: string): string {
  return `${SUBMIT_PAGE}?studioId=${encodeURIComponent(studioId)}${standId ? `&standId=${encodeURIComponent(standId)}` : ''}`
}

export function submissionPageUrl(id: string): string {
  return `${SUBMISSION_PAGE}?id=${encodeURIComponent(id)}`
}

export function boardPageUrl(studioId: string): string {
  return `${BOARD_PAGE}?studioId=${encodeURIComponent(studioId)}`
}

/** A page parameter, decoded (`useRouter().params` are not URI-decoded on H5); '' when absent. */
export function param(value: string | undefined): string {
  return decodeParam(value) ?? ''
}

/** An instant in China time: `11月22日 周日 14:30`. */
export function chinaDateTime(instant: string): string {
  return `${formatChinaDate(chinaDate(instant))} ${chinaTime(instant)}`
}

/** `2099年11月22日` — a date with its year, for deadlines. */
export function longChinaDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return y && m && d ? `${y}年${m}月${d}日` : date
}

export function isReplyEvent(event: SubmissionEventView): boolean {
  return event.kind.includes('答复') && !!event.text
}

/** Whether the resident may rate now: the API says so (resolved, and this resolution not yet rated). */
export function canRate(view: SubmissionView): boolean {
  return view.status === 'resolved' && view.canRate
}
