/** The studio's own submission categories (意见类别) with their time limits, for the 提意见 form and the rep pages. */
import { useEffect, useState } from 'react'
import { DEFAULT_SUBMISSION_CATEGORIES } from '@shared/schemas/submission'
import { getSubmissionSettings } from './api'

export interface StudioCategory {
  name: string
  /** Working days; unknown when the studio's list could not be loaded. */
  acceptDays?: number
  replyDays?: number
}

export const DEFAULT_CATEGORY_LIST: StudioCategory[] = DEFAULT_SUBMISSION_CATEGORIES.map((name) => ({ name }))

/** The answer's categories when they look right, else null (then the defaults are used). */
export function categoriesFrom(data: unknown): StudioCategory[] | null {
  const list = (data as { categories?: unknown } | null)?.categories
  if (!Array.isArray(list) || list.length === 0) return null
  const out: StudioCategory[] = []
  for (const item of list) {
    const c = item as Partial<StudioCategory> | null
    if (!c || typeof c.name !== 'string' || !c.name) return null
    out.push({
      name: c.name,
      acceptDays: typeof c.acceptDays === 'number' ? c.acceptDays : undefined,
      replyDays: typeof c.replyDays === 'number' ? c.replyDays : undefined,
    })
  }
  return out
}

/**
 * GET /studios/{studioId}/submission-settings once per studio; the default list until it answers, and for good if it fails.
 * `fromStudio` is true once the studio's own list is shown.
 */
export function useStudioCategories(studioId: string | null | undefined): { categories: StudioCategory[]; fromStudio: boolean } {
  const [state, setState] = useState<{ categories: StudioCategory[]; fromStudio: boolean }>({ categories: DEFAULT_CATEGORY_LIST, fromStudio: false })
  useEffect(() => {
    if (!studioId) return
    let live = true
    getSubmissionSettings(studioId)
      .then((data) => {
        const list = categoriesFrom(data)
        if (live && list) setState({ categories: list, fromStudio: true })
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [studioId])
  return state
}
