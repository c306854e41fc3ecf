import { Button, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { setCareMode, useTextSize } from '../services/text-size'

/** 长辈模式 on or off for this phone: bigger text, stronger colours, one thing per row. Says what it did. */
export function CareModeToggle({ compact = false }: { compact?: boolean }) {
  const { careMode } = useTextSize()
  const toggle = () => {
    setCareMode(!careMode)
    Taro.showToast({ title: careMode ? '已关闭长辈模式' : '已开启长辈模式：字更大', icon: 'none' })
  }
  return (
    <Button className={`btn btn--secondary care-toggle${compact ? ' care-toggle--compact' : ''}`} aria-pressed={careMode} onClick={toggle}>
      <Text className='care-toggle-label'>{careMode ? '长辈模式：已开启' : '长辈模式（大字）'}</Text>
      {compact ? null : <Text className='care-toggle-hint'>{careMode ? '点一下恢复标准字号' : '字更大、颜色更清楚，一行只放一样'}</Text>}
    </Button>
  )
}
