import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { PhotoView } from '@shared/schemas/photo'
import './photos.css'

/**
 * The photos of a submission, large enough to see on a small phone; a tap opens them full screen
 * (swipe between them). The addresses are signed and expire after an hour: reopening the page renews them.
 */
export function PhotoGrid({ photos }: { photos?: PhotoView[] }) {
  if (!photos || photos.length === 0) return null
  const urls = photos.map((p) => p.url)
  return (
    <View className='photo-grid' role='group' aria-label={`照片 ${photos.length} 张`}>
      {urls.map((url, i) => (
        <View key={url} className='photo-cell' onClick={() => void Taro.previewImage({ urls, current: url }).catch(() => undefined)}>
          {/* nativeProps: the H5 <img> inside Taro's image gets its text alternative */}
          <Image className='photo-image' src={url} mode='aspectFill' lazyLoad aria-label={`第 ${i + 1} 张照片，点开看大图`} nativeProps={{ alt: `第 ${i + 1} 张照片` }} />
        </View>
      ))}
      <Text className='photo-hint'>点照片可以看大图</Text>
    </View>
  )
}
