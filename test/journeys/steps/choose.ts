import { queryAll } from '../../../cloudfunctions/platform/store/store';
import type { Notice } from '../../../types/notice';
import type { JourneyApp } from '../../support/journey';

/** Students of a class with an issued notice of the semester (read from the store to pick whom to follow). */
export async function noticedStudents(app: JourneyApp, classId: string, semester: string): Promise<Notice[]> {
  const notices = await queryAll(app.store, 'notices', { where: { classId } });
  return notices
    .filter((n) => n.semester === semester && n.status === 'issued')
    .sort((a, b) => a.studentId.localeCompare(b.studentId));
}

/** Whether the demo enrolled the student's parent already (half are: `p-<学号>`). */
export function parentBound(app: JourneyApp, studentId: string): boolean {
  return app.demo.users.some((u) => u.grants.some((g) => g.role === 'parent' && g.childIds.includes(studentId)));
}
