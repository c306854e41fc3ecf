export default definePageConfig({
  navigationBarTitleText: '预约凭证',
  enablePullDownRefresh: true,
})
