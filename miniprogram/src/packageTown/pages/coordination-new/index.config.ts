export default definePageConfig({
  navigationBarTitleText: '召开协调会',
})
