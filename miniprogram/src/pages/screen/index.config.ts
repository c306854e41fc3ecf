export default definePageConfig({
  navigationBarTitleText: '叫号',
  navigationBarBackgroundColor: '#111111',
  backgroundColor: '#111111',
  // a tablet or TV on its side
  pageOrientation: 'auto',
  // the browser's 大屏 fills the whole screen (a TV cannot scroll): no H5 navigation bar there
  navigationStyle: process.env.TARO_ENV === 'h5' ? 'custom' : 'default',
})
