import type { ReviewerRole } from '../../../types/support';
import { shanghai } from '../time/shanghai';

/**
 * The semester an instant falls in, by the usual Chinese calendar: autumn semester from August
 * to January, spring from February to July (a break belongs to the semester before it).
 */
export function semesterOf(at: string | Date): string {
  const day = shanghai(at);
  const year = day.year();
  const month = day.month() + 1;
  if (month >= 8) return `${year}-${year + 1}-1`;
  if (month === 1) return `${year - 1}-${year}-1`;
  return `${year - 1}-${year}-2`;
}

/** 大几: a 2024 cohort is in year 3 during 2026-2027. */
export function studyYear(cohort: number, semesterId: string): number {
  const startYear = Number(semesterId.slice(0, 4));
  return Math.max(1, startYear - cohort + 1);
}

/**
 * Who reviews a study plan (rules: 002-4.2.3.2): the head teacher for years 1–2, the tutor (导师)
 * for year 3 and above. No tutor role exists yet, so the counselor stands in for the tutor.
 */
export function reviewerFor(year: number, tutorRoleExists = false): ReviewerRole {
  if (year <= 2) return 'headTeacher';
  return tutorRoleExists ? 'tutor' : 'counselor';
}
