import { Button, View } from '@tarojs/components'
import { SCREEN_PAGE, STAFF_ON_BEHALF_PAGE, STAFF_SUMMARY_PAGE } from '../../services/platform'
import { openPage } from '../../services/navigation'

interface ConsoleLinksProps {
  standId: string
}

/** Where staff go from the console for this stand: 代填意见, 服务小结 and the 叫号大屏. */
export function ConsoleLinks({ standId }: ConsoleLinksProps) {
  const query = `?standId=${encodeURIComponent(standId)}`
  return (
    <>
      <Button className='btn btn--secondary on-behalf-link' onClick={() => openPage(`${STAFF_ON_BEHALF_PAGE}${query}`)}>
        代填意见（纸质意见征询表等）
      </Button>
      <View className='button-row'>
        <Button className='btn btn--secondary stand-summary' onClick={() => openPage(`${STAFF_SUMMARY_PAGE}${query}`)}>
          服务小结
        </Button>
        <Button className='btn btn--secondary screen-link' onClick={() => openPage(`${SCREEN_PAGE}${query}`)}>
          打开叫号大屏
        </Button>
      </View>
    </>
  )
}
