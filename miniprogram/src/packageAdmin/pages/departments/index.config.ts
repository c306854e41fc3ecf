export default definePageConfig({ navigationBarTitleText: '部门与联络员' })
