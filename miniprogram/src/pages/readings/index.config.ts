export default definePageConfig({
  navigationBarTitleText: '我的血压记录',
  enablePullDownRefresh: true,
})
