import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { offerUpdates } from './services/update'
import { watchPrivacyRequests } from './services/privacy'
import { enableKeyboardAccess } from './services/h5-keyboard'
import { isH5 } from './services/platform'

import './app.css'

// Read the launch options once while the app starts: pages loaded later (e.g. the stand page opened from a
// QR code) otherwise see empty launch options on some base libraries.
try {
  Taro.getLaunchOptionsSync()
} catch {
  // not available on every platform; nothing depends on the result here
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // the page to render arrives as children; a new version downloaded in the background is offered once ready
    offerUpdates()
    // WeChat's privacy prompt, shown by the parts that use the album or the camera (components/privacy-prompt.tsx)
    watchPrivacyRequests()
    // the browser build: buttons and pages reachable and usable from a keyboard
    if (isH5()) enableKeyboardAccess()
  })
  return children
}

export default App
