import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { getLastStand, sceneFromScan, standPageUrl, type LastStand } from '../../services/last-stand'
import { isWeapp } from '../../services/platform'
import { openPage } from '../../services/navigation'
import { PrivacyPrompt } from '../../components/privacy-prompt'
import { boardPageUrl } from '../../services/submissions'
import { Page } from '../../components/ui/page'
import './index.css'

async function scanStandCode() {
  let result: Taro.scanCode.SuccessCallbackResult
  try {
    result = await Taro.scanCode({ onlyFromCamera: false })
  } catch (error) {
    const message = (error as { errMsg?: string } | null)?.errMsg ?? ''
    if (!/cancel/i.test(message)) Taro.showToast({ title: '没有扫到二维码，请再试一次', icon: 'none' })
    return
  }
  const scene = sceneFromScan(result.path, result.result)
  if (!scene) {
    Taro.showToast({ title: '这不是服务点的二维码', icon: 'none' })
    return
  }
  Taro.navigateTo({ url: standPageUrl(scene) })
}

export default function HomePage() {
  const [lastStand, setLastStand] = useState<LastStand | null>(() => getLastStand())
  useDidShow(() => setLastStand(getLastStand()))

  return (
    <Page className='home-page'>
      <PrivacyPrompt purpose='扫服务点的二维码要用手机的相机。' />
      <View className='hero'>
        <Text className='hero-title'>连心</Text>
        <Text className='hero-subtitle'>党代表工作室 · 流动服务点</Text>
      </View>

      {isWeapp() ? (
        <Button className='btn btn--primary btn--huge scan-button' onClick={() => void scanStandCode()}>
          扫一扫服务点二维码
        </Button>
      ) : null}

      {lastStand ? (
        <View
          className='card card--link last-stand'
          hoverClass='card--pressed'
          onClick={() => Taro.navigateTo({ url: standPageUrl(lastStand.scene) })}
        >
          <Text className='card-label'>上次看过的服务点</Text>
          <Text className='last-stand-venue'>{lastStand.venueName ?? '服务点'}</Text>
          {lastStand.studioName ? <Text className='plain-line'>{lastStand.studioName}</Text> : null}
          {lastStand.venueAddress ? <Text className='plain-line'>地址：{lastStand.venueAddress}</Text> : null}
          <Text className='card-action'>查看服务时间和项目 ›</Text>
        </View>
      ) : null}

      {lastStand?.studioId ? (
        <View
          className='card card--link board-entry'
          hoverClass='card--pressed'
          role='button'
          onClick={() => openPage(boardPageUrl(lastStand.studioId as string))}
        >
          <Text className='entry-title'>公示墙</Text>
          <Text className='plain-line'>大家反映的事和{lastStand.studioName ?? '工作室'}的答复</Text>
          <Text className='card-action'>去看看 ›</Text>
        </View>
      ) : null}

      <View className='card'>
        <Text className='card-title'>欢迎使用</Text>
        <Text className='plain-line'>党代表工作室会到集市、村里设流动服务点，量血压、磨剪刀、修鞋、法律咨询……</Text>
        <Text className='plain-line'>扫一扫服务点的二维码，就能看到哪天来、几点开始、有哪些服务。</Text>
      </View>

      {isWeapp() ? null : (
        <View className='card card--hint'>
          <Text className='plain-line'>请用手机微信扫一扫服务点的二维码，或点开工作人员发给您的链接。</Text>
        </View>
      )}
    </Page>
  )
}
