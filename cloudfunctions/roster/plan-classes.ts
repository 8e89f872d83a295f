import type { ClassRecord } from '../../types/roster';
import type { RowError } from '../core/grades/sheet-row';
import type { Comparable } from '../core/roster/roster-diff';
import { MAX_ASSISTANT_CLASSES, overloadedAssistantRows } from '../core/roster/assistant-limit';
import type { Context } from '../platform/runtime/define-function';
import type { ReadRecord } from './read-roster';
import { collegeClasses } from '../application/repositories/classes';
import { collegeStaff } from '../application/repositories/staff';
import { classIdOf, staffUserId } from '../core/roster/ids';
import { markMissing, nameOf, type KindPlan } from './kind-plan';

export async function planClasses(ctx: Context, collegeId: string, rows: ReadRecord<ClassRecord>[]): Promise<KindPlan> {
  const staff = new Map((await collegeStaff(ctx.store, collegeId)).filter((s) => s.active).map((s) => [s._id, s]));
  const stored = (await collegeClasses(ctx.store, collegeId)).filter((c) => c.active !== false);
  const errors: RowError[] = [];
  const overloaded = new Set(
    overloadedAssistantRows(rows.map((r) => ({ rowNumber: r.rowNumber, assistantNo: r.record.assistantNo }))).map(
      (r) => r.rowNumber,
    ),
  );
  const good = rows.filter(({ rowNumber, record }) => {
    const before = errors.length;
    const check = (no: string, column: string) => {
      if (no !== '' && !staff.has(staffUserId(no)))
        errors.push({ row: rowNumber, column, message: `工号 ${no} 不在教职工名单中，请先导入教职工名单` });
    };
    check(record.counselorNo, '辅导员');
    check(record.headTeacherNo, '班主任');
    check(record.assistantNo, '学业助理');
    if (overloaded.has(rowNumber))
      errors.push({
        row: rowNumber,
        column: '学业助理',
        message: `学业助理 ${record.assistantNo} 已在前面服务 ${MAX_ASSISTANT_CLASSES} 个班（每位学业助理最多 ${MAX_ASSISTANT_CLASSES} 个班）`,
      });
    return errors.length === before;
  });
  const view = (c: {
    name: string;
    major: string;
    cohort: number;
    department: string;
    counselor: string;
    head: string;
    assistant?: string;
  }): Comparable => ({
    label: c.name,
    fields: {
      专业: c.major,
      年级: String(c.cohort),
      系: c.department,
      辅导员: nameOf(staff, c.counselor),
      班主任: nameOf(staff, c.head),
      学业助理: nameOf(staff, c.assistant),
    },
  });
  const college = await ctx.store.get('colleges', collegeId);
  const deptName = (id: string) => college?.departments.find((d) => d.id === id)?.name ?? id;
  const byName = new Map(stored.map((c) => [c.name, c]));
  // An assistant the 学业助理 programme assigned is not on the staff list: a blank cell keeps them.
  const programmeAssistant = (className: string): string | undefined => {
    const id = byName.get(className)?.assistantId;
    return id && !staff.has(id) ? id : undefined;
  };
  const assistantOf = (r: ClassRecord) => (r.assistantNo ? staffUserId(r.assistantNo) : programmeAssistant(r.name));
  const file = new Map(
    good.map(({ record: r }) => {
      const assistant = assistantOf(r);
      return [
        r.name,
        view({
          ...r,
          counselor: staffUserId(r.counselorNo),
          head: staffUserId(r.headTeacherNo),
          ...(assistant ? { assistant } : {}),
        }),
      ];
    }),
  );
  const storedView = new Map(
    stored.map((c) => [
      c.name,
      view({
        ...c,
        department: deptName(c.departmentId),
        counselor: c.counselorId,
        head: c.headTeacherId,
        ...(c.assistantId ? { assistant: c.assistantId } : {}),
      }),
    ]),
  );
  return {
    errors,
    file,
    stored: storedView,
    async apply(diff, removeMissing) {
      const write = ctx.write();
      const records = new Map(good.map((g) => [g.record.name, g.record]));
      // Departments the classes name join the college's list (a department head is named by it).
      if (college) {
        const names = [...new Set(good.map((g) => g.record.department))].filter(
          (n) => !college.departments.some((d) => d.name === n || d.id === n),
        );
        if (names.length > 0)
          await ctx.store.update(
            'colleges',
            collegeId,
            { departments: [...college.departments, ...names.map((n) => ({ id: n, name: n }))] },
            college._version,
            write,
          );
      }
      for (const c of [...diff.added, ...diff.changed]) {
        const r = records.get(c.key);
        if (!r) continue;
        const prev = byName.get(r.name) ?? (await ctx.store.get('classes', classIdOf(collegeId, r.name)));
        const departmentId = college?.departments.find((d) => d.name === r.department)?.id ?? r.department;
        const fields = {
          name: r.name,
          collegeId,
          departmentId,
          cohort: r.cohort,
          major: r.major,
          counselorId: staffUserId(r.counselorNo),
          headTeacherId: staffUserId(r.headTeacherNo),
          active: true,
        };
        const assistantId = assistantOf(r);
        const assistant = assistantId ? { assistantId } : {};
        if (prev)
          await ctx.store.update(
            'classes',
            prev._id,
            { ...fields, assistantId: assistantId ?? '' },
            prev._version,
            write,
          );
        else
          await ctx.store.add(
            'classes',
            { _id: classIdOf(collegeId, r.name), ...fields, ...assistant, size: 0 },
            write,
          );
      }
      return markMissing(
        diff,
        removeMissing,
        (key) => byName.get(key),
        async (prev) => {
          await ctx.store.update('classes', prev._id, { active: false }, prev._version, write);
        },
      );
    },
  };
}
