import type { Role } from '../../../types/domain';

/**
 * How far a role's grant reaches for a permission:
 * - own: the student themself;   child: a parent's bound children;
 * - class: the classes the staff member serves;   college / department: that unit;
 * - self: only the caller's own records (no resource to match);   school: everything.
 */
export type Reach = 'own' | 'child' | 'class' | 'college' | 'department' | 'self' | 'school';

type Table = Record<string, Partial<Record<Role, Reach>>>;

const classStaff = { counselor: 'class', headTeacher: 'class' } as const;
const collegeStaff = { clerk: 'college', leader: 'college', departmentHead: 'department' } as const;

/**
 * The access policy as data: permission → role → reach. Anything not listed is denied.
 * Warnings are not disciplinary records (rules: 004-1.3; the rest is the project's reading): only the people who handle a student see them.
 */
export const permissions = {
  'profile.read': {
    student: 'self',
    parent: 'self',
    assistant: 'self',
    counselor: 'self',
    headTeacher: 'self',
    courseTeacher: 'self',
    clerk: 'self',
    departmentHead: 'self',
    leader: 'self',
    studentAffairs: 'self',
    graduate: 'self',
  },
  'student.read': {
    student: 'own',
    parent: 'child',
    assistant: 'class',
    ...classStaff,
    ...collegeStaff,
    studentAffairs: 'school',
  },
  'student.readContact': { ...classStaff, clerk: 'college' },
  // A course teacher's home lists classes too (none by class grant: their students come through teaching sections).
  'class.read': {
    assistant: 'class',
    ...classStaff,
    courseTeacher: 'class',
    ...collegeStaff,
    studentAffairs: 'school',
  },
  'college.read': { ...collegeStaff, studentAffairs: 'school' },
  // The school calendar (校历) is one for everyone: staff read it, the clerk keeps it.
  'calendar.read': {
    assistant: 'self',
    counselor: 'self',
    headTeacher: 'self',
    courseTeacher: 'self',
    clerk: 'self',
    departmentHead: 'self',
    leader: 'self',
    studentAffairs: 'self',
  },
  'calendar.write': { clerk: 'self' },

  'grades.import': { clerk: 'college' },
  'grades.read': { student: 'own', ...classStaff, ...collegeStaff },
  'warnings.run': { clerk: 'college' },
  'warnings.review': { clerk: 'college', leader: 'college', departmentHead: 'department' },
  'warnings.publish': { clerk: 'college' },
  'warnings.addManual': { clerk: 'college', ...classStaff },
  'warnings.read': { student: 'own', assistant: 'class', ...classStaff, ...collegeStaff },

  'notice.readStudentCopy': { student: 'own', ...classStaff, clerk: 'college', leader: 'college' },
  'notice.acknowledge': { student: 'own' },
  'notice.readParentCopy': { parent: 'child', ...classStaff, clerk: 'college' },
  'notice.returnReceipt': { parent: 'child' },
  'notice.resolveObjection': { clerk: 'college' },
  'notice.trackStatus': { ...classStaff, clerk: 'college', leader: 'college' },
  'parent.createBindingCode': { counselor: 'class' },
  'parent.recordPhoneContact': { ...classStaff },

  'case.read': {
    student: 'own',
    parent: 'child',
    assistant: 'class',
    ...classStaff,
    leader: 'college',
    clerk: 'college',
  },
  'talk.write': { assistant: 'class', ...classStaff },
  'talk.readNotes': { ...classStaff },
  'difficulty.write': { ...classStaff },
  'plan.write': { student: 'own' },
  'plan.review': { headTeacher: 'class', counselor: 'class' },
  'pairing.apply': { ...classStaff, assistant: 'class' },
  'pairing.approveClass': { headTeacher: 'class' },
  'pairing.approveCollege': { leader: 'college' },
  'pairing.approveSchool': { studentAffairs: 'school' },
  'pairing.read': { ...classStaff, assistant: 'class', leader: 'college', studentAffairs: 'school' },
  'meeting.schedule': { assistant: 'class', ...classStaff, leader: 'college' },
  'meeting.respond': { student: 'own', parent: 'child' },

  'checkin.write': { assistant: 'class', ...classStaff },
  'duties.readOwn': { assistant: 'self', counselor: 'self', headTeacher: 'self' },
  'duties.readClass': { ...classStaff, ...collegeStaff },
  'duties.readCollege': { leader: 'college', clerk: 'college' },
  // The school view of every college's duties (学工部), and evaluating one college again on request.
  'duties.readSchool': { studentAffairs: 'school' },
  // Issue 11: every home's workbench; each count runs only the lists the caller's own role may see.
  'workbench.read': {
    student: 'self',
    parent: 'self',
    assistant: 'self',
    counselor: 'self',
    headTeacher: 'self',
    clerk: 'self',
    departmentHead: 'self',
    leader: 'self',
  },
  'inbox.read': {
    student: 'self',
    parent: 'self',
    assistant: 'self',
    counselor: 'self',
    headTeacher: 'self',
    courseTeacher: 'self',
    clerk: 'self',
    departmentHead: 'self',
    leader: 'self',
    studentAffairs: 'self',
    graduate: 'self',
  },

  // The academic-assistant programme (rules: 000; issue 16): graduates apply; the college selects
  // (its leader heads the selection group and sends the list); 学工部 reviews, publicises, confirms.
  'assistants.apply': { graduate: 'self' },
  'assistants.read': { clerk: 'college', leader: 'college', studentAffairs: 'school' },
  'assistants.manage': { clerk: 'college', leader: 'college' },
  'assistants.decide': { leader: 'college' },
  'assistants.objection': { clerk: 'college', leader: 'college', studentAffairs: 'school' },
  'assistants.review': { studentAffairs: 'school' },
  // Printed forms and the semester archive (issue 15): the same reach as the screens they print.
  'documents.notice': { ...classStaff, clerk: 'college' },
  'documents.noticeRegister': { clerk: 'college', leader: 'college' },
  'documents.talks': { ...classStaff },
  'documents.plan': { ...classStaff },
  'documents.pairing': { ...classStaff, leader: 'college', studentAffairs: 'school' },
  'documents.meeting': { ...classStaff, leader: 'college' },
  'documents.dutyRegister': { ...classStaff, ...collegeStaff },
  'documents.compliance': { ...classStaff, ...collegeStaff },
  'archive.write': { clerk: 'college' },
  'archive.read': { clerk: 'college', leader: 'college' },
  'exports.read': { leader: 'college' },

  // Go-live (issue 13): the college's own files, staff invites, single roster changes (audited).
  'roster.import': { clerk: 'college', studentAffairs: 'school' },
  'roster.invite': { clerk: 'college', studentAffairs: 'school' },
  'roster.edit': { clerk: 'college', studentAffairs: 'school' },
  // Course teachers see their own sections' warned students (rules: 004-2.4, 004-4.7) and raise concerns;
  // the class's counselor (and head teacher) read them, the counselor closes them.
  'teaching.read': { courseTeacher: 'self' },
  'concern.raise': { courseTeacher: 'self' },
  'concern.read': { counselor: 'class', headTeacher: 'class' },
  'concern.close': { counselor: 'class' },
  // A college's own thresholds of a policy that leaves them open (gxu-ee), audited.
  'policy.configure': { clerk: 'college' },
  // What worked (issue 14): the effect report for leaders, department heads and each class's own staff;
  // course-improvement tasks for the department that owns the course.
  'reports.read': { ...classStaff, departmentHead: 'department', leader: 'college' },
  'courseTasks.open': { leader: 'college', clerk: 'college' },
  'courseTasks.read': { departmentHead: 'department', leader: 'college', clerk: 'college' },
  // A leader writes only the tasks they stand in for (a department without a head): mayWriteCourseTask.
  'courseTasks.write': { departmentHead: 'department', leader: 'college' },
  // Class KPIs (rules: 003-10): the clerk imports the college's sheet; those who assess classes read them.
  'kpi.import': { clerk: 'college' },
  'kpi.read': { ...classStaff, departmentHead: 'department', leader: 'college', clerk: 'college' },
} satisfies Table;

export type Permission = keyof typeof permissions;
