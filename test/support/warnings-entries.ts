import type { RunEntry } from '../../types/api/warnings';

/** A run entry with sensible defaults: a student with a level from the rules, new this run. */
export function runEntry(overrides: Partial<RunEntry> & { studentId: string }): RunEntry {
  return {
    studentName: `学生${overrides.studentId}`,
    classId: 'c1',
    className: '一班',
    level: 'oral',
    levelName: '口头警示',
    levelRank: 1,
    previousLevel: null,
    previousLevelName: null,
    previousWarningId: null,
    change: 'new',
    source: 'rules',
    triggers: [
      {
        rule: 'makeup-fail',
        kind: 'failedAfterMakeup',
        level: 'oral',
        courses: ['MA1'],
        credits: 4,
        value: 1,
        text: '补考后仍不及格 1 门：高等数学（MA1，4 学分）',
      },
    ],
    manual: null,
    failedCourses: [{ code: 'MA1', name: '高等数学', credits: 4 }],
    figures: {
      regularFails: 1,
      failedAfterMakeup: 1,
      regularFailedCredits: 4,
      owedCredits: 4,
      semesterGpa: 2,
      cumulativeGpa: 2.5,
    },
    ...overrides,
  };
}
