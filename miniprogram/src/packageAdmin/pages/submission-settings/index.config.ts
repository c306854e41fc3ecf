export default definePageConfig({
  navigationBarTitleText: '意见类别与时限',
})
