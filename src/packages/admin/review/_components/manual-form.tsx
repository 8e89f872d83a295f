import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { ManualReason } from '../../../../../types/policy';
import { call } from '../../../../services/api';
import { messageOf } from '../../../../services/use-call';
import { Chips } from './chips';

/** Seed 002: add a student by hand, with a level and one of the policy's reasons (the mark stays visible). */
export function ManualForm({ runId, levels, reasons, onDone }: { runId: string; levels: { id: string; name: string }[]; reasons: { id: ManualReason; label: string }[]; onDone: () => void }) {
  const [studentId, setStudentId] = useState('');
  const [level, setLevel] = useState<string | undefined>(levels[0]?.id);
  const [reason, setReason] = useState<ManualReason | undefined>(undefined);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!level || !reason) return;
    setBusy(true);
    try {
      await call('warnings', 'addManual', { runId, studentId: studentId.trim(), level, reason, ...(note.trim() ? { note: note.trim() } : {}) });
      Taro.showToast({ title: '已补充', icon: 'success' });
      setStudentId('');
      setNote('');
      onDone();
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View style={{ margin: '8px 12px', padding: '12px 0', background: '#fff', borderRadius: '8px' }} className="manual-form">
      <View style={{ padding: '0 12px' }}>
        <Input className="manual-student" placeholder="学号" value={studentId} onChange={setStudentId} />
      </View>
      <View className="section-title">警示等级</View>
      <Chips options={levels.map((l) => ({ value: l.id, label: l.name }))} value={level} onChange={setLevel} />
      <View className="section-title">补充原因（必选）</View>
      <Chips className="manual-reasons" options={reasons.map((r) => ({ value: r.id, label: r.label }))} value={reason} onChange={setReason} />
      <View style={{ padding: '8px 12px' }}>
        <TextArea placeholder="说明（如具体情况）" value={note} onChange={setNote} maxLength={500} />
      </View>
      <View style={{ padding: '0 12px' }}>
        <Button type="primary" size="small" disabled={busy || studentId.trim() === '' || !level || !reason} onClick={() => void submit()}>
          补充到名单
        </Button>
      </View>
    </View>
  );
}
