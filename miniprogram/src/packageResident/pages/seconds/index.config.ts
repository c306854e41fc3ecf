export default definePageConfig({ navigationBarTitleText: '我附议的事', enablePullDownRefresh: true })
