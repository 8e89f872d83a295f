import { changeLabel, type RunEntry } from '../../../types/api/warnings';

/** 学业警示学生名单汇总表 (seed 004 附件 1): the columns a college files. */
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

export type ClassFacts = { name: string; major: string; cohort: number; counselorName: string; headTeacherName: string };

function manualText(entry: RunEntry): string {
  const m = entry.manual;
  if (m === null) return '';
  const who = `（${m.byName}）`;
  if (m.action === 'remove') return `人工移出${who}：${m.note ?? ''}`;
  return `人工补充${who}：${m.reasonLabel ?? ''}${m.note ? `，${m.note}` : ''}`;
}

function remark(entry: RunEntry): string {
  if (entry.change === 'lifted') return `解除警示（原为${entry.previousLevelName ?? entry.previousLevel ?? ''}）`;
  if (entry.source === 'carried') return '上次警示尚未解除';
  if (entry.change === 'escalated' || entry.change === 'deescalated') return `原为${entry.previousLevelName ?? ''}`;
  return '';
}

/**
 * The table's rows: warned students by class then student id, then lifted students (so the
 * college sees who left the list). Students removed by hand without an earlier warning are left out.
 */
export function summaryRows(entries: ReadonlyArray<RunEntry>, classes: ReadonlyMap<string, ClassFacts>): string[][] {
  const order = (a: RunEntry, b: RunEntry) => (a.classId === b.classId ? a.studentId.localeCompare(b.studentId) : a.classId.localeCompare(b.classId));
  const warned = entries.filter((e) => e.level !== null).sort(order);
  const lifted = entries.filter((e) => e.level === null && e.change === 'lifted').sort(order);
  return [...warned, ...lifted].map((e, i) => {
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
      changeLabel[e.change],
      manualText(e),
      cls?.counselorName ?? '',
      cls?.headTeacherName ?? '',
      remark(e),
    ];
  });
}
