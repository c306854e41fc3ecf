export default definePageConfig({
  navigationBarTitleText: '服务小结',
  enablePullDownRefresh: true,
})
