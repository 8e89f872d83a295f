import type { RunEntry } from '../../../types/api/warnings';
import type { Store, WriteContext } from '../../../cloudfunctions/platform/store/store';
import type { Student } from '../../../types/domain';
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
