import type { PageLink } from '../../../components/link-cells';

/**
 * Each college-level home's entries, as groups in screen order (a group shows when one of its
 * entries is the role's). 学工部 works at school level: the school view and approvals, no college lists.
 */
export const adminLinks: readonly (readonly PageLink[])[] = [
  [
    { key: 'roster', title: '名册导入（学生 · 班级 · 教职工）', url: '/packages/admin/roster/index', roles: ['clerk'] },
    { key: 'people', title: '人员与邀请码', url: '/packages/admin/people/index', roles: ['clerk'] },
    { key: 'policy', title: '警示政策参数（学校阈值）', url: '/packages/admin/policy/index', roles: ['clerk'] },
    { key: 'import', title: '导入成绩', url: '/packages/admin/import/index', roles: ['clerk'] },
    { key: 'run', title: '运行警示规则 · 审核发布名单', url: '/packages/admin/run/index', roles: ['clerk'] },
    { key: 'objections', title: '通知异议处理', url: '/packages/admin/objections/index', roles: ['clerk'] },
    { key: 'notices', title: '警示通知跟踪', url: '/packages/staff/notices/index', roles: ['clerk'] },
    { key: 'calendar', title: '学期校历', url: '/packages/admin/calendar/index', roles: ['clerk'] },
    {
      key: 'kpi-import',
      title: '导入班级指标（深造 · 四六级 · 双证 · 获奖）',
      url: '/packages/reports/kpi-import/index',
      roles: ['clerk'],
    },
    {
      key: 'documents',
      title: '文书打印与学期归档',
      url: '/packages/documents/home/index?role=clerk',
      roles: ['clerk'],
    },
    { key: 'inbox', title: '消息', url: '/pages/inbox/index', roles: ['clerk'] },
  ],
  [
    {
      key: 'documents',
      title: '学期归档 · 导出与下载记录',
      url: '/packages/documents/home/index?role=leader',
      roles: ['leader'],
    },
  ],
  [
    {
      key: 'school-compliance',
      title: '全校职责完成情况（各学院）',
      url: '/packages/reports/school/index',
      roles: ['studentAffairs'],
    },
  ],
  [
    { key: 'pairing', title: '朋辈帮扶审核（院系审核）', url: '/packages/staff/pairing/index', roles: ['leader'] },
    {
      key: 'pairing',
      title: '朋辈帮扶审核（学校审核）',
      url: '/packages/staff/pairing/index',
      roles: ['studentAffairs'],
    },
  ],
  [
    { key: 'assistants', title: '学业助理选聘', url: '/packages/assistants/college/index', roles: ['clerk', 'leader'] },
    {
      key: 'assistants',
      title: '学业助理审核与公示',
      url: '/packages/assistants/school/index',
      roles: ['studentAffairs'],
    },
  ],
  [
    {
      key: 'runs',
      title: '学业警示名单',
      url: '/packages/admin/run/index?view=list',
      roles: ['leader', 'departmentHead'],
    },
    {
      key: 'compliance',
      title: '职责完成情况',
      url: '/packages/admin/compliance/index',
      roles: ['clerk', 'leader', 'departmentHead'],
    },
    {
      key: 'reports',
      title: '帮扶效果分析 · 转化率与图表',
      url: '/packages/reports/home/index',
      roles: ['leader', 'departmentHead'],
    },
  ],
];
