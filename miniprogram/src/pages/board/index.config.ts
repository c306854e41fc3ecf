export default definePageConfig({
  navigationBarTitleText: '公示墙',
  enablePullDownRefresh: true,
})
