import type { Student } from '../../../types/domain';
import type { Store } from '../../../cloudfunctions/platform/store/store';
import type { CollegeBuilder } from './college';
import { seedTwoClasses, type TwoClasses } from './two-classes';

/**
 * Helpers for the duties, reports and documents tests on a college they build themselves
 * (test/support/build): failing grades that the shipped policy warns on, and a clerk's run.
 */

/** `n` regular-exam fails (score 40, 3 credits each) in `semester`: three or more earn 学业警示 (lzut-life). */
export function failRegular(b: CollegeBuilder, student: Student, semester: string, n: number): void {
  for (let i = 1; i <= n; i++)
    b.grade(student, {
      courseCode: regularFailCode(semester, i),
      courseName: `专业课${i}`,
      credits: 3,
      score: '40',
      semester,
    });
}

/** The code of the `i`-th course failRegular fails in `semester` (R202611 for 2025-2026-1's first). */
export const regularFailCode = (semester: string, i: number): string => `R${semester.slice(-6).replace('-', '')}${i}`;

/** One course passed (78), so the student has grades in `semester` and is not warned. */
export function passOne(b: CollegeBuilder, student: Student, semester: string): void {
  b.grade(student, { courseCode: 'CH1203', courseName: '有机化学', credits: 3, score: '78', semester });
}

/**
 * The two classes (seedTwoClasses) plus two more classes of the same counselor 周辅导, so that the
 * counselor holds three: 生工252班 (head teacher 陈班主, student 陈一) and 生工253班 (head teacher
 * 林班主, student 林二). 生工251班's 孙一鸣 and 赵三强 live in 西区3号楼 A101 (a place the
 * check-ins know).
 */
export async function seedCounselorOfThree(store: Store, at: string) {
  return seedTwoClasses(store, at, (b, c) => {
    const counselor = b.person(c.firstClass.counselorId, '周辅导');
    const more: [string, string, string, string][] = [
      ['c2025-bioeng-2', '生工252班', '陈班主', '陈一'],
      ['c2025-bioeng-3', '生工253班', '林班主', '林二'],
    ];
    more.forEach(([id, name, head, student], i) => {
      const cls = b.class({
        id,
        name,
        departmentId: 'bioeng',
        cohort: 2025,
        major: '生物工程',
        counselor,
        headTeacher: b.person(`t-head-${i + 3}`, head),
      });
      b.student(cls, { id: `20253120${i + 2}01`, name: student });
    });
    const dorm = b.dorm({ id: 'dorm-west3-a101', building: '西区3号楼', room: 'A101', classes: [c.firstClass] });
    // The students were built before the dorm: they move in before the college is saved.
    c.student.dormId = dorm._id;
    c.third.dormId = dorm._id;
  });
}

/** `n` talk records of the counselor with 孙一鸣, as the checkins function stores them (many at once). */
export function bulkTalks(p: TwoClasses, n: number, at = '2026-11-20T10:00:00.000+08:00') {
  return Array.from({ length: n }, (_, i) => ({
    _id: `bulk-${n}-${i}`,
    kind: 'talk' as const,
    actorId: p.counselorUser,
    at,
    receivedAt: at,
    collegeId: p.firstClass.collegeId,
    classId: p.firstClass._id,
    studentId: p.student._id,
    documented: true,
    clientId: `c${i}`,
    deviceAt: at,
    sentAt: at,
    flags: [],
    details: { form: 'talk' as const, notes: '' },
  }));
}

/**
 * The two classes with 生工251班 grown to `size` students (孙一鸣, 钱二妹, 赵三强 and 同学04… in
 * 学号 order) and 学工部 (`t-affairs`), who approves pairings at school level: enough for a paper
 * trail (makePaperTrail) and a sample of talks to choose from.
 */
export async function seedPaperTrailClass(store: Store, at: string, size: number) {
  return seedTwoClasses(store, at, (b, c) => {
    for (let i = 4; i <= size; i++)
      b.student(c.firstClass, {
        id: `20253110${String(i).padStart(2, '0')}`,
        name: `同学${String(i).padStart(2, '0')}`,
      });
    b.studentAffairs('t-affairs', '学工部');
  });
}
