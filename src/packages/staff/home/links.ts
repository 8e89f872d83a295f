import type { PageLink } from '../../../components/link-cells';
import type { Role } from '../../../../types/domain';

/** The class's counselor and head teacher: the entries about the class's casework are theirs. */
const keepers: readonly Role[] = ['counselor', 'headTeacher'];

/** The class staff's home (counselor, head teacher, assistant, course teacher): 学业帮扶 entries. */
export const supportLinks: readonly PageLink[] = [
  {
    key: 'teaching',
    title: '任课学生 · 学业警示 · 反映情况',
    url: '/packages/staff/teaching/index',
    roles: ['courseTeacher'],
  },
  {
    key: 'concerns',
    title: '任课教师反映',
    url: '/packages/staff/concerns/index',
    roles: keepers,
  },
  { key: 'warnings', title: '学业警示学生', url: '/packages/staff/warnings/index' },
  { key: 'caseload', title: '帮扶名单与个案', url: '/packages/staff/case/index' },
  {
    key: 'plan-review',
    title: '学习计划审核',
    url: '/packages/staff/plan-review/index',
    roles: keepers,
  },
  { key: 'meetings', title: '约谈与会议', url: '/packages/staff/meeting/index' },
  { key: 'pairing', title: '朋辈帮扶', url: '/packages/staff/pairing/index' },
  {
    key: 'notices',
    title: '警示通知跟踪（家长告知）',
    url: '/packages/staff/notices/index',
    roles: keepers,
  },
  { key: 'inbox', title: '消息', url: '/pages/inbox/index' },
];

/** 到岗与职责 entries. */
export const dutyLinks: readonly PageLink[] = [
  { key: 'checkin', title: '查寝 · 查课 · 工作记录', url: '/packages/staff/checkin/index' },
  { key: 'duties', title: '我的职责', url: '/packages/staff/duties/index' },
  {
    key: 'compliance',
    title: '班级职责完成情况',
    url: '/packages/admin/compliance/index',
    roles: keepers,
  },
];
