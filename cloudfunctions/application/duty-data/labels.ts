import { roleLabel, type Role } from '../../../types/domain';
import type { DutyUnitKind } from '../../../types/duty';
import type { DutyData } from './load-duty-data';

/** Names for units, classes and people from data already loaded (no extra reads). */
export function labelsOf(data: DutyData) {
  const classes = new Map(data.directory.classes.map((c) => [c._id, c]));
  const students = new Map(data.directory.students.map((s) => [s._id, s]));
  const dorms = new Map(data.directory.dorms.map((d) => [d._id, d]));
  const person = (id: string) => data.users.get(id)?.name ?? id;
  const student = (id: string) => students.get(id)?.name ?? id;
  const className = (id: string) => classes.get(id)?.name ?? id;
  const unit = (kind: DutyUnitKind, id: string): string => {
    switch (kind) {
      case 'person':
        return '本人';
      case 'class':
        return className(id);
      case 'dorm':
        return ((d) => (d ? `${d.building} ${d.room}` : id))(dorms.get(id));
      case 'student':
      case 'warnedStudent': {
        const s = students.get(id);
        return s ? `${s.name}（${className(s.classId)}）` : id;
      }
      case 'courseTeacher':
        return person(id);
    }
  };
  /** The roles a person holds in the loaded classes, e.g. 辅导员 · 班主任. */
  const rolesOf = (personId: string): string => {
    const roles = new Set<Role>();
    for (const c of data.directory.classes) {
      if (c.counselorId === personId) roles.add('counselor');
      if (c.headTeacherId === personId) roles.add('headTeacher');
      if (c.assistantId === personId) roles.add('assistant');
    }
    return [...roles].map((r) => roleLabel[r]).join(' · ');
  };
  return { person, student, className, unit, rolesOf, classes };
}
