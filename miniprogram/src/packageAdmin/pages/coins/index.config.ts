export default definePageConfig({
  navigationBarTitleText: '幸福币规则与奖品',
})
