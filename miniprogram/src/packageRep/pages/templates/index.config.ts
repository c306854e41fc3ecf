export default definePageConfig({
  navigationBarTitleText: '答复模板',
})
