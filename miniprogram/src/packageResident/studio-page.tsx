import type { UserView } from '@shared/schemas/auth'
import { getLastStand } from '../services/last-stand'
import type { LoadState } from '../services/use-page-data'
import { PageState } from '../components/page-state'
import { SignInCard } from '../components/sign-in-card'
import { Page } from '../components/ui/page'

/** The studio a resident's page is about: the one in its query, else the last stand's. */
export function studioIdOf(params: Record<string, string | undefined>): string {
  return (typeof params.studioId === 'string' && params.studioId) || getLastStand()?.studioId || ''
}

/** Before a studio page's data is shown: 登录 first, then 正在加载… or the error with 重试. Null once the data is ready. */
export function studioPageGate<T>(pageClass: string, user: UserView | null, state: LoadState<T>, why: string, onRetry?: () => void) {
  if (!user) {
    return (
      <Page className={pageClass}>
        <SignInCard why={why} />
      </Page>
    )
  }
  if (state.status !== 'ready') {
    return (
      <Page className={pageClass}>
        <PageState state={state} onRetry={onRetry} />
      </Page>
    )
  }
  return null
}
