import type { DutyAssignment, DutyRecord, DutyRule, DutySubject, WarnedStudentUnit } from '../../types/duty';
import { DutyRule as DutyRuleSchema } from '../../types/duty';
import { defaultDutyConfig } from '../../cloudfunctions/core/duties/defaults';
import { ruleCalendar } from '../../cloudfunctions/core/calendar';
import { shanghaiLocal, toIso } from '../../cloudfunctions/core/time/shanghai';

/** A Shanghai wall-clock time as the ISO instant records carry: at('2025-09-14 23:59'). */
export function at(local: string): string {
  return toIso(shanghaiLocal(local));
}

/** The default rule's calendar for school years 2024-2025 … 2029-2030 (no stored dates). */
export const calendar = ruleCalendar(2024, 2029);

/** A shipped rule by id (fails loudly when the id is gone from the config). */
export function shippedRule(id: string): DutyRule {
  const rule = defaultDutyConfig.rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no duty rule ${id} in config/duties/default.json`);
  return rule;
}

/** A valid rule for focused tests; parsed so a bad override fails here, not in the evaluator. */
export function dutyRule(overrides: Partial<DutyRule> = {}): DutyRule {
  return DutyRuleSchema.parse({
    id: 'test-rule',
    role: 'counselor',
    title: '测试职责',
    counts: { kinds: ['talk'] },
    quota: { count: 1 },
    period: 'semester',
    per: 'person',
    seed: '001',
    ...overrides,
  });
}

let counter = 0;
export function dutyRecord(overrides: Partial<DutyRecord> & Pick<DutyRecord, 'kind' | 'at'>): DutyRecord {
  counter += 1;
  return { _id: `rec-${counter}`, actorId: 'staff-1', ...overrides };
}

export function warned(overrides: Partial<WarnedStudentUnit> & Pick<WarnedStudentUnit, 'since'>): WarnedStudentUnit {
  return { studentId: 'stu-1', classId: 'class-1', tags: ['warning'], ...overrides };
}

export function subject(assignments: DutyAssignment[], personId = 'staff-1'): DutySubject {
  return { personId, assignments };
}

/** A counselor of one 30-student class with two dorms, three students and one course teacher. */
export function counselorOf(overrides: Partial<DutyAssignment> = {}, personId = 'staff-1'): DutySubject {
  return subject(
    [
      {
        role: 'counselor',
        classes: [{ id: 'class-1', size: 30 }],
        dorms: [
          { id: 'dorm-101', classIds: ['class-1'] },
          { id: 'dorm-102', classIds: ['class-1'] },
        ],
        students: ['stu-1', 'stu-2', 'stu-3'].map((id) => ({ id, classId: 'class-1' })),
        courseTeachers: [{ id: 'teacher-1', classIds: ['class-1'] }],
        ...overrides,
      },
    ],
    personId,
  );
}
