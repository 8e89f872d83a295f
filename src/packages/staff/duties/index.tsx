import { useState } from 'react';
import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { CellGroup } from '@nutui/nutui-react-taro';
import type { DutyScope } from '../../../../types/api/duties';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { Chips } from '../../../components/chips';
import { DutyRow } from './duty-row';

const scopes: { value: DutyScope; label: string }[] = [
  { value: 'week', label: '本周' },
  { value: 'month', label: '本月' },
  { value: 'semester', label: '本学期' },
];

/** My duties: this week / month / semester, what is next, what is overdue, one tap to record. */
export default function MyDutiesPage() {
  const [scope, setScope] = useState<DutyScope>('week');
  const duties = useLoad(() => call('duties', 'myDuties', { scope }), [scope]);
  useDidShow(() => duties.reload());
  const d = duties.data;
  const open = d?.items.filter((i) => i.status === 'due' || i.status === 'overdue') ?? [];
  // Met, in time or late (逾期完成: tagged as such, never counted as on time).
  const done = d?.items.filter((i) => i.status === 'done' || i.status === 'lateDone') ?? [];
  return (
    <View className="page">
      <View className="page-title">我的职责</View>
      <Chips options={scopes} value={[scope]} onChange={setScope} />
      <LoadState loading={duties.loading && !d} error={duties.error} />
      {d ? (
        <>
          <View className="duty-tally muted" style={{ padding: '0 16px' }}>
            {d.semesterId} 学期 · 共 {d.tally.total} 项：已完成 {d.tally.done}，待完成 {d.tally.due}，已逾期{' '}
            {d.tally.overdue}，逾期完成 {d.tally.lateDone}
          </View>
          {d.next ? (
            <>
              <View className="section-title">下一项</View>
              <CellGroup>
                <DutyRow item={d.next} />
              </CellGroup>
            </>
          ) : null}
          {d.overdue.length > 0 ? (
            <>
              <View className="section-title danger">本学期已逾期 {d.overdue.length} 项</View>
              <CellGroup>
                {d.overdue.slice(0, 20).map((i) => (
                  <DutyRow key={i.key} item={i} />
                ))}
              </CellGroup>
            </>
          ) : null}
          <View className="section-title">{scopes.find((s) => s.value === scope)?.label}未完成</View>
          <CellGroup>
            {open.map((i) => (
              <DutyRow key={i.key} item={i} />
            ))}
          </CellGroup>
          {open.length === 0 ? (
            <View className="ok" style={{ padding: '8px 16px' }}>
              没有未完成的职责
            </View>
          ) : null}
          {done.length > 0 ? (
            <>
              <View className="section-title">已完成</View>
              <CellGroup>
                {done.map((i) => (
                  <DutyRow key={i.key} item={i} />
                ))}
              </CellGroup>
            </>
          ) : null}
        </>
      ) : null}
    </View>
  );
}
