import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro';
import type { ObjectionRow } from '../../../../types/api/notices';
import { call } from '../../../services/api';
import { messageOf, useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { wallTime } from '../../../components/notice-copy';

const stateLabel = { open: '待核实', confirmed: '已维持', corrected: '已更正' } as const;

function Resolve({ row, onDone }: { row: ObjectionRow; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [correcting, setCorrecting] = useState(false);
  const [explanation, setExplanation] = useState(row.reasons.map((r) => r.replace(/^\d+\.\s*/, '')).join('\n'));
  const [busy, setBusy] = useState(false);
  const resolve = async (decision: 'confirm' | 'correct') => {
    setBusy(true);
    try {
      const lines = explanation.split('\n').map((l) => l.trim()).filter((l) => l !== '');
      await call('notices', 'resolveObjection', { noticeId: row.noticeId, decision, note, explanation: decision === 'correct' ? lines : [] });
      Taro.showToast({ title: decision === 'confirm' ? '已维持' : '已发出更正通知', icon: 'success' });
      onDone();
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View style={{ marginTop: '8px' }}>
      <TextArea placeholder="答复学生（核实情况）" value={note} onChange={setNote} maxLength={300} />
      {correcting ? (
        <>
          <View className="muted" style={{ margin: '8px 0 4px' }}>
            更正后的警示原因（每行一条）：原通知不改动，将发出带更正原因的新版本。
          </View>
          <TextArea value={explanation} onChange={setExplanation} maxLength={2000} rows={4} />
        </>
      ) : null}
      <View style={{ display: 'flex', gap: '8px', marginTop: '8px' }}>
        <Button size="small" type="primary" disabled={busy || note.trim() === ''} onClick={() => void resolve('confirm')}>
          核实无误，维持
        </Button>
        {correcting ? (
          <Button size="small" type="warning" disabled={busy || note.trim() === ''} onClick={() => void resolve('correct')}>
            发出更正
          </Button>
        ) : (
          <Button size="small" fill="outline" onClick={() => setCorrecting(true)}>
            需要更正…
          </Button>
        )}
      </View>
    </View>
  );
}

/** The clerk's queue: students' objections to their notices; confirm or correct each. */
export default function Objections() {
  const { data, error, loading, reload } = useLoad(() => call('notices', 'objections', {}), []);
  return (
    <View className="page">
      <View className="page-title">通知异议处理</View>
      <LoadState loading={loading} error={error} empty={data?.length === 0} />
      {data?.map((row) => (
        <View key={row.noticeId} style={{ margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' }}>
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
