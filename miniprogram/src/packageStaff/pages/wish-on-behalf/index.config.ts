export default definePageConfig({ navigationBarTitleText: '代填心愿' })
