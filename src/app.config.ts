/**
 * Main package: the entry, sign-in and the message inbox. Each role's screens live in its own
 * subpackage so the main package stays far below WeChat's 2 MB limit.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index', 'pages/inbox/index', 'pages/join/index'],
  subPackages: [
    { root: 'packages/student', pages: ['home/index', 'plan/index', 'case/index', 'notice/index'] },
    { root: 'packages/parent', pages: ['home/index', 'meeting/index', 'bind/index', 'notice/index'] },
    {
      root: 'packages/staff',
      pages: [
        'home/index',
        'class/index',
        'student/index',
        'talk/index',
        'case/index',
        'plan-review/index',
        'pairing/index',
        'meeting/index',
        'notices/index',
        'checkin/index',
        'duties/index',
        'warnings/index',
        'teaching/index',
        'concerns/index',
        'todo/index',
      ],
    },
    {
      root: 'packages/admin',
      pages: [
        'home/index',
        'objections/index',
        'compliance/index',
        'import/index',
        'run/index',
        'review/index',
        'calendar/index',
        'roster/index',
        'people/index',
        'policy/index',
      ],
    },
    // The academic-assistant programme (rules: 000): graduates apply, the college selects, 学工部 reviews.
    {
      root: 'packages/assistants',
      pages: ['home/index', 'apply/index', 'college/index', 'check/index', 'assign/index', 'school/index'],
    },
    { root: 'packages/documents', pages: ['print/index', 'home/index', 'exports/index'] },
    // What worked (issue 14): the effect report, charts (echarts, only here) and course-improvement tasks.
    { root: 'packages/reports', pages: ['home/index', 'tasks/index', 'kpi-import/index', 'school/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f5fbf',
    navigationBarTitleText: '学业帮扶',
    navigationBarTextStyle: 'white',
  },
  // Location is used only for check-ins at dorms and classes; declared as WeChat requires.
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '查寝、查课签到时记录你所在的位置，用于核实到岗' },
  },
  lazyCodeLoading: 'requiredComponents',
});
