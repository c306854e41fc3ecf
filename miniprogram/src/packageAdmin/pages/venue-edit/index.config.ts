export default definePageConfig({
  navigationBarTitleText: '地点与排期',
})
