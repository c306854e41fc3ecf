export default definePageConfig({
  navigationBarTitleText: '意见详情',
  enablePullDownRefresh: true,
  // a public, answered matter is shared as its studio's board (services/share.ts)
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
