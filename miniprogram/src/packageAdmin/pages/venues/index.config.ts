export default definePageConfig({
  navigationBarTitleText: '地点与排期',
  enablePullDownRefresh: true,
})
