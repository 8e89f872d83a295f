import type { FormDocument } from '../../../types/documents';
import { fileStem, wall } from './form-kit';

export const liftedColumns = ['序号', '学号', '姓名', '原警示等级', '警示学期', '解除时间'] as const;

export type LiftedWarning = {
  warningId: string;
  studentId: string;
  studentName: string;
  levelName: string;
  semester: string;
  liftedAt: string;
};

/**
 * Warnings lifted during the semester (rules: 004-3.4, 004-1.3): they leave day-to-day views and
 * are kept here, in the archive, and nowhere else.
 */
export function liftedRegister(input: {
  collegeName: string;
  semester: string;
  lifted: readonly LiftedWarning[];
}): FormDocument {
  const rows = [...input.lifted]
    .sort((a, b) => a.studentId.localeCompare(b.studentId) || a.liftedAt.localeCompare(b.liftedAt))
    .map((w, i) => [String(i + 1), w.studentId, w.studentName, w.levelName, w.semester, wall(w.liftedAt)]);
  const title = `${input.collegeName} ${input.semester} 学期解除学业警示名单`;
  return {
    kind: 'archive',
    title,
    fileStem: fileStem('解除学业警示名单', input.semester),
    pages: [
      { title, subtitle: `共 ${rows.length} 人`, blocks: [{ kind: 'table', columns: [...liftedColumns], rows }] },
    ],
  };
}

/** Several forms of one kind bound into one document (one file per kind in the archive). */
export function bound(
  kind: FormDocument['kind'],
  title: string,
  stem: string,
  docs: readonly FormDocument[],
): FormDocument {
  const pages = docs.flatMap((d) => d.pages);
  return {
    kind,
    title,
    fileStem: stem,
    pages: pages.length > 0 ? pages : [{ title, blocks: [{ kind: 'lines', lines: ['本学期无此类记录。'] }] }],
  };
}
