export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/me/index',
    'pages/stand/index',
    'pages/login/index',
    'pages/ticket/index',
    'pages/bookings/index',
    'pages/screen/index',
    'pages/readings/index',
    'pages/submit/index',
    'pages/submissions/index',
    'pages/submission/index',
    'pages/board/index',
    'pages/notifications/index',
    'pages/my-data/index',
  ],
  // Staff, representatives and admins only: downloaded when first opened, kept out of the main package.
  // 代填意见 (on-behalf) is here too: opened from the stand console and from the representatives' inbox.
  subPackages: [
    // Residents' pages opened now and then from 我的: 幸福币, 当志愿者, 微心愿 (the 心愿墙), 代办服务 (and the volunteers' 接单)
    {
      root: 'packageResident',
      pages: ['pages/coins/index', 'pages/volunteer/index', 'pages/wishes/index', 'pages/errands/index', 'pages/errand-tasks/index', 'pages/seconds/index', 'pages/consultations/index', 'pages/consultation/index'],
    },
    {
      root: 'packageStaff',
      pages: ['pages/stands/index', 'pages/console/index', 'pages/summary/index', 'pages/on-behalf/index', 'pages/coins/index', 'pages/volunteers/index', 'pages/wish-on-behalf/index', 'pages/errands/index'],
    },
    // Studio administrators only: services, venues and their schedules, stands (and the lunar-calendar editor),
    // the categories of submissions with their time limits (意见类别与时限), the audit trail (操作记录).
    {
      root: 'packageAdmin',
      pages: ['pages/index/index', 'pages/services/index', 'pages/service-edit/index', 'pages/venues/index', 'pages/venue-edit/index', 'pages/stands/index', 'pages/submission-settings/index', 'pages/audit/index', 'pages/members/index', 'pages/coins/index', 'pages/volunteers/index', 'pages/errand-kinds/index', 'pages/grids/index', 'pages/departments/index'],
    },
    // Representatives and admins: the inbox of submissions (意见办理), accept and sort, reply, resolve; 统计 and CSV export;
    // the studio's reply templates (答复模板); a department's liaison: its queue and matters (部门待办).
    {
      root: 'packageRep',
      pages: ['pages/inbox/index', 'pages/submission/index', 'pages/stats/index', 'pages/templates/index', 'pages/wish-review/index', 'pages/desk-login/index', 'pages/desk-confirm/index', 'pages/grid/index', 'pages/consultations/index', 'pages/consultation-new/index', 'pages/consultation/index', 'pages/dept-queue/index', 'pages/dept-matter/index'],
    },
    // 镇街: the town admin's 镇街工作台 (studios side by side, 新建工作室), 切换身份, and residents' 工作室 list of their town;
    // 成员单位与三张清单: the units, the three lists, a unit liaison's 我们单位, a studio's 需求清单
    {
      root: 'packageTown',
      pages: ['pages/desk/index', 'pages/memberships/index', 'pages/studios/index', 'pages/units/index', 'pages/alliance/index', 'pages/unit/index', 'pages/needs/index', 'pages/coordinations/index', 'pages/coordination-new/index', 'pages/coordination/index', 'pages/unit-services/index'],
    },
  ],
  // The browser build: pages change without a slide. Taro's H5 router hides the page left behind by a timer when the
  // slide ends; a page come back to before then (a quick 返回, a fast sign-in) was blanked by that timer. Less motion
  // suits older residents too. (WeChat ignores this key and animates pages itself.)
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  // WeChat injects only the components a page uses, when it is opened (shorter start; recommended for review)
  lazyCodeLoading: 'requiredComponents',
  window: {
    // WeChat's own bar; in the browser build it makes Taro draw its bar, with 返回 and 首页 (H5 had no way back)
    navigationStyle: 'default',
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
