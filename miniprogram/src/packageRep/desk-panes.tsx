import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Page } from '../components/ui/page'

interface Props {
  /** The page's own class (e.g. `inbox-page`); `desk-console` is added. */
  className: string
  /** What the list pane and the detail pane are called (read by screen readers). */
  listLabel: string
  detailLabel: string
  list: ReactNode
  /** The chosen item's detail; `emptyHint` is shown until one is chosen. */
  detail?: ReactNode
  emptyHint: string
}

/**
 * The desk console's layout (H5 at ≥ 1280 px): the list on the left with the keyboard's hint (desk-keys.ts), the
 * chosen item's detail on the right. The inbox and 部门待办 use it; on a phone they show the list alone.
 */
export function DeskPanes({ className, listLabel, detailLabel, list, detail, emptyHint }: Props) {
  return (
    <Page className={`rep-page ${className} desk-console`}>
      <View className='desk-panes'>
        <View className='desk-pane desk-pane--list' role='region' aria-label={listLabel}>
          <Text className='desk-keys-hint'>键盘：j / k 或 ↑ / ↓ 移动，回车打开</Text>
          {list}
        </View>
        <View className='desk-pane desk-pane--detail' role='region' aria-label={detailLabel}>
          {detail ?? (
            <View className='card desk-empty'>
              <Text className='plain-line'>{emptyHint}</Text>
            </View>
          )}
        </View>
      </View>
    </Page>
  )
}
