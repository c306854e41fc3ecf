export default definePageConfig({
  navigationBarTitleText: '扫码登录连心工作台',
})
