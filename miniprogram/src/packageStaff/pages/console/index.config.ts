export default definePageConfig({
  navigationBarTitleText: '服务点工作台',
  enablePullDownRefresh: true,
})
