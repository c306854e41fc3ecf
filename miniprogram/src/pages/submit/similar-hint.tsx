import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { SimilarItemView } from '@shared/schemas/submission'
import { getSimilarSubmissions } from '../../services/api'
import { MatterHead } from '../../components/submission-status'
import { SecondButton } from '../../components/second-button'

/** The hint is asked for once the text says this much, and this long after the last key. */
export const SIMILAR_MIN_TEXT = 8
export const SIMILAR_DELAY_MS = 800

/**
 * 这些事已经有人反映过: while the resident types, up to 3 public matters of the studio like theirs. Each can be 附议'd
 * instead of submitting it again; the form stays as it is, so they may still submit (仍然提交). Only for a signed-in
 * resident; a hint that cannot be fetched (no network) shows nothing — the form does not depend on it.
 */
export function SimilarHint({ studioId, text, category, place, enabled, onSeconded }: {
  studioId: string
  text: string
  category: string
  place: string
  enabled: boolean
  /** After a 附议: the resident may want to stop here (clear the draft). */
  onSeconded: () => void
}) {
  const [items, setItems] = useState<SimilarItemView[]>([])
  const [seconded, setSeconded] = useState(false)
  const typed = text.trim()

  useEffect(() => {
    if (!enabled || typed.length < SIMILAR_MIN_TEXT) {
      setItems([])
      return undefined
    }
    let current = true
    const timer = setTimeout(() => {
      getSimilarSubmissions(studioId, { text: typed.slice(0, 300), category: category || undefined, place: place.trim().slice(0, 50) || undefined })
        .then((res) => current && setItems(res.items))
        .catch(() => undefined)
    }, SIMILAR_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [studioId, typed, category, place, enabled])

  if (items.length === 0) return null
  return (
    <View className='card similar-hint' role='region' aria-label='这些事已经有人反映过'>
      <Text className='card-title'>这些事已经有人反映过</Text>
      <Text className='plain-line'>如果是同一件事，点“附议”就行，工作室会看到又多了一位居民反映；不是同一件事，请继续填写并提交。</Text>
      {items.map((item) => (
        <View key={item.id} className='similar-item'>
          <MatterHead category={item.category} status={item.status} date={item.date} />
          <Text className='board-text'>{item.text}</Text>
          <SecondButton submissionId={item.id} seconds={item.seconds} secondedByMe={item.secondedByMe} onSeconded={() => setSeconded(true)} />
        </View>
      ))}
      {seconded ? (
        <View className='similar-done'>
          <Text className='plain-line'>已附议。这件事的进展会公布在公示墙上。</Text>
          <Button className='btn btn--secondary similar-stop' onClick={onSeconded}>不用再提交了，清空我写的内容</Button>
        </View>
      ) : null}
    </View>
  )
}
