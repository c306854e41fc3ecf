export default definePageConfig({ navigationBarTitleText: '代办服务：审核与派单' })
