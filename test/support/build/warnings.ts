import type { RunEntry } from '../../../types/api/warnings';
import type { Store, WriteContext } from '../../../cloudfunctions/platform/store/store';
import type { ClassInfo, Student } from '../../../types/domain';
import type { EmptyHarness } from '../harness';
import type { CollegeBuilder } from './college';

/**
 * Helpers for the warnings and notices tests that build their own college (collegeBuilder,
 * seedTwoClasses): what the builder leaves out (staff phones) and the clerk's run → publish.
 */

/** Staff phones the notices print (the builder writes users without one). */
export async function givePhones(store: Store, phones: Record<string, string>, ctx: WriteContext): Promise<void> {
  for (const [userId, phone] of Object.entries(phones)) {
    const user = await store.get('users', userId);
    if (!user) throw new Error(`no user ${userId} was built`);
    await store.update('users', userId, { phone }, user._version, ctx);
  }
}

/** A run's entries as the clerk reviews them (all of them, no filter). */
export async function runEntries(h: EmptyHarness, runId: string, userId = 't-clerk'): Promise<RunEntry[]> {
  return (await h.ok(userId, 'warnings', 'review', { runId, limit: 500 })).entries;
}

/** Runs and publishes a semester as the clerk; returns the run id. */
export async function runAndPublish(h: EmptyHarness, semester: string, policyId?: string): Promise<string> {
  const run = await h.ok('t-clerk', 'warnings', 'run', policyId ? { semester, policyId } : { semester });
  await h.ok('t-clerk', 'warnings', 'publish', { runId: run.runId });
  return run.runId;
}

/**
 * `n` courses failed at the regular exam (40) and again at the make-up (50) in `semester`, codes
 * MF<first>…, 3 credits each: under lzut-life one is 口头警示, two or more 书面警示.
 */
export function failAfterMakeup(b: CollegeBuilder, student: Student, n: number, semester: string, first = 1): void {
  for (let i = first; i < first + n; i += 1) {
    const course = { courseCode: `MF${i}`, courseName: `课程MF${i}`, credits: 3, semester };
    b.grade(student, { ...course, score: '40' });
    b.grade(student, { ...course, score: '50', attempt: 'makeup' });
  }
}

/** Courses MF<first>… (as failed above) passed at the retake (重修, 75) in `semester`. */
export function passRetakes(b: CollegeBuilder, student: Student, n: number, semester: string, first = 1): void {
  for (let i = first; i < first + n; i += 1)
    b.grade(student, {
      courseCode: `MF${i}`,
      courseName: `课程MF${i}`,
      credits: 3,
      semester,
      score: '75',
      attempt: 'retake',
    });
}

/** `n` courses passed at the regular exam (80) in `semester`, codes P1…Pn of 3 credits each. */
export function passAll(b: CollegeBuilder, student: Student, n: number, semester: string): void {
  for (let i = 1; i <= n; i += 1)
    b.grade(student, { courseCode: `P${i}`, courseName: `课程P${i}`, credits: 3, semester, score: '80' });
}

/** One course sat by a student in `semester`: the regular exam, and the make-up when given. */
export function sat(
  b: CollegeBuilder,
  student: Student,
  course: { code: string; semester: string; departmentId?: string },
  scores: { regular: string; makeup?: string },
): void {
  const row = {
    courseCode: course.code,
    courseName: `课程${course.code}`,
    credits: 3,
    semester: course.semester,
    ...(course.departmentId ? { departmentId: course.departmentId } : {}),
  };
  b.grade(student, { ...row, score: scores.regular });
  if (scores.makeup !== undefined) b.grade(student, { ...row, score: scores.makeup, attempt: 'makeup' });
}

/**
 * Two semesters of the two classes' grades, every level of lzut-life reached in the first:
 * 2025-2026-1 — 孙一鸣 fails MF1 and MF2 after the make-up (书面警示), 钱二妹 MF1 (口头警示),
 * 赵三强 fails R1–R3 at the regular exam and passes the make-ups (学业警示), 李四海 fails FD1
 * and FD2 of the food department after the make-up (书面警示).
 * 2025-2026-2 — the three of 生工251班 sit MF3 (bioeng), 孙一鸣 fails it after the make-up (1 of 3
 * failed); 李四海 sits FD3 (food) and fails it after the make-up (1 of 1): both courses flagged.
 */
export function twoSemesters(
  b: CollegeBuilder,
  c: { student: Student; classmate: Student; third: Student; outsider: Student },
): void {
  const s1 = '2025-2026-1';
  const s2 = '2025-2026-2';
  const bioeng = (code: string, semester: string) => ({ code, semester, departmentId: 'bioeng' });
  const food = (code: string, semester: string) => ({ code, semester, departmentId: 'food' });
  const failed = { regular: '40', makeup: '50' };
  sat(b, c.student, bioeng('MF1', s1), failed);
  sat(b, c.student, bioeng('MF2', s1), failed);
  sat(b, c.classmate, bioeng('MF1', s1), failed);
  for (const code of ['R1', 'R2', 'R3']) sat(b, c.third, bioeng(code, s1), { regular: '40', makeup: '70' });
  sat(b, c.outsider, food('FD1', s1), failed);
  sat(b, c.outsider, food('FD2', s1), failed);
  sat(b, c.student, bioeng('MF3', s2), failed);
  sat(b, c.classmate, bioeng('MF3', s2), { regular: '80' });
  sat(b, c.third, bioeng('MF3', s2), { regular: '80' });
  sat(b, c.outsider, food('FD3', s2), failed);
}

/** How a student's warning moves from 2025-2026-1 to 2025-2026-2 under lzut-life. */
export type Move = 'lifted' | 'escalated' | 'kept' | 'carried' | 'new';

/**
 * The grades behind one move: lifted — 书面 (MF1, MF2 failed after the make-up), both passed at
 * the retake; escalated — 口头 (MF1) then 书面 (MF2, MF3); kept — 口头 (MF1) then 口头 (MF2);
 * carried — 书面 (MF1, MF2), nothing new, 6 credits still owed; new — nothing, then 口头 (MF1).
 */
export function move(b: CollegeBuilder, student: Student, kind: Move): void {
  const s1 = '2025-2026-1';
  const s2 = '2025-2026-2';
  if (kind === 'lifted') {
    failAfterMakeup(b, student, 2, s1);
    passRetakes(b, student, 2, s2);
  } else if (kind === 'escalated') {
    failAfterMakeup(b, student, 1, s1);
    failAfterMakeup(b, student, 2, s2, 2);
  } else if (kind === 'kept') {
    failAfterMakeup(b, student, 1, s1);
    failAfterMakeup(b, student, 1, s2, 2);
  } else if (kind === 'carried') failAfterMakeup(b, student, 2, s1);
  else failAfterMakeup(b, student, 1, s2);
}

/**
 * Four moves: 孙一鸣 书面 → lifted; 钱二妹 口头 → 书面 (escalated); 赵三强 口头 → 口头 (kept);
 * 李四海 书面 with nothing new but 6 credits still owed → 书面 carried (kept).
 */
export function fourMoves(
  b: CollegeBuilder,
  c: { student: Student; classmate: Student; third: Student; outsider: Student },
): void {
  move(b, c.student, 'lifted');
  move(b, c.classmate, 'escalated');
  move(b, c.third, 'kept');
  move(b, c.outsider, 'carried');
}

const MOVES: readonly Move[] = ['new', 'escalated', 'lifted', 'kept', 'carried'];

/**
 * `n` more students in `cls` (学号 <cohort>3112NN, named 同学NN), their moves cycling through
 * new, escalated, lifted, kept, carried: a list long enough to publish over many calls.
 */
export function movingStudents(b: CollegeBuilder, cls: ClassInfo, n: number): Student[] {
  return Array.from({ length: n }, (_, i) => {
    const nn = String(i + 1).padStart(2, '0');
    const student = b.student(cls, { id: `${cls.cohort}3112${nn}`, name: `同学${nn}` });
    move(b, student, MOVES[i % MOVES.length] ?? 'new');
    return student;
  });
}

/** Entry fields that must not depend on when or by whom the run was made. */
export function comparable(entries: RunEntry[]) {
  return entries.map(({ previousWarningId: _ignored, ...rest }) => rest);
}
