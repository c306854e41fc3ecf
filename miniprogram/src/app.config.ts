export default defineAppConfig({
  pages: ['pages/index/index', 'pages/me/index', 'pages/stand/index', 'pages/login/index'],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#FFFFFF',
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTitleText: '连心',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#333333',
    selectedColor: '#C8161D',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
})
