import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { useEffect, useMemo, useState } from 'react';
import { outcomeLabel } from '../../../../types/api/reports';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { Chips } from '../../../components/chips';
import { saveXlsx } from '../../../services/save-download';
import { ChartCard } from '../_components/chart-card';
import { KpiView } from './kpi-view';

const pct = (rate: number) => Math.round(rate * 1000) / 10;
type View = 'conversion' | 'levels' | 'staff' | 'compliance' | 'students' | 'kpis';
const views: { value: View; label: string }[] = [
  { value: 'conversion', label: '转化率' },
  { value: 'levels', label: '警示等级' },
  { value: 'compliance', label: '职责完成' },
  { value: 'staff', label: '人员绩效' },
  { value: 'students', label: '学生明细' },
  { value: 'kpis', label: '班级指标' },
];

/** 帮扶效果分析报告: the leader's and department head's view of what worked, with charts and tables. */
export default function ReportsHome() {
  const semesters = useLoad(() => call('reports', 'semesters', {}), []);
  const [semester, setSemester] = useState<string | null>(null);
  const [view, setView] = useState<View>('conversion');
  useEffect(() => {
    // The newest semester whose outcomes are final, else the newest at all.
    const first = semesters.data?.ready[0] ?? semesters.data?.semesters[0];
    if (semester === null && first) setSemester(first);
  }, [semesters.data, semester]);
  const report = useLoad(
    () => (semester ? call('reports', 'effect', { semester }) : Promise.resolve(null)),
    [semester],
  );
  const compliance = useLoad(
    () => (view === 'compliance' ? call('duties', 'staffCompliance', { sort: 'worst' }) : Promise.resolve(null)),
    [view],
  );
  const kpis = useLoad(
    () => (view === 'kpis' && semester ? call('reports', 'kpis', { semester }) : Promise.resolve(null)),
    [view, semester],
  );
  const { act, fault } = useAction(() => undefined);
  const r = report.data;
  const levelNames = useMemo(() => [...new Set((r?.levels ?? []).map((l) => l.levelName))], [r]);
  const levelSemesters = useMemo(() => [...new Set((r?.levels ?? []).map((l) => l.semester))], [r]);
  const download = () =>
    act(async () => {
      if (!semester) return;
      const file = await call('reports', 'effectXlsx', { semester });
      await saveXlsx(file.fileName, file.base64);
    }, '已下载');
  return (
    <View className="page">
      <View className="page-title">帮扶效果分析报告</View>
      <LoadState loading={semesters.loading} error={semesters.error} empty={semesters.data?.semesters.length === 0} />
      {semesters.data && semesters.data.semesters.length > 0 ? (
        <Chips
          className="semester-chips"
          options={semesters.data.semesters.map((s) => ({ value: s, label: `${s} 学期` }))}
          value={semester ? [semester] : []}
          onChange={setSemester}
        />
      ) : null}
      <LoadState loading={report.loading} error={report.error} />
      {r ? (
        <>
          <CellGroup>
            <Cell
              className="college-rate"
              title={`全院转化率 ${pct(r.college.rate)}%`}
              description={`警示 ${r.college.warned} 人，解除 ${r.college.lifted} 人，降级 ${r.college.deescalated} 人，升级 ${r.college.escalated} 人${r.ready ? '' : `（${r.nextSemester} 学期名单尚未发布，结果待定）`}`}
            />
          </CellGroup>
          <Chips className="view-chips" options={views} value={[view]} onChange={setView} />
          {view === 'conversion' ? (
            <>
              <ChartCard
                className="chart-conversion"
                title="各班转化率"
                categories={r.byClass.map((c) => c.name)}
                series={[{ name: '转化率', values: r.byClass.map((c) => pct(c.rate)) }]}
                percent
              />
              <ChartCard
                title="学期对比（全院转化率）"
                categories={r.trend.map((t) => t.semester)}
                series={[{ name: '转化率', values: r.trend.map((t) => pct(t.rate)), kind: 'line' }]}
                percent
              />
              <CellGroup title="按辅导员">
                {r.byCounselor.map((c) => (
                  <Cell
                    key={c.key}
                    title={c.name}
                    extra={`${pct(c.rate)}%`}
                    description={`警示 ${c.warned} · 解除 ${c.lifted}`}
                  />
                ))}
              </CellGroup>
              <CellGroup title="按班主任">
                {r.byHeadTeacher.map((c) => (
                  <Cell
                    key={c.key}
                    title={c.name}
                    extra={`${pct(c.rate)}%`}
                    description={`警示 ${c.warned} · 解除 ${c.lifted}`}
                  />
                ))}
              </CellGroup>
              <CellGroup title="按系">
                {r.byDepartment.map((c) => (
                  <Cell
                    key={c.key}
                    title={c.name}
                    extra={`${pct(c.rate)}%`}
                    description={`警示 ${c.warned} · 解除 ${c.lifted}`}
                  />
                ))}
              </CellGroup>
            </>
          ) : null}
          {view === 'levels' ? (
            <ChartCard
              className="chart-levels"
              title="各学期警示人数（按等级）"
              categories={levelSemesters}
              series={levelNames.map((name) => ({
                name,
                stack: 'levels',
                values: levelSemesters.map(
                  (s) => r.levels.find((l) => l.semester === s && l.levelName === name)?.count ?? 0,
                ),
              }))}
            />
          ) : null}
          {view === 'compliance' ? (
            <>
              <LoadState loading={compliance.loading} error={compliance.error} />
              {compliance.data ? (
                <ChartCard
                  className="chart-compliance"
                  title="职责按时完成率（按人员）"
                  categories={compliance.data.rows.map((p) => p.name)}
                  series={[{ name: '按时完成率', values: compliance.data.rows.map((p) => p.percent ?? 0) }]}
                  percent
                />
              ) : null}
            </>
          ) : null}
          {view === 'kpis' ? (
            <>
              <LoadState loading={kpis.loading} error={kpis.error} />
              {kpis.data ? <KpiView report={kpis.data} /> : null}
            </>
          ) : null}
          {view === 'staff' ? (
            <CellGroup title="警示人数减少（计入考核）">
              {r.staff.map((s) => (
                <Cell
                  key={`${s.role}-${s.staffId}`}
                  className="staff-row"
                  title={`${s.name} · ${s.role}`}
                  extra={`减少 ${s.reduction}`}
                  description={`本学期 ${s.warnedBefore} 人 → 下学期 ${s.warnedAfter} 人 · 解除 ${s.lifted} · 转化率 ${pct(s.rate)}%`}
                />
              ))}
            </CellGroup>
          ) : null}
          {view === 'students' ? (
            <CellGroup>
              {r.students.map((s) => (
                <Cell
                  key={s.studentId}
                  className="student-row"
                  title={`${s.studentName} · ${s.className}`}
                  extra={outcomeLabel[s.outcome]}
                  description={`${s.levelBefore} → ${s.levelAfter ?? '无'} · 谈话 ${s.support.talks} · 会谈 ${s.support.meetings} · 结对 ${s.support.pairing} · 家长联系 ${s.support.parentContacts}${s.lines.length ? ` · ${s.lines.map((l) => `${l.courseName}${l.passed ? '已通过' : l.retaken ? '重修未过' : '未重修'}`).join('，')}` : ''}`}
                />
              ))}
            </CellGroup>
          ) : null}
          <View style={{ padding: '16px' }}>
            <Button className="download-xlsx" type="primary" block onClick={() => void download()}>
              下载 Excel
            </Button>
            {fault ? <View className="error-text">{fault}</View> : null}
          </View>
          <CellGroup>
            <Cell
              className="link-course-tasks"
              title="课程分析与改进任务"
              clickable
              onClick={() => void Taro.navigateTo({ url: '/packages/reports/tasks/index' })}
            />
          </CellGroup>
        </>
      ) : null}
    </View>
  );
}
