import { reviewerFor, semesterOf, studyYear } from '../../../cloudfunctions/core/support/study-year';

describe('study year and plan reviewer', () => {
  it.each([
    ['2026-11-23T09:00:00+08:00', '2026-2027-1'],
    ['2027-01-10T09:00:00+08:00', '2026-2027-1'],
    ['2027-03-01T09:00:00+08:00', '2026-2027-2'],
    ['2027-07-31T23:00:00+08:00', '2026-2027-2'],
    ['2026-07-31T16:30:00Z', '2026-2027-1'], // already 1 August in Shanghai
  ])('%s is in semester %s', (at, semester) => {
    expect(semesterOf(at)).toBe(semester);
  });

  it.each([
    [2026, '2026-2027-1', 1, 'headTeacher'],
    [2025, '2026-2027-2', 2, 'headTeacher'],
    [2024, '2026-2027-1', 3, 'counselor'],
    [2023, '2026-2027-1', 4, 'counselor'],
  ] as const)('cohort %i in %s is year %i, reviewed by %s', (cohort, semester, year, reviewer) => {
    expect(studyYear(cohort, semester)).toBe(year);
    expect(reviewerFor(studyYear(cohort, semester))).toBe(reviewer);
  });

  it('a tutor reviews year 3+ once a tutor role exists', () => {
    expect(reviewerFor(3, true)).toBe('tutor');
    expect(reviewerFor(2, true)).toBe('headTeacher');
  });
});
