export default definePageConfig({ navigationBarTitleText: '镇街工作台' })
