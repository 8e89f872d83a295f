import { Text, View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { checkinFlagLabel, recordKindLabel } from '../../../../types/checkin';
import { dueDateText, dutyStatusLabel } from '../../../../types/duty';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';

const statusText = dutyStatusLabel;
const statusColor = { done: '#188038', due: '#e37400', overdue: '#d93025', lateDone: '#b06000' } as const;

/** Drill-down: a class's or a person's duties with the records that count, and every record filed. */
export function ComplianceDetailView({ target }: { target: { classId: string } | { personId: string } }) {
  const detail = useLoad(() => call('duties', 'complianceDetail', target), [JSON.stringify(target)]);
  const d = detail.data;
  return (
    <View>
      <LoadState loading={detail.loading} error={detail.error} />
      {d ? (
        <>
          <View className="page-title">{d.title}</View>
          {d.row ? (
            <View className="muted" style={{ padding: '0 16px' }}>
              {d.semesterId} · 完成率 {d.row.percent === null ? '—' : `${d.row.percent}%`} · 已完成 {d.row.done} ·
              待完成 {d.row.due} · 已逾期 {d.row.overdue} · 逾期完成 {d.row.lateDone} · 记录 {d.row.records} 条
            </View>
          ) : null}
          <View className="section-title">记录（{d.records.length}）</View>
          <CellGroup>
            {d.records.map((r) => (
              <Cell
                key={r.recordId}
                className="detail-record"
                title={r.label}
                description={`${recordKindLabel[r.kind]} · ${r.actorName} · ${formatDateTime(r.at)}${r.flags.length ? ` · 需核实：${r.flags.map((f) => checkinFlagLabel[f]).join('、')}` : ''}`}
              />
            ))}
          </CellGroup>
          <View className="section-title">职责（{d.items.length}）</View>
          <CellGroup>
            {d.items.slice(0, 150).map((i) => (
              <Cell
                key={i.key}
                title={
                  <View>
                    <span>{i.title}</span>{' '}
                    <Text
                      style={{
                        marginLeft: '4px',
                        padding: '0 6px',
                        borderRadius: '4px',
                        fontSize: '12px',
                        color: '#fff',
                        background: statusColor[i.status],
                      }}
                    >
                      {statusText[i.status]}
                    </Text>
                  </View>
                }
                description={`${i.unit.label} · ${i.window.start.slice(0, 10)} 起 · ${dueDateText(i.dueAt)} · ${i.progress}/${i.required}${i.measure === 'minutes' ? ' 分钟' : ' 次'}`}
              />
            ))}
          </CellGroup>
        </>
      ) : null}
    </View>
  );
}
