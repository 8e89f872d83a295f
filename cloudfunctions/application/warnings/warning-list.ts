import { changeLabel, ChangeKind, type WarningView } from '../../../types/api/warnings';
import type { ClassInfo } from '../../../types/domain';
import type { Warning } from '../../../types/warning';
import { classIdsFor, collegeIdsFor } from '../../core/access/authorize';
import { ownStudentIds } from '../../core/access/own-grants';
import { classesInScope, collegeReach } from '../../core/access/review-scope';
import { AccessDeniedError } from '../../core/errors';
import { classesByIds } from '../../platform/directory/directory';
import type { Context } from '../../platform/runtime/define-function';
import type { Stored } from '../../platform/store/store';
import { activeWarningsOfClasses, activeWarningsOfStudents, warningsOfStudent } from '../repositories/warnings';
import { collegeClasses } from './college-data';

export function toView(w: Warning, className: string): WarningView {
  const change = ChangeKind.safeParse(w.change);
  return {
    warningId: w._id,
    runId: w.runId,
    studentId: w.studentId,
    studentName: w.studentName,
    classId: w.classId,
    className,
    semester: w.semester,
    level: w.level,
    levelName: w.levelName,
    levelRank: w.levelRank,
    change: w.change,
    changeLabel: change.success ? changeLabel[change.data] : w.change,
    triggers: w.triggers,
    failedCourses: w.failedCourses,
    manual: w.manual
      ? {
          reason: w.manual.reason,
          reasonLabel: w.manual.reasonLabel ?? w.manual.reason,
          note: w.manual.note,
          by: w.manual.by,
        }
      : null,
    duties: w.duties ?? [],
    status: w.status,
    publishedAt: w.publishedAt,
  };
}

/** Class ids the caller handles under 'warnings.read': their classes, their department's, their college's. */
async function visibleClassIds(ctx: Context): Promise<Set<string>> {
  const ids = new Set(classIdsFor(ctx.actor, 'warnings.read'));
  for (const collegeId of collegeIdsFor(ctx.actor, 'warnings.read')) {
    for (const id of classesInScope(
      collegeReach(ctx.actor.grants, collegeId),
      await collegeClasses(ctx.store, collegeId),
    ))
      ids.add(id);
  }
  return ids;
}

function order(a: Warning, b: Warning): number {
  if (a.classId !== b.classId) return a.classId < b.classId ? -1 : 1;
  if (a.levelRank !== b.levelRank) return b.levelRank - a.levelRank;
  return a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0;
}

async function views(ctx: Context, warnings: Stored<Warning>[]): Promise<WarningView[]> {
  const classes = new Map(
    (await classesByIds(ctx.store, [...new Set(warnings.map((w) => w.classId))])).map((c: ClassInfo) => [
      c._id,
      c.name,
    ]),
  );
  return warnings.map((w) => toView(w, classes.get(w.classId) ?? w.classId));
}

/** Active warnings of the classes the caller handles (one class when asked), most severe first per class. */
export async function listWarnings(ctx: Context, classId: string | undefined): Promise<WarningView[]> {
  const own = ownStudentIds(ctx.actor.grants);
  const visible = await visibleClassIds(ctx);
  if (classId !== undefined && !visible.has(classId)) throw new AccessDeniedError();
  const classIds = classId !== undefined ? [classId] : [...visible].sort();
  const found = await activeWarningsOfClasses(ctx.store, classIds);
  if (classId === undefined && own.length > 0) found.push(...(await activeWarningsOfStudents(ctx.store, own)));
  const unique = [...new Map(found.map((w) => [w._id, w])).values()].sort(order);
  return views(ctx, unique);
}

/** The student's own warnings: the active one first, then the history, newest first (archived lifted ones are in the semester archive only). */
export async function myWarnings(ctx: Context, studentId: string): Promise<WarningView[]> {
  const all = (await warningsOfStudent(ctx.store, studentId)).filter((w) => w.archivedIn === undefined);
  all.sort((a, b) =>
    (a.status === 'active') !== (b.status === 'active')
      ? a.status === 'active'
        ? -1
        : 1
      : b.publishedAt.localeCompare(a.publishedAt) || a._id.localeCompare(b._id),
  );
  return views(ctx, all);
}
