import type { Role } from '../../types/domain';

/** Where each role's home screen lives (one subpackage per audience). */
export const homeOf: Record<Role, string> = {
  student: '/packages/student/home/index',
  parent: '/packages/parent/home/index',
  assistant: '/packages/staff/home/index?role=assistant',
  counselor: '/packages/staff/home/index?role=counselor',
  headTeacher: '/packages/staff/home/index?role=headTeacher',
  courseTeacher: '/packages/staff/home/index?role=courseTeacher',
  clerk: '/packages/admin/home/index?role=clerk',
  departmentHead: '/packages/admin/home/index?role=departmentHead',
  leader: '/packages/admin/home/index?role=leader',
  studentAffairs: '/packages/admin/home/index?role=studentAffairs',
  graduate: '/packages/assistants/home/index',
};
