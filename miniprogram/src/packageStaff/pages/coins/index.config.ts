export default definePageConfig({
  navigationBarTitleText: '幸福币：记分与兑换',
})
