import type { Student } from '../../../types/domain';
import type { CollegeBuilder } from './college';
import type { EmptyHarness } from '../harness';

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

/** Runs and publishes `semester` as the clerk; returns the run id. */
export async function publishRun(h: EmptyHarness, semester: string, clerk = 't-clerk'): Promise<string> {
  const run = await h.ok(clerk, 'warnings', 'run', { semester });
  await h.ok(clerk, 'warnings', 'publish', { runId: run.runId });
  return run.runId;
}
