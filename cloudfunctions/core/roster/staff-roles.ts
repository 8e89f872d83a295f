import type { Role } from '../../../types/domain';

/** 角色 as staff lists word it; one cell may hold several, split by 、，,;/ or spaces. */
const roleWords: Record<string, Role> = {
  辅导员: 'counselor',
  班主任: 'headTeacher',
  学业助理: 'assistant',
  助理: 'assistant',
  任课教师: 'courseTeacher',
  授课教师: 'courseTeacher',
  教师: 'courseTeacher',
  教学秘书: 'clerk',
  教务员: 'clerk',
  教务秘书: 'clerk',
  系主任: 'departmentHead',
  专业负责人: 'departmentHead',
  学院领导: 'leader',
  分管教学副院长: 'leader',
  分管学工副书记: 'leader',
  院长: 'leader',
  学工部: 'studentAffairs',
};

export const roleWordHelp = '辅导员、班主任、学业助理、任课教师、教学秘书、系主任、学院领导、学工部';

export function parseRoles(cell: string): { roles: Role[]; unknown: string[] } {
  const roles: Role[] = [];
  const unknown: string[] = [];
  for (const word of cell
    .split(/[、，,;；/\s]+/)
    .map((w) => w.trim())
    .filter((w) => w !== '')) {
    const role = roleWords[word];
    if (role === undefined) unknown.push(word);
    else if (!roles.includes(role)) roles.push(role);
  }
  return { roles, unknown };
}
