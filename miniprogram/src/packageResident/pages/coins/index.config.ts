export default definePageConfig({
  navigationBarTitleText: '我的幸福币',
  enablePullDownRefresh: true,
})
