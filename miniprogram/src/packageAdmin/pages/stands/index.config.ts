export default definePageConfig({
  navigationBarTitleText: '服务点安排',
  enablePullDownRefresh: true,
})
