import type { AssistantSettings, Assignment, Change } from '../../../types/assistant';
import { DomainError } from '../errors';

export type StipendLine = {
  graduateId: string;
  name: string;
  classes: string[];
  classCount: number;
  rate: number;
  amount: number;
  remark: string;
};

export type StipendSheet = {
  month: string;
  schoolYear: string;
  lines: StipendLine[];
  total: number;
  paidAssistants: number;
  unpaid: number;
};

/** The 12 paid months of a school year from its first month (rules: 000-5.2): '2026-09' … '2027-08'. */
export function monthsOf(schoolYear: string, settings: Pick<AssistantSettings, 'stipend'>): string[] {
  const startYear = Number(schoolYear.slice(0, 4));
  return Array.from({ length: settings.stipend.monthsPerSchoolYear }, (_, i) => {
    const m = settings.stipend.firstMonth - 1 + i;
    return `${startYear + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * One month's stipend of a college (rules: 000-5.2, 000-7.2): each assistant is paid the monthly
 * rate per class held that month. From a change's first month the class is the incoming
 * assistant's, paid only once the school's publicity confirmed the change; until then the
 * class is paid to nobody and the sheet says why. A change the school rejected changes nothing.
 */
export function stipendSheet(
  month: string,
  schoolYear: string,
  assignments: readonly Assignment[],
  changes: readonly Change[],
  settings: Pick<AssistantSettings, 'stipend'>,
): StipendSheet {
  if (!monthsOf(schoolYear, settings).includes(month))
    throw new DomainError('ASSISTANT.MONTH_OUTSIDE_YEAR', `${month} 不在 ${schoolYear} 学年的津贴发放月份内`, 'month');
  const rate = settings.stipend.perClassPerMonth;
  const paid = new Map<string, StipendLine>();
  const unpaid: StipendLine[] = [];
  const sorted = [...assignments].sort((a, b) => a.classId.localeCompare(b.classId));
  for (const a of sorted) {
    const change = changes
      .filter((c) => c.classId === a.classId && c.stage !== 'rejected' && c.effectiveMonth <= month)
      .sort((x, y) => (x.effectiveMonth < y.effectiveMonth ? 1 : -1))[0];
    if (change && change.stage !== 'confirmed') {
      unpaid.push({
        graduateId: change.incomingGraduateId,
        name: change.incomingName,
        classes: [a.className],
        classCount: 1,
        rate,
        amount: 0,
        remark: `更换人员未经学校公示确认，不予发放（000-7.2）；原学业助理${change.outgoingName}已于 ${change.effectiveMonth} 起不再带该班`,
      });
      continue;
    }
    const payee = change
      ? { id: change.incomingUserId, graduateId: change.incomingGraduateId, name: change.incomingName }
      : { id: a.assistantUserId, graduateId: a.graduateId, name: a.assistantName };
    const line = paid.get(payee.id) ?? {
      graduateId: payee.graduateId,
      name: payee.name,
      classes: [],
      classCount: 0,
      rate,
      amount: 0,
      remark: '',
    };
    line.classes.push(a.className);
    line.classCount += 1;
    line.amount = line.classCount * rate;
    if (change) line.remark = `${change.effectiveMonth} 起接替${change.outgoingName}（已公示确认）`;
    paid.set(payee.id, line);
  }
  const lines = [...paid.values()].sort((a, b) => a.graduateId.localeCompare(b.graduateId));
  return {
    month,
    schoolYear,
    lines: [...lines, ...unpaid],
    total: lines.reduce((s, l) => s + l.amount, 0),
    paidAssistants: lines.length,
    unpaid: unpaid.length,
  };
}

export const stipendColumns = [
  '序号',
  '学号',
  '姓名',
  '所带班级',
  '班级数',
  '标准（元/月/班）',
  '本月津贴（元）',
  '备注',
] as const;

export function stipendRows(sheet: StipendSheet): string[][] {
  const rows = sheet.lines.map((l, i) => [
    String(i + 1),
    l.graduateId,
    l.name,
    l.classes.join('、'),
    String(l.classCount),
    String(l.rate),
    String(l.amount),
    l.remark,
  ]);
  return [
    ...rows,
    [
      '合计',
      '',
      `${sheet.paidAssistants} 人`,
      '',
      String(sheet.lines.filter((l) => l.amount > 0).reduce((s, l) => s + l.classCount, 0)),
      '',
      String(sheet.total),
      sheet.unpaid > 0 ? `${sheet.unpaid} 人未经公示确认，不予发放` : '',
    ],
  ];
}
