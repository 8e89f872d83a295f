import type { FormDocument } from '../../../types/documents';
import type { DutyStatus } from '../../../types/duty';

export const complianceColumns = ['序号', '职责', '负责人', '对象', '周期', '截止', '要求', '完成', '状态'] as const;

/** One duty item as the report prints it (from the duties evaluator, via the duties function's view). */
export type ComplianceLine = {
  title: string;
  personName: string;
  unitLabel: string;
  windowStart: string;
  lastDay: string;
  dueAt: string;
  required: number;
  progress: number;
  measure: 'count' | 'minutes';
  status: DutyStatus;
};

// Statuses the evaluator may add later print as themselves until named here.
const statusLabel: Readonly<Record<string, string>> = {
  done: '已完成',
  due: '进行中',
  overdue: '已逾期',
  lateDone: '逾期完成',
};
const rankOf: Readonly<Record<string, number>> = { overdue: 0, lateDone: 1, due: 2, done: 3 };

/** The items whose window lies in the period (a window that starts in it, or ends in it). */
export function inPeriod(line: Pick<ComplianceLine, 'windowStart' | 'lastDay'>, from: string, to: string): boolean {
  return line.windowStart.slice(0, 10) <= to && line.lastDay.slice(0, 10) >= from;
}

/** A duty compliance report per person or per class for a period, worst first. */
export function complianceReport(input: {
  subject: string;
  scopeLabel: '班级' | '教师';
  from: string;
  to: string;
  evaluatedAt: string;
  lines: readonly ComplianceLine[];
}): FormDocument {
  const lines = input.lines
    .filter((l) => inPeriod(l, input.from, input.to))
    .sort(
      (a, b) =>
        (rankOf[a.status] ?? 9) - (rankOf[b.status] ?? 9) ||
        a.dueAt.localeCompare(b.dueAt) ||
        a.title.localeCompare(b.title),
    );
  const unit = (l: ComplianceLine) => (l.measure === 'minutes' ? ' 分钟' : ' 次');
  const rows = lines.map((l, i) => [
    String(i + 1),
    l.title,
    l.personName,
    l.unitLabel,
    `${l.windowStart.slice(0, 10)} 至 ${l.lastDay.slice(0, 10)}`,
    l.dueAt.slice(0, 10),
    `${l.required}${unit(l)}`,
    `${l.progress}${unit(l)}`,
    statusLabel[l.status] ?? l.status,
  ]);
  const count = (s: string) => lines.filter((l) => l.status === s).length;
  const title = `${input.subject} 职责完成情况报告（${input.from} 至 ${input.to}）`;
  return {
    kind: 'compliance',
    title,
    fileStem: `职责完成情况-${input.subject}-${input.from}-${input.to}`.replace(/[\\/:*?"<>|\s]+/g, '_'),
    pages: [
      {
        title,
        subtitle: `统计对象：${input.scopeLabel} ${input.subject} · 计算时间 ${input.evaluatedAt.slice(0, 16).replace('T', ' ')}`,
        blocks: [
          {
            kind: 'fields',
            heading: '汇总',
            fields: [
              { label: '职责项', value: String(lines.length) },
              { label: '已完成', value: String(count('done')) },
              { label: '进行中', value: String(count('due')) },
              { label: '已逾期', value: String(count('overdue')) },
              { label: '逾期完成', value: String(count('lateDone')) },
            ],
          },
          { kind: 'table', heading: '明细', columns: [...complianceColumns], rows },
        ],
      },
    ],
  };
}
