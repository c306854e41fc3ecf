export default definePageConfig({
  navigationBarTitleText: '代填意见',
})
