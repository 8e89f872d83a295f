import { changeLabel, type RunEntry } from '../../../types/api/warnings';

/** 学业警示学生名单汇总表 (rules: 004-A1): the columns a college files (the seed gives only the title; the columns are the project's). */
export const summaryColumns = [
  '序号',
  '学号',
  '姓名',
  '班级',
  '专业/年级',
  '警示等级',
  '警示原因（规则与课程）',
  '不及格课程及学分',
  '变化',
  '人工补充及原因',
  '辅导员',
  '班主任',
  '备注',
] as const;

export type ClassFacts = {
  name: string;
  major: string;
  cohort: number;
  counselorName: string;
  headTeacherName: string;
};

function manualLine(entry: RunEntry): string[] {
  const m = entry.manual;
  if (m === null) return [];
  const who = `（${m.byName}）`;
  if (m.action === 'remove') return [`人工移出${who}：${m.note ?? ''}`];
  return [`人工补充${who}：${m.reasonLabel ?? ''}${m.note ? `，${m.note}` : ''}`];
}

/** Hand-made changes and their reasons: the list's manual mark, then grade rows corrected after objections. */
function manualText(entry: RunEntry): string {
  const corrections = (entry.corrections ?? []).map((c) => `异议更正（${c.byName}）：${c.text}，原因：${c.reason}`);
  return [...manualLine(entry), ...corrections].join('；');
}

// Taken off by a person: also when that ends an earlier warning (the rules did not lift it).
const removedByHand = (e: RunEntry) => e.level === null && e.manual?.action === 'remove';
/** Listed by the rules until an objection's correction of the grade rows left no level. */
const withdrawn = (e: RunEntry) =>
  e.level === null && e.change !== 'lifted' && !removedByHand(e) && (e.corrections?.length ?? 0) > 0;

function remark(entry: RunEntry): string {
  if (removedByHand(entry))
    return entry.change === 'lifted'
      ? `人工移出，原${entry.previousLevelName ?? entry.previousLevel ?? '警示'}随之解除`
      : '人工移出，不列入警示';
  if (withdrawn(entry)) return '经异议核实更正，不列入警示';
  if (entry.change === 'lifted') return `解除警示（原为${entry.previousLevelName ?? entry.previousLevel ?? ''}）`;
  if (entry.source === 'carried') return '上次警示尚未解除';
  if (entry.change === 'escalated' || entry.change === 'deescalated') return `原为${entry.previousLevelName ?? ''}`;
  return '';
}

/**
 * The table's rows: warned students by class then student id, then lifted students (so the
 * college sees who left the list), then students the rules listed but a person took off the list,
 * with who did it and why (hand-made changes stay visible; rules: 002-4.2.1).
 */
export function summaryRows(entries: ReadonlyArray<RunEntry>, classes: ReadonlyMap<string, ClassFacts>): string[][] {
  const order = (a: RunEntry, b: RunEntry) =>
    a.classId === b.classId ? a.studentId.localeCompare(b.studentId) : a.classId.localeCompare(b.classId);
  const warned = entries.filter((e) => e.level !== null).sort(order);
  const lifted = entries.filter((e) => e.level === null && e.change === 'lifted' && !removedByHand(e)).sort(order);
  const removed = entries.filter((e) => removedByHand(e) || withdrawn(e)).sort(order);
  return [...warned, ...lifted, ...removed].map((e, i) => {
    const cls = classes.get(e.classId);
    return [
      String(i + 1),
      e.studentId,
      e.studentName,
      cls?.name ?? e.className,
      cls ? `${cls.major}/${cls.cohort}级` : '',
      e.levelName ?? '—',
      e.triggers.map((t) => t.text).join('；'),
      e.failedCourses.map((c) => `${c.name}（${c.code}，${c.credits} 学分）`).join('；'),
      removedByHand(e) ? '人工移出' : withdrawn(e) ? '异议更正' : changeLabel[e.change],
      manualText(e),
      cls?.counselorName ?? '',
      cls?.headTeacherName ?? '',
      remark(e),
    ];
  });
}
