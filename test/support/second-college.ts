import type { ClassInfo, College, Dorm, Student, User } from '../../types/domain';
import type { Store } from '../../cloudfunctions/platform/store/store';
import { DEMO_OPENID_PREFIX } from '../../scripts/demo/generate';

/**
 * A second college beside the demo one, whose department ids repeat the first college's
 * (department ids are per-college codes: every college may have a `bioeng` or a `basic`).
 * Class, student and user ids are its own. Small on purpose: two classes of three students.
 */
export const SECOND_COLLEGE_ID = 'chem';

export type SecondCollege = {
  college: College;
  classes: ClassInfo[];
  students: Student[];
  dorms: Dorm[];
  users: User[];
  people: {
    classId: string;
    student: Student;
    studentUser: string;
    parentUser: string;
    counselorUser: string;
    headTeacherUser: string;
    assistantUser: string;
    clerkUser: string;
    leaderUser: string;
    /** Head of this college's `bioeng` department: the same department id as the demo's head. */
    departmentHeadUser: string;
  };
};

export function secondCollege(): SecondCollege {
  const college: College = {
    _id: SECOND_COLLEGE_ID,
    name: '化学化工学院',
    departments: [
      { id: 'bioeng', name: '生物化工系' },
      { id: 'basic', name: '基础化学部' },
    ],
  };
  const users: User[] = [];
  const user = (id: string, name: string, grants: User['grants']): User => {
    const u: User = { _id: id, openid: DEMO_OPENID_PREFIX + id, name, grants };
    users.push(u);
    return u;
  };
  const classIds = ['k2025-bioeng-1', 'k2025-basic-1'];
  const counselor = user('k-counselor', '秦守拙', [{ role: 'counselor', classIds }]);
  const assistant = user('k-assistant', '陆知微', [{ role: 'assistant', classIds }]);
  const classes: ClassInfo[] = classIds.map((id, i) => ({
    _id: id,
    name: i === 0 ? '化工251班' : '应化251班',
    collegeId: college._id,
    departmentId: i === 0 ? 'bioeng' : 'basic',
    cohort: 2025,
    major: i === 0 ? '化学工程与工艺' : '应用化学',
    counselorId: counselor._id,
    headTeacherId: user(`k-head-${id}`, i === 0 ? '范景行' : '沈砚秋', [{ role: 'headTeacher', classIds: [id] }])._id,
    assistantId: assistant._id,
    size: 3,
  }));
  const clerk = user('k-clerk', '白若水', [{ role: 'clerk', collegeId: college._id }]);
  const leader = user('k-leader', '高致远', [{ role: 'leader', collegeId: college._id }]);
  const head = user('k-dept-bioeng', '梅清和', [{ role: 'departmentHead', collegeId: college._id, departmentId: 'bioeng' }]);
  const dorms: Dorm[] = classes.map((c, i) => ({ _id: `kdorm-${i + 1}`, building: '东区2号楼', room: `C${i + 1}01`, collegeId: college._id, classIds: [c._id] }));
  const students: Student[] = classes.flatMap((c, ci) =>
    [1, 2, 3].map((n) => ({
      _id: `2025${ci === 0 ? '71' : '72'}1${String(n).padStart(3, '0')}`,
      name: `${['赵', '钱', '孙'][n - 1] ?? '李'}${ci === 0 ? '化' : '应'}${n}`,
      gender: n % 2 === 0 ? ('女' as const) : ('男' as const),
      classId: c._id,
      collegeId: college._id,
      cohort: 2025,
      dormId: dorms[ci]?._id ?? '',
      parentName: `家长${ci}${n}`,
      parentPhone: `1390000${ci}${String(n).padStart(3, '0')}`,
    })),
  );
  for (const s of students) user(`s-${s._id}`, s.name, [{ role: 'student', studentId: s._id }]);
  const first = students[0];
  if (!first) throw new Error('second college has no students');
  const parent = user(`p-${first._id}`, first.parentName, [{ role: 'parent', childIds: [first._id] }]);
  return {
    college,
    classes,
    students,
    dorms,
    users,
    people: {
      classId: first.classId,
      student: first,
      studentUser: `s-${first._id}`,
      parentUser: parent._id,
      counselorUser: counselor._id,
      headTeacherUser: classes[0]?.headTeacherId ?? '',
      assistantUser: assistant._id,
      clerkUser: clerk._id,
      leaderUser: leader._id,
      departmentHeadUser: head._id,
    },
  };
}

/** Adds the second college to a store that already holds the demo one. */
export async function seedSecondCollege(store: Store, at: string): Promise<SecondCollege> {
  const data = secondCollege();
  const ctx = { by: 'system:test-second-college', at };
  await store.addMany('colleges', [data.college], ctx);
  await store.addMany('classes', data.classes, ctx);
  await store.addMany('students', data.students, ctx);
  await store.addMany('dorms', data.dorms, ctx);
  await store.addMany('users', data.users, ctx);
  return data;
}
