export default definePageConfig({
  navigationBarTitleText: '工作室设置',
})
