import { checkinFlagLabel, residentStatusLabel, type DutyRecordDoc } from '../../../types/checkin';
import type { FormDocument } from '../../../types/documents';
import { fileStem, wall } from './form-kit';

export const dormRegisterColumns = [
  '序号',
  '检查时间',
  '宿舍',
  '检查人',
  '卫生评分',
  '卫生情况',
  '在寝',
  '缺勤',
  '请假',
  '核实标记',
] as const;
export const classCheckColumns = ['序号', '检查时间', '课程', '检查人', '迟到', '缺勤', '早退', '核实标记'] as const;

export type RegisterFacts = {
  className: string;
  from: string;
  to: string;
  personName: (id: string) => string;
  studentName: (id: string) => string;
  dormLabel: (id: string) => string;
};

const flags = (r: DutyRecordDoc) => r.flags.map((f) => checkinFlagLabel[f]).join('、');
const byTime = (a: DutyRecordDoc, b: DutyRecordDoc) => a.at.localeCompare(b.at) || a._id.localeCompare(b._id);

/** 查寝登记表 of a class for a period (rules: 001-2.6.2): hygiene and who was present, absent, on leave. */
export function dormRegister(records: readonly DutyRecordDoc[], facts: RegisterFacts): FormDocument {
  const rows: string[][] = [];
  for (const r of [...records].sort(byTime)) {
    if (r.details.form !== 'dormCheck') continue;
    const d = r.details;
    const who = (status: 'present' | 'absent' | 'onLeave') =>
      d.residents
        .filter((x) => x.status === status)
        .map((x) => x.name)
        .join('、');
    rows.push([
      String(rows.length + 1),
      wall(r.at),
      r.dormId ? facts.dormLabel(r.dormId) : '',
      facts.personName(r.actorId),
      String(d.hygieneScore),
      d.hygieneNotes,
      who('present'),
      who('absent'),
      who('onLeave'),
      flags(r),
    ]);
  }
  const title = `${facts.className} 查寝登记表（${facts.from} 至 ${facts.to}）`;
  return {
    kind: 'dormRegister',
    title,
    fileStem: fileStem('查寝登记表', facts.className, facts.from, facts.to),
    pages: [
      {
        title,
        subtitle: `共 ${rows.length} 次 · 在位情况：${Object.values(residentStatusLabel).join(' / ')}`,
        blocks: [{ kind: 'table', columns: [...dormRegisterColumns], rows }],
      },
    ],
  };
}

/** 查课登记表 of a class for a period (rules: 001-3.1, 001-3.3): late, absent, left early. */
export function classCheckRegister(records: readonly DutyRecordDoc[], facts: RegisterFacts): FormDocument {
  const rows: string[][] = [];
  for (const r of [...records].sort(byTime)) {
    if (r.details.form !== 'classCheck') continue;
    const d = r.details;
    const list = (ids: string[]) => ids.map(facts.studentName).join('、');
    rows.push([
      String(rows.length + 1),
      wall(r.at),
      d.course,
      facts.personName(r.actorId),
      list(d.late),
      list(d.absent),
      list(d.leftEarly),
      flags(r),
    ]);
  }
  const title = `${facts.className} 查课登记表（${facts.from} 至 ${facts.to}）`;
  return {
    kind: 'classCheckRegister',
    title,
    fileStem: fileStem('查课登记表', facts.className, facts.from, facts.to),
    pages: [
      { title, subtitle: `共 ${rows.length} 次`, blocks: [{ kind: 'table', columns: [...classCheckColumns], rows }] },
    ],
  };
}
