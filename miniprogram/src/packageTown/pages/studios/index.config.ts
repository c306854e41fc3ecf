export default definePageConfig({ navigationBarTitleText: '本镇街的工作室' })
