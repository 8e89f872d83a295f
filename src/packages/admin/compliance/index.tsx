import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { ComplianceRow, ComplianceSort } from '../../../../types/api/duties';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { Chips } from '../../../components/chips';
import { ComplianceDetailView } from './compliance-detail';
import { FollowUps } from './_components/follow-ups';
import { pageUrl, routeId, useRouteParams } from '../../../services/use-route-params';

type Per = 'class' | 'person';
const sorts: { value: ComplianceSort; label: string }[] = [
  { value: 'worst', label: '完成率低→高' },
  { value: 'best', label: '完成率高→低' },
  { value: 'overdue', label: '逾期最多' },
  { value: 'name', label: '按名称' },
];

function percentText(row: ComplianceRow): string {
  return row.percent === null ? '—' : `${row.percent}%`;
}

/** Counselor / leader: duty compliance per class and per person, sortable, each row drilling down. */
export default function CompliancePage() {
  const params = useRouteParams({ classId: routeId, personId: routeId });
  const [per, setPer] = useState<Per>('class');
  const [sort, setSort] = useState<ComplianceSort>('worst');
  const board = useLoad(
    () =>
      params.classId || params.personId
        ? Promise.resolve(null)
        : per === 'class'
          ? call('duties', 'classCompliance', { sort })
          : call('duties', 'staffCompliance', { sort }),
    [per, sort],
  );

  if (params.classId)
    return (
      <View className="page">
        <ComplianceDetailView target={{ classId: params.classId }} />
      </View>
    );
  if (params.personId)
    return (
      <View className="page">
        <ComplianceDetailView target={{ personId: params.personId }} />
      </View>
    );

  const open = (row: ComplianceRow) =>
    Taro.navigateTo({
      url: pageUrl('/packages/admin/compliance/index', { [per === 'class' ? 'classId' : 'personId']: row.id }),
    });
  const b = board.data;
  return (
    <View className="page">
      <View className="page-title">职责完成情况</View>
      <FollowUps />
      <Chips
        options={[
          { value: 'class', label: '按班级' },
          { value: 'person', label: '按人员' },
        ]}
        value={[per]}
        onChange={setPer}
      />
      <Chips options={sorts} value={[sort]} onChange={setSort} />
      <LoadState loading={board.loading} error={board.error} empty={b?.rows.length === 0} />
      {b ? (
        <>
          <View className="muted" style={{ padding: '0 16px' }}>
            {b.semesterId} 学期 · {b.scope === 'college' ? '全院' : b.scope === 'department' ? '本系' : '我的班级'} ·
            完成率 = 按期完成 ÷（按期完成 + 逾期完成 + 逾期未完成）
          </View>
          <CellGroup>
            {b.rows.map((row) => (
              <Cell
                key={row.id}
                className="compliance-row"
                title={
                  <View>
                    <span className="compliance-name">{row.name}</span>{' '}
                    <span className={row.overdue > 0 ? 'danger' : 'ok'}>{percentText(row)}</span>
                  </View>
                }
                description={`${row.note ? `${row.note} · ` : ''}已完成 ${row.done} · 待完成 ${row.due} · 逾期 ${row.overdue} · 逾期完成 ${row.lateDone} · 记录 ${row.records} 条`}
                clickable
                onClick={() => void open(row)}
              />
            ))}
          </CellGroup>
        </>
      ) : null}
    </View>
  );
}
