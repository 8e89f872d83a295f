import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro';
import type { ObjectionRow } from '../../../../types/api/notices';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { wallTime } from '../../../components/notice-copy';
import { domId, GradeRows, type RowChoice } from './_components/grade-rows';

const stateLabel = { open: '待核实', confirmed: '已维持', corrected: '已更正' } as const;
const outcomeToast = {
  kept: '已维持，已通知学生',
  amended: '已更正，已通知学生',
  withdrawn: '已更正：警示已撤销，已通知学生',
  standing: '已更正：警示仍保留，已通知学生',
  lifted: '已更正：警示已解除，已通知学生',
  replaced: '已更正：已发出新警示，已通知学生',
} as const;

function Resolve({ row, onDone }: { row: ObjectionRow; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [correcting, setCorrecting] = useState(false);
  const [choices, setChoices] = useState<Record<string, RowChoice>>({});
  const { act, busy } = useAction(onDone, { toastFault: true });
  const chosen = Object.entries(choices);
  const ready = chosen.length > 0 && chosen.every(([, c]) => c.action === 'exclude' || c.score.trim() !== '');
  const choose = (gradeId: string, choice: RowChoice | null) => {
    const next = { ...choices };
    if (choice === null) delete next[gradeId];
    else next[gradeId] = choice;
    setChoices(next);
  };
  const resolve = (decision: 'confirm' | 'correct') =>
    act(async () => {
      const grades =
        decision === 'correct'
          ? chosen.map(([gradeId, c]) =>
              c.action === 'exclude'
                ? { gradeId, action: c.action }
                : { gradeId, action: c.action, score: c.score.trim() },
            )
          : [];
      const result = await call('notices', 'resolveObjection', { noticeId: row.noticeId, decision, note, grades });
      void Taro.showToast({ title: outcomeToast[result.outcome], icon: 'none' });
    });
  return (
    <View style={{ marginTop: '8px' }}>
      <GradeRows rows={row.grades} choices={choices} editing={correcting} onChange={choose} />
      <View className="muted" style={{ margin: '8px 0 4px' }}>
        答复学生（核实情况）
      </View>
      <TextArea placeholder="写明核实了什么、结论如何" value={note} onChange={setNote} maxLength={300} />
      {correcting ? (
        <View className="muted" style={{ margin: '8px 0 4px' }}>
          请在上方选择要“不计入”或“改成绩”的成绩行：系统按更正后的成绩重新判定警示等级，原通知不改动，发出更正后的新版本（无警示时撤销），以后每次运行规则都按更正后的成绩计算。
        </View>
      ) : null}
      <View style={{ display: 'flex', gap: '8px', marginTop: '8px' }}>
        <Button
          id={`keep-objection-${domId(row.noticeId)}`}
          size="small"
          type="primary"
          disabled={busy || note.trim() === ''}
          onClick={() => void resolve('confirm')}
        >
          核实无误，维持
        </Button>
        {correcting ? (
          <Button
            id={`send-correction-${domId(row.noticeId)}`}
            size="small"
            type="warning"
            disabled={busy || note.trim() === '' || !ready}
            onClick={() => void resolve('correct')}
          >
            发出更正
          </Button>
        ) : (
          <Button
            id={`start-correction-${domId(row.noticeId)}`}
            size="small"
            fill="outline"
            onClick={() => setCorrecting(true)}
          >
            需要更正…
          </Button>
        )}
      </View>
    </View>
  );
}

/** The clerk's queue: students' objections to their notices; keep (维持) or correct (更正) each. */
export default function Objections() {
  const { data, error, loading, reload } = useLoad(() => call('notices', 'objections', {}), []);
  return (
    <View className="page">
      <View className="page-title">通知异议处理</View>
      <LoadState loading={loading} error={error} empty={data?.length === 0} />
      {data?.map((row) => (
        <View
          key={row.noticeId}
          id={`objection-${domId(row.noticeId)}`}
          className="objection"
          style={{ margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' }}
        >
          <View style={{ display: 'flex', justifyContent: 'space-between' }}>
            <Text style={{ fontWeight: 600 }}>
              {row.studentName}（{row.studentId}）· {row.levelName}
            </Text>
            <Tag type={row.objection.state === 'open' ? 'warning' : 'success'}>{stateLabel[row.objection.state]}</Tag>
          </View>
          <View className="muted">
            {row.semester} · 提出于 {wallTime(row.objection.at)}
          </View>
          <View style={{ marginTop: '6px' }}>异议：{row.objection.reason}</View>
          <View className="muted" style={{ marginTop: '4px' }}>
            原因：{row.reasons.join(' ')}
          </View>
          {row.objection.note ? <View style={{ marginTop: '4px' }}>答复：{row.objection.note}</View> : null}
          {row.objection.state === 'open' ? <Resolve row={row} onDone={reload} /> : null}
        </View>
      ))}
    </View>
  );
}
