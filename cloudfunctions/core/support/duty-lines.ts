import type { DutyLine } from '../../../types/api/support';
import type { AcademicCalendar, DutyRecord, DutyRule, WarnedStudentUnit } from '../../../types/duty';
import type { Role } from '../../../types/domain';
import { roleLabel } from '../../../types/domain';
import type { Warning } from '../../../types/warning';
import { caseDuties } from '../duties';
import { DomainError } from '../errors';

export type ClassCases = {
  classId: string;
  /** The people handling the class's warned students (counselor, head teacher, assistant). */
  staff: readonly { personId: string; role: Role; name: string }[];
  warnings: readonly (Pick<
    Warning,
    '_id' | 'studentId' | 'classId' | 'status' | 'publishedAt' | 'policyId' | 'level'
  > & { updatedAt?: string })[];
};

/** A warning as the evaluator's warned-student unit (same tags as the compliance views). */
export function warnedUnitOf(w: ClassCases['warnings'][number]): WarnedStudentUnit {
  return {
    studentId: w.studentId,
    classId: w.classId,
    since: w.publishedAt,
    ...(w.status === 'active' || w.updatedAt === undefined ? {} : { until: w.updatedAt }),
    tags: ['warning', `${w.policyId}:${w.level}`],
    caseId: w._id,
  };
}

/**
 * The duty lines of each warned student (done / due / overdue), counted by the duty evaluator
 * of core/duties from casework records: the windows open now and every overdue one. Classes are
 * evaluated one by one, so a person's records only count for the classes they serve.
 */
export function dutyLinesByStudent(
  classes: readonly ClassCases[],
  records: readonly DutyRecord[],
  settings: { rules: readonly DutyRule[]; calendar: AcademicCalendar; now: string },
): { lines: Map<string, DutyLine[]>; note: string | null } {
  const lines = new Map<string, DutyLine[]>();
  const now = Date.parse(settings.now);
  try {
    for (const c of classes) {
      if (c.warnings.length === 0) continue;
      const names = new Map(c.staff.map((s) => [s.personId, s.name]));
      const items = caseDuties({
        rules: settings.rules,
        calendar: settings.calendar,
        now: settings.now,
        cases: c.warnings.map(warnedUnitOf),
        handlers: c.staff.map((s) => ({ personId: s.personId, role: s.role })),
        records,
      });
      for (const item of items) {
        const current = Date.parse(item.window.start) <= now && now < Date.parse(item.window.end);
        // One-off deadlines stay on the case however they ended (done, late or missed); periodic ones while open or missed.
        if (!current && item.status !== 'overdue' && item.period !== 'withinDaysOf') continue;
        const line: DutyLine = {
          title: item.title,
          role: roleLabel[item.role],
          personName: names.get(item.personId) ?? item.personId,
          required: item.required,
          progress: item.progress,
          status: item.status,
          dueAt: item.dueAt,
        };
        const list = lines.get(item.unit.id) ?? [];
        list.push(line);
        lines.set(item.unit.id, list);
      }
    }
    return { lines, note: null };
  } catch (error) {
    if (error instanceof DomainError) return { lines: new Map(), note: `职责暂无法计算：${error.message}` };
    throw error;
  }
}
