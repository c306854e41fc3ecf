export default definePageConfig({
  navigationBarTitleText: '叫号',
  navigationBarBackgroundColor: '#111111',
  backgroundColor: '#111111',
  // a tablet or TV on its side
  pageOrientation: 'auto',
})
