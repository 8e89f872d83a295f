import type { ClassInfo, Dorm, Role, Student } from '../../../types/domain';
import type { DutyAssignment, DutySubject, WarnedStudentUnit } from '../../../types/duty';
import type { Warning } from '../../../types/warning';
import { courseTeachersOf, type SectionRow } from '../teaching/course-teachers';

/** What duty evaluation needs to know about a set of classes, read from the store in a few queries. */
export type DutyDirectory = {
  classes: readonly Pick<
    ClassInfo,
    '_id' | 'name' | 'collegeId' | 'departmentId' | 'counselorId' | 'headTeacherId' | 'assistantId' | 'size'
  >[];
  students: readonly Pick<Student, '_id' | 'name' | 'classId' | 'dormId'>[];
  dorms: readonly Pick<Dorm, '_id' | 'building' | 'room' | 'classIds'>[];
  warnings: readonly (Pick<
    Warning,
    '_id' | 'studentId' | 'classId' | 'status' | 'publishedAt' | 'policyId' | 'level'
  > & { updatedAt: string })[];
  /** Teaching sections of the classes (timetable, or a grade file's 授课教师): the course teachers a counselor contacts. */
  sections?: readonly SectionRow[];
};

type ClassRow = DutyDirectory['classes'][number];

const staffRoles: readonly { role: Role; of: (c: ClassRow) => string | undefined }[] = [
  { role: 'counselor', of: (c) => c.counselorId },
  { role: 'headTeacher', of: (c) => c.headTeacherId },
  { role: 'assistant', of: (c) => c.assistantId },
];

/**
 * A warning as a warned-student unit: from publication; a superseded or lifted one ends at its
 * last change (a superseding warning of the same student continues the unit). Tags: 'warning'
 * and the policy level (e.g. 'lzut-life:written') so level-specific rules can apply.
 */
export function warnedUnit(w: DutyDirectory['warnings'][number]): WarnedStudentUnit {
  return {
    studentId: w.studentId,
    classId: w.classId,
    since: w.publishedAt,
    ...(w.status === 'active' ? {} : { until: w.updatedAt }),
    tags: ['warning', `${w.policyId}:${w.level}`],
    caseId: w._id,
  };
}

/**
 * Everyone who serves the classes (counselor, head teacher, assistant), each with what their
 * role covers in these classes only: a counselor looking at their three classes never sees an
 * assistant's other class. Class size is the roster when there is one, else the class record.
 */
export function dutySubjects(directory: DutyDirectory): DutySubject[] {
  const studentsByClass = groupBy(directory.students, (s) => s.classId);
  const dormsByClass = new Map<string, DutyDirectory['dorms'][number][]>();
  for (const d of directory.dorms) for (const classId of d.classIds) push(dormsByClass, classId, d);
  const warnedByClass = groupBy(directory.warnings, (w) => w.classId);

  const byPerson = new Map<string, Map<Role, ClassRow[]>>();
  for (const cls of directory.classes) {
    for (const { role, of } of staffRoles) {
      const personId = of(cls);
      if (!personId) continue;
      let roles = byPerson.get(personId);
      if (!roles) {
        roles = new Map();
        byPerson.set(personId, roles);
      }
      push(roles, role, cls);
    }
  }
  return [...byPerson.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([personId, roles]) => ({
      personId,
      assignments: [...roles.entries()].map(([role, classes]): DutyAssignment => ({
        role,
        classes: classes.map((c) => ({ id: c._id, size: (studentsByClass.get(c._id) ?? []).length || c.size })),
        dorms: uniqueById(classes.flatMap((c) => dormsByClass.get(c._id) ?? [])).map((d) => ({
          id: d._id,
          classIds: d.classIds,
        })),
        students: classes.flatMap((c) =>
          (studentsByClass.get(c._id) ?? []).map((s) => ({ id: s._id, classId: c._id })),
        ),
        warnedStudents: classes.flatMap((c) => (warnedByClass.get(c._id) ?? []).map(warnedUnit)),
        courseTeachers: courseTeachersOf(
          directory.sections ?? [],
          classes.map((c) => c._id),
        ),
      })),
    }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) push(out, key(item), item);
  return out;
}

function push<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function uniqueById<T extends { _id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item._id) ? false : (seen.add(item._id), true)));
}
