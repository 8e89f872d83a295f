import type { TimelineEntry } from '../../../types/api/support';
import { concernKindLabel } from '../../../types/concern';
import { queryAll, type Store } from '../../platform/store/store';

/** A course teacher's concerns about the student, as entries of the student's case (newest first there). */
export async function concernEntries(store: Store, studentId: string): Promise<TimelineEntry[]> {
  const rows = await queryAll(store, 'concerns', { where: { studentId } });
  return rows.map((c) => ({
    at: c.at,
    kind: 'concern' as const,
    title: `任课教师反映：${concernKindLabel[c.kind]}（${c.courseName}）`,
    detail: `${c.teacherName}老师：${c.note}${c.outcome ? `；处理结果（${c.closedByName ?? ''}）：${c.outcome}` : '；待辅导员处理'}`,
    refId: c._id,
  }));
}
