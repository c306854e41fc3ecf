export default definePageConfig({
  navigationBarTitleText: '流动服务点',
  enablePullDownRefresh: true,
})
