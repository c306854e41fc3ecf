export default definePageConfig({ navigationBarTitleText: '当志愿者' })
