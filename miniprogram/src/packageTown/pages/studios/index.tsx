import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { TownDirectoryView } from '@shared/schemas/towns'
import { getFollow, getStudioTown, getTownDirectory, listTowns, setFollow } from '../../../services/api'
import { errorMessage } from '../../../services/request'
import { getLastStand } from '../../../services/last-stand'
import { openLogin, openPage } from '../../../services/navigation'
import { BOARD_PAGE, SUBMIT_PAGE } from '../../../services/platform'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

type Studio = TownDirectoryView['studios'][number]

/** The town to show first: that of the studio whose stand was scanned last, else the person's own studio's. */
async function startingTown(studioId: string | undefined): Promise<string | undefined> {
  if (!studioId) return undefined
  try {
    return (await getStudioTown(studioId)).town?.id
  } catch {
    return undefined
  }
}

function StudioCard({ studio, following, onFollow }: { studio: Studio; following: boolean | undefined; onFollow: (on: boolean) => Promise<void> }) {
  const [busy, setBusy] = useState(false)
  const tap = async () => {
    setBusy(true)
    try {
      await onFollow(!following)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card town-directory-studio'>
      <Text className='entry-title directory-studio-name'>{studio.name}</Text>
      <Text className='plain-line'>{studio.address}</Text>
      {studio.venues.length === 0 ? <Text className='plain-line'>还没有服务地点。</Text> : null}
      {studio.venues.map((v) => (
        <View className='venue-line' key={v.id}>
          <Text className='plain-line directory-venue-name'>📍 {v.name}（{v.address}）</Text>
          <Text className='plain-line directory-market-days'>{v.nextMarketDays.length ? `下次服务：${v.nextMarketDays.join('；')}` : '近期没有安排'}</Text>
        </View>
      ))}
      <BusyButton label={following ? '已关注 ✓（点此取消）' : '关注'} busyLabel='请稍候…' busy={busy} className={`${following ? 'btn--secondary' : 'btn--primary'} directory-follow`} onClick={() => void tap()} />
      <View className='directory-actions'>
        <Button className='btn btn--secondary directory-submit' onClick={() => openPage(`${SUBMIT_PAGE}?studioId=${encodeURIComponent(studio.id)}`)}>向这个工作室提意见</Button>
        <Button className='btn btn--secondary directory-board' onClick={() => openPage(`${BOARD_PAGE}?studioId=${encodeURIComponent(studio.id)}`)}>看它的公示墙</Button>
      </View>
    </View>
  )
}

/** 我的 → 工作室: the studios of the resident's town, their venues and next market days (lunar), 关注 any of them. */
export default function TownStudiosPage() {
  const [user] = useSessionUser()
  const [townId, setTownId] = useState<string>()
  const [follows, setFollows] = useState<Record<string, boolean>>({})
  const { state, retry } = usePageData(
    async () => {
      const { towns } = await listTowns()
      const chosen = townId ?? (await startingTown(getLastStand()?.studioId ?? user?.studioId)) ?? towns[0]?.id
      const directory = chosen ? await getTownDirectory(chosen) : undefined
      if (directory && user) {
        const known = await Promise.all(directory.studios.map(async (s) => [s.id, (await getFollow(s.id).catch(() => ({ following: false }))).following] as const))
        setFollows(Object.fromEntries(known))
      }
      return { towns, directory }
    },
    [townId, user?.id],
  )

  const follow = async (studio: Studio, on: boolean) => {
    if (!user) {
      openLogin()
      return
    }
    try {
      await setFollow(studio.id, on)
      setFollows((f) => ({ ...f, [studio.id]: on }))
      Taro.showToast({ title: on ? `已关注${studio.name}，公示墙有新答复会提醒您` : '已取消关注', icon: 'none', duration: 2500 })
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    }
  }

  return (
    <Page className='town-studios-page'>
      <PageState state={state} onRetry={retry} />
      {state.status === 'ready' ? (
        <View>
          {state.data.towns.length > 1 ? (
            <ChipGroup label='选择镇街' kind='radio' chipClass='town-chip' options={state.data.towns.map((t) => ({ value: t.id, label: t.name }))} isOn={(id) => id === state.data.directory?.town.id} onTap={(id) => setTownId(id)} />
          ) : null}
          {state.data.directory ? (
            <View>
              <Text className='section-title directory-town'>{state.data.directory.town.name}的党代表工作室</Text>
              {state.data.directory.studios.map((s) => <StudioCard key={s.id} studio={s} following={follows[s.id]} onFollow={(on) => follow(s, on)} />)}
            </View>
          ) : (
            <Text className='plain-line'>还没有镇街的工作室信息。</Text>
          )}
        </View>
      ) : null}
    </Page>
  )
}
