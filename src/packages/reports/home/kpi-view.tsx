import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { KpiReport, KpiRow } from '../../../../types/api/reports';
import { ChartCard } from '../_components/chart-card';

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const shown = (rate: number | null) => (rate === null ? '未导入' : `${pct(rate)}%`);
const line = (r: KpiRow) =>
  `不及格率 ${shown(r.failRate)} · 深造 ${shown(r.postgraduateRate)} · 四六级 ${shown(r.cetRate)} · 双证 ${shown(r.doubleCertificateRate)} · 获奖 ${r.awards}`;

/** Class KPIs (rules: 003-10) per class and cohort, against the college. */
export function KpiView({ report }: { report: KpiReport }) {
  return (
    <>
      <ChartCard
        className="chart-kpi-fail"
        title="各班不及格率与学院平均"
        categories={report.byClass.map((r) => r.name)}
        series={[
          { name: '班级', values: report.byClass.map((r) => pct(r.failRate) ?? 0) },
          { name: '学院平均', kind: 'line', values: report.byClass.map(() => pct(report.college.failRate) ?? 0) },
        ]}
        percent
      />
      <CellGroup title="班级">
        {report.byClass.map((r) => (
          <Cell key={r.key} className="kpi-row" title={`${r.name}（${r.students} 人）`} description={line(r)} />
        ))}
      </CellGroup>
      <CellGroup title="年级">
        {report.byCohort.map((r) => (
          <Cell key={r.key} title={`${r.name}（${r.students} 人）`} description={line(r)} />
        ))}
      </CellGroup>
      <CellGroup title="学院平均">
        <Cell title={report.college.name} description={line(report.college)} />
      </CellGroup>
    </>
  );
}
