export default definePageConfig({
  navigationBarTitleText: '发起议事协商',
})
