import type { ClassInfo, Student } from '../../../types/domain';
import type { Store } from '../../../cloudfunctions/platform/store/store';
import { collegeBuilder, parentUser, studentUser, type BuiltCollege, type CollegeBuilder } from './college';

/** Who writes the built records, at the test's own time. */
export const buildCtx = (at: string) => ({ by: 'test:build', at });

/**
 * The smallest college most access tests need, every number stated here:
 * 生命科学与工程学院 (`life`), departments bioeng and food;
 * - 生工251班 (2025, bioeng): counselor 周辅导, head teacher 吴班主, assistant 王助理, three
 *   students 孙一鸣 (parent bound), 钱二妹, 赵三强;
 * - 食品241班 (2024, food): counselor 郑辅导, head teacher 冯班主, one student 李四海 (parent bound);
 * - the college's clerk 张秘书, leader 高院长 and bioeng department head 梅主任.
 * `extend` may add more (students, dorms, courses, grades) before it is saved.
 */
export async function seedTwoClasses(
  store: Store,
  at: string,
  extend?: (b: CollegeBuilder, c: TwoClassesDraft) => void,
) {
  const b = collegeBuilder({
    id: 'life',
    name: '生命科学与工程学院',
    departments: { bioeng: '生物工程系', food: '食品科学与工程系' },
  });
  const counselor = b.person('t-counselor', '周辅导');
  const otherCounselor = b.person('t-counselor-2', '郑辅导');
  const headTeacher = b.person('t-head', '吴班主');
  const otherHeadTeacher = b.person('t-head-2', '冯班主');
  const assistant = b.person('t-assistant', '王助理');
  const firstClass = b.class({
    id: 'c2025-bioeng-1',
    name: '生工251班',
    departmentId: 'bioeng',
    cohort: 2025,
    major: '生物工程',
    counselor,
    headTeacher,
    assistant,
  });
  const otherClass = b.class({
    id: 'c2024-food-1',
    name: '食品241班',
    departmentId: 'food',
    cohort: 2024,
    major: '食品科学与工程',
    counselor: otherCounselor,
    headTeacher: otherHeadTeacher,
  });
  const student = b.student(firstClass, { id: '2025311001', name: '孙一鸣', parent: true });
  const classmate = b.student(firstClass, { id: '2025311002', name: '钱二妹', gender: '女' });
  const third = b.student(firstClass, { id: '2025311003', name: '赵三强' });
  const outsider = b.student(otherClass, { id: '2024321001', name: '李四海', parent: true });
  const clerk = b.clerk('t-clerk', '张秘书');
  const leader = b.leader('t-leader', '高院长');
  const departmentHead = b.departmentHead('t-dept-bioeng', '梅主任', 'bioeng');
  const draft: TwoClassesDraft = { firstClass, otherClass, student, classmate, third, outsider };
  extend?.(b, draft);
  const built: BuiltCollege = await b.save(store, buildCtx(at));
  return {
    built,
    ...draft,
    studentUser: studentUser(student),
    classmateUser: studentUser(classmate),
    thirdUser: studentUser(third),
    outsiderUser: studentUser(outsider),
    parentUser: parentUser(student),
    otherParentUser: parentUser(outsider),
    counselorUser: counselor.userId,
    otherCounselorUser: otherCounselor.userId,
    headTeacherUser: headTeacher.userId,
    otherHeadTeacherUser: otherHeadTeacher.userId,
    assistantUser: assistant.userId,
    clerkUser: clerk.userId,
    leaderUser: leader.userId,
    departmentHeadUser: departmentHead.userId,
  };
}

export type TwoClassesDraft = {
  firstClass: ClassInfo;
  otherClass: ClassInfo;
  student: Student;
  classmate: Student;
  third: Student;
  outsider: Student;
};
export type TwoClasses = Awaited<ReturnType<typeof seedTwoClasses>>;
