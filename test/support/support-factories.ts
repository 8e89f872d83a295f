import type { DemoData } from '../../scripts/demo/generate';
import type { Student } from '../../types/domain';
import type { TalkInput } from '../../types/support';
import { type Warning } from '../../types/warning';
import type { Store } from '../../cloudfunctions/platform/store/store';

/** Factories for the casework tests: a published warning (issue 3 publishes for real), people, inputs. */

export const OWED = [
  { code: 'MA1011', name: '高等数学A（上）', credits: 5 },
  { code: 'CH1203', name: '有机化学', credits: 3 },
];

export async function publishWarning(
  store: Store,
  student: Student,
  overrides: Partial<Warning> = {},
): Promise<Warning> {
  const warning: Warning = {
    _id: `w-${student._id}-${overrides.semester ?? '2026-2027-1'}`,
    runId: 'run-test',
    studentId: student._id,
    studentName: student.name,
    classId: student.classId,
    collegeId: student.collegeId,
    semester: '2026-2027-1',
    policyId: 'lzut-life',
    level: 'written',
    levelName: '书面警示',
    levelRank: 2,
    change: 'new',
    triggers: [
      {
        rule: 'failedAfterMakeup',
        text: '补考后仍不及格 2 门：高等数学A（上）（MA1011，5 学分）、有机化学（CH1203，3 学分）',
        courses: OWED.map((c) => c.code),
        credits: 8,
      },
    ],
    failedCourses: OWED,
    manual: null,
    status: 'active',
    publishedAt: '2026-09-15T10:00:00.000+08:00',
    publishedBy: 't-clerk',
    ...overrides,
  };
  await store.add('warnings', warning, { by: 't-clerk', at: warning.publishedAt });
  return warning;
}

/** A class of the 2025 cohort (year 2 in 2026-2027): its plans are reviewed by the head teacher. */
export function secondYear(demo: DemoData) {
  const cls = demo.classes.find((c) => c.cohort === 2025);
  if (!cls) throw new Error('demo has no 2025 class');
  const [student, classmate] = demo.students.filter((s) => s.classId === cls._id);
  if (!student || !classmate) throw new Error('demo class has too few students');
  return {
    cls,
    student,
    classmate,
    studentUser: `s-${student._id}`,
    headTeacherUser: cls.headTeacherId,
    counselorUser: cls.counselorId,
    assistantUser: cls.assistantId ?? '',
  };
}

export function talkInput(studentId: string, overrides: Partial<TalkInput> = {}): TalkInput {
  return {
    studentId,
    talkerRole: 'counselor',
    initiatedBy: 'teacher',
    mode: 'faceToFace',
    topics: ['academics'],
    otherTopic: '',
    at: '2026-11-20T15:00:00+08:00',
    place: '辅导员办公室',
    minutes: 30,
    firstImpression: '情绪低落，作息不规律',
    content: '了解补考未通过原因，约定每周汇报复习进度',
    measures: '安排同寝室同学一对一辅导',
    confirmed: true,
    ...overrides,
  };
}
