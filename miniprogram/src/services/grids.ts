/** The studio's grids (网格 / 院落), for the 提意见 form: which grid a matter is in. */
import { useEffect, useState } from 'react'
import { listGrids } from './api'

export interface GridChoice {
  id: string
  name: string
}

/** The answer's grids when they look right, else none (the form then shows no grid question). */
export function gridsFrom(data: unknown): GridChoice[] {
  const list = (data as { grids?: unknown } | null)?.grids
  if (!Array.isArray(list)) return []
  return list.flatMap((g) => (g && typeof g.id === 'string' && typeof g.name === 'string' ? [{ id: g.id as string, name: g.name as string }] : []))
}

/** GET /studios/{studioId}/grids once per studio; none until it answers, and none if it fails (the grid is optional). */
export function useStudioGrids(studioId: string | null | undefined): GridChoice[] {
  const [grids, setGrids] = useState<GridChoice[]>([])
  useEffect(() => {
    if (!studioId) return
    let live = true
    listGrids(studioId)
      .then((data) => {
        if (live) setGrids(gridsFrom(data))
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [studioId])
  return grids
}
