import type { ClassInfo, College, Dorm, Student, User } from '../../types/domain';
import type { Store } from '../../cloudfunctions/platform/store/store';
import { collegeBuilder, parentUser, studentUser } from './build/college';

/**
 * A second college beside the first one, whose department ids repeat the first college's
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
    /** Head of this college's `bioeng` department: the same department id as the first college's head. */
    departmentHeadUser: string;
  };
};

/** Adds the second college to a store (beside whatever college it already holds). */
export async function seedSecondCollege(store: Store, at: string): Promise<SecondCollege> {
  const b = collegeBuilder({
    id: SECOND_COLLEGE_ID,
    name: '化学化工学院',
    departments: { bioeng: '生物化工系', basic: '基础化学部' },
  });
  const counselor = b.person('k-counselor', '秦守拙');
  const assistant = b.person('k-assistant', '陆知微');
  const classes = [
    b.class({
      id: 'k2025-bioeng-1',
      name: '化工251班',
      departmentId: 'bioeng',
      cohort: 2025,
      major: '化学工程与工艺',
      counselor,
      headTeacher: b.person('k-head-k2025-bioeng-1', '范景行'),
      assistant,
    }),
    b.class({
      id: 'k2025-basic-1',
      name: '应化251班',
      departmentId: 'basic',
      cohort: 2025,
      major: '应用化学',
      counselor,
      headTeacher: b.person('k-head-k2025-basic-1', '沈砚秋'),
      assistant,
    }),
  ];
  const clerk = b.clerk('k-clerk', '白若水');
  const leader = b.leader('k-leader', '高致远');
  const head = b.departmentHead('k-dept-bioeng', '梅清和', 'bioeng');
  const dorms = classes.map((c, i) =>
    b.dorm({ id: `kdorm-${i + 1}`, building: '东区2号楼', room: `C${i + 1}01`, classes: [c] }),
  );
  const students = classes.flatMap((c, ci) =>
    [1, 2, 3].map((n) =>
      b.student(c, {
        id: `2025${ci === 0 ? '71' : '72'}1${String(n).padStart(3, '0')}`,
        name: `${['赵', '钱', '孙'][n - 1] ?? '李'}${ci === 0 ? '化' : '应'}${n}`,
        gender: n % 2 === 0 ? '女' : '男',
        ...(dorms[ci] ? { dorm: dorms[ci] } : {}),
        parentName: `家长${ci}${n}`,
        parentPhone: `1390000${ci}${String(n).padStart(3, '0')}`,
        // The first student's parent is bound.
        parent: ci === 0 && n === 1,
      }),
    ),
  );
  const first = students[0];
  if (!first) throw new Error('second college has no students');
  const built = await b.save(store, { by: 'system:test-second-college', at });
  return {
    college: built.college,
    classes: built.classes,
    students: built.students,
    dorms: built.dorms,
    users: built.users,
    people: {
      classId: first.classId,
      student: first,
      studentUser: studentUser(first),
      parentUser: parentUser(first),
      counselorUser: counselor.userId,
      headTeacherUser: classes[0]?.headTeacherId ?? '',
      assistantUser: assistant.userId,
      clerkUser: clerk.userId,
      leaderUser: leader.userId,
      departmentHeadUser: head.userId,
    },
  };
}
