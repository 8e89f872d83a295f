import { complianceReport, type ComplianceLine } from '../../../cloudfunctions/core/documents/compliance-report';

const line = (status: ComplianceLine['status'], title: string): ComplianceLine => ({
  title,
  personName: '袁老师',
  unitLabel: '生工241班',
  windowStart: '2026-09-07T00:00:00.000+08:00',
  lastDay: '2026-09-20T23:59:59.999+08:00',
  dueAt: '2026-09-20T23:59:59.999+08:00',
  required: 1,
  progress: 1,
  measure: 'count',
  status,
});

describe('duty compliance report', () => {
  it('counts a duty met after its deadline apart, as 逾期完成, in the summary and the rows', () => {
    const doc = complianceReport({
      subject: '生工241班',
      scopeLabel: '班级',
      from: '2026-09-01',
      to: '2026-09-30',
      evaluatedAt: '2026-10-01T09:00:00.000+08:00',
      lines: [line('done', '查课'), line('lateDone', '警示公布后 14 天内谈话'), line('overdue', '查寝')],
    });
    const page = doc.pages[0];
    const summary = page?.blocks.find((b) => b.kind === 'fields');
    const fields =
      summary && summary.kind === 'fields' ? Object.fromEntries(summary.fields.map((f) => [f.label, f.value])) : {};
    expect(fields).toMatchObject({ 职责项: '3', 已完成: '1', 已逾期: '1', 逾期完成: '1' });
    const table = page?.blocks.find((b) => b.kind === 'table');
    const statuses = table && table.kind === 'table' ? table.rows.map((r) => r[8]) : [];
    expect(statuses).toEqual(['已逾期', '逾期完成', '已完成']);
  });
});
