import type { DemoData } from '../../../scripts/demo/generate';
import type { Who } from '../../support/journey';

/** The demo's people as the sign-in page offers them: by tab, found by 学号 or name. */
export function student(demo: DemoData, studentId: string): Who {
  if (!demo.students.some((s) => s._id === studentId)) throw new Error(`no demo student ${studentId}`);
  return { userId: `s-${studentId}`, tab: '学生', search: studentId };
}

export function staff(demo: DemoData, userId: string, role?: string): Who {
  const user = demo.users.find((u) => u._id === userId);
  if (!user) throw new Error(`no demo user ${userId}`);
  const college = user.grants.some(
    (g) => g.role === 'clerk' || g.role === 'leader' || g.role === 'departmentHead' || g.role === 'studentAffairs',
  );
  return { userId, tab: college ? '学院' : '教师', search: user.name, ...(role ? { role } : {}) };
}

export function parent(demo: DemoData, userId: string): Who {
  const user = demo.users.find((u) => u._id === userId);
  if (!user) throw new Error(`no demo user ${userId}`);
  return { userId, tab: '家长', search: user.name };
}
