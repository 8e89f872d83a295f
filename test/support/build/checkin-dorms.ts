import type { ClassInfo, Dorm, Student } from '../../../types/domain';
import type { Store } from '../../../cloudfunctions/platform/store/store';
import { collegeBuilder, parentUser, studentUser } from './college';
import { buildCtx } from './two-classes';

/**
 * The college the check-in tests walk through, every number stated here:
 * 生命科学与工程学院 (`life`), departments bioeng and food;
 * - 周辅导 counsels, 王助理 assists both bioeng classes:
 *   生工251班: dorm 西区5号楼 A101 (孙一鸣 with a bound parent, 赵三强) and B101 (钱二妹);
 *   生工252班: dorm 西区5号楼 A201 (周五洋, 吴六合);
 * - 食品241班 (郑辅导, no assistant): dorm 西区3号楼 A301 (李四海, parent bound);
 * - bioeng's department head 梅主任 (`t-dept-bioeng`), the clerk and the leader.
 * Both buildings are dorm places of config/places.json, so every dorm is placed.
 */
export async function seedCheckinDorms(store: Store, at: string) {
  const b = collegeBuilder({
    id: 'life',
    name: '生命科学与工程学院',
    departments: { bioeng: '生物工程系', food: '食品科学与工程系' },
  });
  const counselor = b.person('t-counselor', '周辅导');
  const otherCounselor = b.person('t-counselor-2', '郑辅导');
  const assistant = b.person('t-assistant', '王助理');
  const bioeng = { departmentId: 'bioeng', cohort: 2025, major: '生物工程', counselor, assistant };
  const firstClass = b.class({
    ...bioeng,
    id: 'c2025-bioeng-1',
    name: '生工251班',
    headTeacher: b.person('t-head', '吴班主'),
  });
  const secondClass = b.class({
    ...bioeng,
    id: 'c2025-bioeng-2',
    name: '生工252班',
    headTeacher: b.person('t-head-3', '陈班主'),
  });
  const otherClass = b.class({
    id: 'c2024-food-1',
    name: '食品241班',
    departmentId: 'food',
    cohort: 2024,
    major: '食品科学与工程',
    counselor: otherCounselor,
    headTeacher: b.person('t-head-2', '冯班主'),
  });
  const dorm = (id: string, building: string, room: string, cls: ClassInfo) =>
    b.dorm({ id, building, room, classes: [cls] });
  const a101 = dorm('dorm-2025-A101', '西区5号楼', 'A101', firstClass);
  const b101 = dorm('dorm-2025-B101', '西区5号楼', 'B101', firstClass);
  const a201 = dorm('dorm-2025-A201', '西区5号楼', 'A201', secondClass);
  const a301 = dorm('dorm-2024-A301', '西区3号楼', 'A301', otherClass);
  const student = b.student(firstClass, { id: '2025311001', name: '孙一鸣', dorm: a101, parent: true });
  const classmate = b.student(firstClass, { id: '2025311002', name: '钱二妹', gender: '女', dorm: b101 });
  const third = b.student(firstClass, { id: '2025311003', name: '赵三强', dorm: a101 });
  b.student(secondClass, { id: '2025312001', name: '周五洋', dorm: a201 });
  b.student(secondClass, { id: '2025312002', name: '吴六合', dorm: a201 });
  const outsider = b.student(otherClass, { id: '2024321001', name: '李四海', dorm: a301, parent: true });
  b.clerk('t-clerk', '张秘书');
  b.leader('t-leader', '高院长');
  b.departmentHead('t-dept-bioeng', '梅主任', 'bioeng');
  const built = await b.save(store, buildCtx(at));
  return {
    built,
    firstClass,
    secondClass,
    otherClass,
    student,
    classmate,
    third,
    outsider,
    studentUser: studentUser(student),
    parentUser: parentUser(student),
    counselorUser: counselor.userId,
    otherCounselorUser: otherCounselor.userId,
    assistantUser: assistant.userId,
    /** The first dorm built for the class (生工251班: A101). */
    dormOf(classId: string): Dorm {
      const found = built.dorms.find((d) => d.classIds.includes(classId));
      if (!found) throw new Error(`no dorm for ${classId}`);
      return found;
    },
    residentsOf: (dormId: string): Student[] => built.students.filter((s) => s.dormId === dormId),
  };
}

export type CheckinDorms = Awaited<ReturnType<typeof seedCheckinDorms>>;
