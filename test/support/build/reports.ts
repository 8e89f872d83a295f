import type { Student } from '../../../types/domain';
import type { Store } from '../../../cloudfunctions/platform/store/store';
import { seedTwoClasses } from './two-classes';
import { failRegular, passOne, regularFailCode } from './duties';

/** Colleges with grades for the reports tests (KPIs, course tasks), every number stated here. */

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

type CourseGrade = { code: string; name: string; departmentId: string; teacher: string; scores: string[] };

/**
 * Regular grades of the two classes' students in `semester`, by course (scores in the order
 * 孙一鸣, 钱二妹, 赵三强, 李四海; the policy flags a fail rate above 15%):
 * - MA1011 高等数学A（上） (bioeng, 刘老师): 45, 52, 80, 71 — 2 of 4 fail, flagged;
 * - BI2001 生物化学 (bioeng, 刘老师): 58, 77, 83, 90 — 1 of 4, flagged;
 * - CH1203 有机化学 (food, 陈老师): 66, 70, 88, 91 — none;
 * - FS1001 食品化学 (food, 陈老师): 李四海 only, 40 — 1 of 1, flagged.
 * Teachers: 刘老师 3 of 8 fail (flagged), 陈老师 1 of 5 (flagged).
 */
export const COURSE_GRADES: CourseGrade[] = [
  {
    code: 'MA1011',
    name: '高等数学A（上）',
    departmentId: 'bioeng',
    teacher: '刘老师',
    scores: ['45', '52', '80', '71'],
  },
  { code: 'BI2001', name: '生物化学', departmentId: 'bioeng', teacher: '刘老师', scores: ['58', '77', '83', '90'] },
  { code: 'CH1203', name: '有机化学', departmentId: 'food', teacher: '陈老师', scores: ['66', '70', '88', '91'] },
  { code: 'FS1001', name: '食品化学', departmentId: 'food', teacher: '陈老师', scores: ['', '', '', '40'] },
];

export async function seedCourseGrades(store: Store, at: string, semester: string) {
  return seedTwoClasses(store, at, (b, c) => {
    const students: Student[] = [c.student, c.classmate, c.third, c.outsider];
    for (const course of COURSE_GRADES)
      course.scores.forEach((score, i) => {
        const s = students[i];
        if (!s || score === '') return;
        b.grade(s, {
          courseCode: course.code,
          courseName: course.name,
          credits: 3,
          score,
          semester,
          departmentId: course.departmentId,
          teacherName: course.teacher,
        });
      });
  });
}

/**
 * The two classes with warnings to follow up (lzut-life: three regular fails earn 学业警示, a course
 * failed again at the make-up counts too):
 * - `semester`: 孙一鸣, 钱二妹 (生工251班) and 李四海 (食品241班) fail three courses each; 赵三强 passes one;
 * - `next` (when given): 孙一鸣 passes all three at the retake and fails nothing; 钱二妹 fails three new
 *   courses; 李四海 fails two more, again at the make-up.
 */
export async function seedWarnedClasses(store: Store, at: string, semester: string, next?: string) {
  return seedTwoClasses(store, at, (b, c) => {
    for (const s of [c.student, c.classmate, c.outsider]) failRegular(b, s, semester, 3);
    passOne(b, c.third, semester);
    if (!next) return;
    for (let i = 1; i <= 3; i++)
      b.grade(c.student, {
        courseCode: regularFailCode(semester, i),
        courseName: `专业课${i}`,
        credits: 3,
        score: '80',
        semester: next,
        attempt: 'retake',
      });
    failRegular(b, c.classmate, next, 3);
    for (let i = 1; i <= 2; i++) {
      const course = { courseCode: `MK${i}`, courseName: `课程MK${i}`, credits: 3, semester: next };
      b.grade(c.outsider, { ...course, score: '40' });
      b.grade(c.outsider, { ...course, score: '50', attempt: 'makeup' });
    }
  });
}
