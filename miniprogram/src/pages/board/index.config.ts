export default definePageConfig({
  navigationBarTitleText: '公示墙',
  enablePullDownRefresh: true,
  // 转发 and 朋友圈 (services/share.ts)
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
