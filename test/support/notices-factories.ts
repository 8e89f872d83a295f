import type { Student } from '../../types/domain';
import type { Warning } from '../../types/warning';
import { issueNoticesInTx, loadNoticeNames, type IssuedNotice } from '../../cloudfunctions/application/notices/issue';
import type { Store } from '../../cloudfunctions/platform/store/store';

let serial = 0;

/** A published warning for a demo student, as issue 3's publishing would store it. */
export function makeWarning(
  student: Pick<Student, '_id' | 'name' | 'classId' | 'collegeId'>,
  overrides: Partial<Warning> = {},
): Warning {
  serial += 1;
  return {
    _id: `w-test-${serial}-${student._id}`,
    runId: 'run-test',
    studentId: student._id,
    studentName: student.name,
    classId: student.classId,
    collegeId: student.collegeId,
    semester: '2025-2026-1',
    policyId: 'lzut-life',
    level: 'written',
    levelName: '书面警示',
    levelRank: 2,
    change: 'new',
    triggers: [
      {
        rule: 'failedAfterMakeup',
        text: '补考后仍不及格 2 门：高等数学A（上）（MA1011，5 学分）、大学物理（PH1001，4 学分）',
        courses: ['MA1011', 'PH1001'],
        credits: 9,
      },
    ],
    failedCourses: [
      { code: 'MA1011', name: '高等数学A（上）', credits: 5 },
      { code: 'PH1001', name: '大学物理', credits: 4 },
    ],
    manual: null,
    status: 'active',
    publishedAt: '2026-11-23T09:00:00.000+08:00',
    publishedBy: 't-clerk',
    ...overrides,
  };
}

/** Publish: the warning and its notice land in one transaction, as publishing does. */
export async function publishWarning(store: Store, warning: Warning, at = warning.publishedAt): Promise<IssuedNotice> {
  const names = (await loadNoticeNames(store, [warning])).get(warning.studentId);
  if (!names) throw new Error(`no student ${warning.studentId}`);
  return store.transaction(async (tx) => {
    if (!(await tx.get('warnings', warning._id))) await tx.add('warnings', warning, { by: warning.publishedBy, at });
    return issueNoticesInTx(tx, warning, { by: warning.publishedBy, at }, names);
  });
}

/** A signature as the canvas gives it: a real (tiny) PNG data URL, long enough to pass the check. */
export const SIGNATURE =
  'data:image/png;base64,' +
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='.padEnd(240, 'A');
