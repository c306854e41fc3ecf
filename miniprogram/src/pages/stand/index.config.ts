export default definePageConfig({
  navigationBarTitleText: '流动服务点',
  enablePullDownRefresh: true,
  // 转发 and 朋友圈 (services/share.ts)
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
