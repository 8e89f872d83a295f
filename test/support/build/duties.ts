import type { Student } from '../../../types/domain';
import type { Store } from '../../../cloudfunctions/platform/store/store';
import type { CollegeBuilder } from './college';
import { seedTwoClasses } from './two-classes';
import type { EmptyHarness } from '../harness';

/**
 * Helpers for the duties, reports and documents tests on a college they build themselves
 * (test/support/build): failing grades that the shipped policy warns on, and a clerk's run.
 */

/** `n` regular-exam fails (score 40, 3 credits each) in `semester`: three or more earn 学业警示 (lzut-life). */
export function failRegular(b: CollegeBuilder, student: Student, semester: string, n: number): void {
  for (let i = 1; i <= n; i++)
    b.grade(student, {
      courseCode: `R${semester.slice(-6).replace('-', '')}${i}`,
      courseName: `专业课${i}`,
      credits: 3,
      score: '40',
      semester,
    });
}

/** One course passed (78), so the student has grades in `semester` and is not warned. */
export function passOne(b: CollegeBuilder, student: Student, semester: string): void {
  b.grade(student, { courseCode: 'CH1203', courseName: '有机化学', credits: 3, score: '78', semester });
}

/** Runs and publishes `semester` as the clerk; returns the run id. */
export async function publishRun(h: EmptyHarness, semester: string, clerk = 't-clerk'): Promise<string> {
  const run = await h.ok(clerk, 'warnings', 'run', { semester });
  await h.ok(clerk, 'warnings', 'publish', { runId: run.runId });
  return run.runId;
}

const SCORES = ['78', '45', '92', '59', '66'];

/**
 * The two classes (seedTwoClasses) plus 生工252班 (2025, bioeng, counselor 周辅导, head teacher 陈班主)
 * with six students, so that one cohort holds two classes: ten students. Each has two regular grades in
 * `semester`, scores cycling through 78, 45, 92, 59, 66 (some fail), and 孙一鸣 a make-up of one.
 */
export async function seedGradedClasses(store: Store, at: string, semester: string) {
  return seedTwoClasses(store, at, (b, c) => {
    const third = b.class({
      id: 'c2025-bioeng-2',
      name: '生工252班',
      departmentId: 'bioeng',
      cohort: 2025,
      major: '生物工程',
      counselor: b.person(c.firstClass.counselorId, '周辅导'),
      headTeacher: b.person('t-head-3', '陈班主'),
    });
    const added = ['陈一', '林二', '黄三', '何四', '罗五', '马六'].map((name, i) =>
      b.student(third, { id: `202531200${i + 1}`, name }),
    );
    [c.student, c.classmate, c.third, c.outsider, ...added].forEach((s, i) => {
      b.grade(s, {
        courseCode: 'MA1011',
        courseName: '高等数学A（上）',
        credits: 5,
        score: SCORES[(2 * i) % 5] ?? '',
        semester,
      });
      b.grade(s, {
        courseCode: 'CH1203',
        courseName: '有机化学',
        credits: 3,
        score: SCORES[(2 * i + 1) % 5] ?? '',
        semester,
      });
    });
    b.grade(c.student, {
      courseCode: 'CH1203',
      courseName: '有机化学',
      credits: 3,
      score: '61',
      semester,
      attempt: 'makeup',
    });
  });
}
