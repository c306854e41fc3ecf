export default definePageConfig({ navigationBarTitleText: '部门待办' })
