export default definePageConfig({ navigationBarTitleText: '本单位服务', enablePullDownRefresh: true })
