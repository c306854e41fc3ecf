export default definePageConfig({
  navigationBarTitleText: '协调会',
  enablePullDownRefresh: true,
})
