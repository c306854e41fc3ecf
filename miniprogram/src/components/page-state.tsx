import type { ReactNode } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { LoadState } from '../services/use-page-data'

export const LOADING_TEXT = '正在加载…'
export const RETRY_LABEL = '重试'

/** 正在加载…; with `skeleton`, grey blocks in the shape of the page's first card above it (the stand page). */
export function PageLoading({ skeleton = false }: { skeleton?: boolean }) {
  const text = <Text className='loading-text'>{LOADING_TEXT}</Text>
  if (!skeleton) return text
  return (
    <View className='loading'>
      <View className='skeleton skeleton--title' />
      <View className='skeleton' />
      <View className='skeleton skeleton--short' />
      {text}
    </View>
  )
}

/** What went wrong, in a red-bordered card: 重试 when `onRetry` is given, then any other buttons (`children`). */
export function ErrorCard({ message, onRetry, children }: { message: string; onRetry?: () => void; children?: ReactNode }) {
  return (
    <View className='card error-card'>
      <Text className='error-message'>{message}</Text>
      {onRetry ? <Button className='btn btn--primary retry-button' onClick={() => onRetry()}>{RETRY_LABEL}</Button> : null}
      {children}
    </View>
  )
}

export interface PageStateProps {
  state: LoadState<unknown>
  /** 重试 in the error card; leave it out where trying again cannot help (a page parameter is missing). */
  onRetry?: () => void
  /** The loading view with skeleton blocks (see `PageLoading`). */
  skeleton?: boolean
  /** More buttons in the error card, after 重试 (e.g. 回到首页). */
  errorActions?: ReactNode
}

/** What a page shows until its data is there: 正在加载…, or the error card. Nothing once the data is ready. */
export function PageState({ state, onRetry, skeleton, errorActions }: PageStateProps) {
  if (state.status === 'loading') return <PageLoading skeleton={skeleton} />
  if (state.status === 'error') return <ErrorCard message={state.message} onRetry={onRetry}>{errorActions}</ErrorCard>
  return null
}
