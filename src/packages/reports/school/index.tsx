import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { ComplianceRow, SchoolRow } from '../../../../types/api/duties';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { wallTime } from '../../../components/notice-copy';
import { pageUrl, routeId, useRouteParams } from '../../../services/use-route-params';
import { ChartCard } from '../_components/chart-card';

const rate = (row: ComplianceRow) => (row.percent === null ? '—' : `${row.percent}%`);
const counts = (row: ComplianceRow) =>
  `已完成 ${row.done} · 待完成 ${row.due} · 逾期 ${row.overdue} · 逾期完成 ${row.lateDone} · 记录 ${row.records} 条`;
const freshness = (row: SchoolRow) => (row.asOf ? `统计于 ${wallTime(row.asOf)}` : '尚未统计');

/** Rows with a rate as a bar chart (a row with nothing settled yet has no bar). */
function rateChart(rows: readonly ComplianceRow[], title: string, className: string) {
  const rated = rows.filter((r) => r.percent !== null);
  return (
    <ChartCard
      className={className}
      title={title}
      percent
      categories={rated.map((r) => r.name)}
      series={[{ name: '完成率', values: rated.map((r) => r.percent ?? 0) }]}
    />
  );
}

function RowCell({
  row,
  note,
  className,
  onClick,
}: {
  row: ComplianceRow;
  note: string;
  className: string;
  onClick?: () => void;
}) {
  return (
    <Cell
      className={className}
      title={
        <View>
          <span className="compliance-name">{row.name}</span>{' '}
          <span className={`rate ${row.overdue > 0 ? 'danger' : 'ok'}`}>{rate(row)}</span>
        </View>
      }
      description={`${note} · ${counts(row)}`}
      clickable={onClick !== undefined}
      onClick={onClick}
    />
  );
}

/** 学工部: every college's duty compliance this semester; a college opens its classes. */
export default function SchoolCompliance() {
  const { collegeId } = useRouteParams({ collegeId: routeId });
  return <View className="page">{collegeId ? <CollegeView collegeId={collegeId} /> : <SchoolView />}</View>;
}

function SchoolView() {
  const school = useLoad(() => call('duties', 'schoolCompliance', { sort: 'worst' }), []);
  // Back from a college just counted: show its new figures.
  useDidShow(() => school.reload());
  const s = school.data;
  return (
    <>
      <View className="page-title">全校职责完成情况</View>
      <LoadState loading={school.loading} error={school.error} empty={s?.rows.length === 0} />
      {s ? (
        <>
          <View className="muted" style={{ padding: '0 16px' }}>
            {s.semesterId} 学期 · 各学院每小时统计一次 · 完成率 = 按期完成 ÷（按期完成 + 逾期完成 + 逾期未完成）
          </View>
          {rateChart(s.rows, '各学院职责完成率', 'chart-colleges')}
          <CellGroup>
            {s.rows.map((row) => (
              <RowCell
                key={row.id}
                row={row}
                className="school-college-row"
                note={row.asOf ? `${row.note} · ${freshness(row)}` : freshness(row)}
                onClick={() =>
                  void Taro.navigateTo({ url: pageUrl('/packages/reports/school/index', { collegeId: row.id }) })
                }
              />
            ))}
          </CellGroup>
        </>
      ) : null}
    </>
  );
}

function CollegeView({ collegeId }: { collegeId: string }) {
  const college = useLoad(() => call('duties', 'collegeCompliance', { collegeId, sort: 'worst' }), [collegeId]);
  const refresh = useAction(() => college.reload());
  const c = college.data;
  return (
    <>
      <View className="page-title">{c?.row.name ?? '学院'}</View>
      <LoadState loading={college.loading} error={college.error} />
      {c ? (
        <>
          <View className="muted" style={{ padding: '0 16px' }}>
            {c.semesterId} 学期 · {freshness(c.row)}
          </View>
          <RowCell row={c.row} note={c.row.asOf ? c.row.note : '尚未统计'} className="school-college-total" />
          <View style={{ padding: '8px 16px' }}>
            <Button
              type="primary"
              size="small"
              loading={refresh.busy}
              disabled={refresh.busy}
              onClick={() =>
                void refresh.act(() => call('duties', 'refreshCollegeCompliance', { collegeId }), '已重新统计')
              }
            >
              立即统计
            </Button>
          </View>
          {refresh.refusal ? (
            <View className="danger" style={{ padding: '0 16px' }}>
              {refresh.refusal.message}
            </View>
          ) : null}
          {c.classes.length > 0 ? (
            <>
              {rateChart(c.classes, '各班职责完成率', 'chart-classes')}
              <CellGroup>
                {c.classes.map((row) => (
                  <RowCell key={row.id} row={row} note={row.note} className="school-class-row" />
                ))}
              </CellGroup>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
