import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { DraftView } from '../../../../../types/api/warnings';
import type { ManualReason } from '../../../../../types/policy';
import { call } from '../../../../services/api';
import { messageOf } from '../../../../services/use-call';

const card = { margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' };

function Choice<T extends string>({ options, value, onChange }: { options: { id: T; label: string }[]; value: T | undefined; onChange: (v: T) => void }) {
  return (
    <View style={{ display: 'flex', flexWrap: 'wrap', gap: '6px', margin: '6px 0' }}>
      {options.map((o) => (
        <Button key={o.id} size="small" type={o.id === value ? 'primary' : 'default'} onClick={() => onChange(o.id)}>
          {o.label}
        </Button>
      ))}
    </View>
  );
}

/** Seed 002: a head teacher or counselor adds a student of their class to the clerk's draft list, with a reason. */
export function DraftAdditions({ draft, onDone }: { draft: DraftView; onDone: () => void }) {
  const [studentId, setStudentId] = useState('');
  const [level, setLevel] = useState<string | undefined>(draft.levels[0]?.id);
  const [reason, setReason] = useState<ManualReason | undefined>(undefined);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const manual = draft.entries.filter((e) => e.manual !== null);
  const submit = async () => {
    if (!level || !reason) return;
    setBusy(true);
    try {
      await call('warnings', 'addManual', { runId: draft.runId, studentId: studentId.trim(), level, reason, ...(note.trim() ? { note: note.trim() } : {}) });
      Taro.showToast({ title: '已补充到名单', icon: 'success' });
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
    <View style={card} className="draft-additions">
      <View style={{ fontWeight: 600 }}>
        {draft.semester} 名单草稿（{draft.policyName}）
      </View>
      <View className="muted">
        本班在草稿中 {draft.entries.length} 人。可根据学习态度、心理状况、考勤等补充学生，补充标记会一直保留。
      </View>
      {manual.map((e) => (
        <View key={e.studentId} className="muted" style={{ color: '#1f5fbf' }}>
          {e.studentName}：{e.manual?.action === 'add' ? `补充为${e.levelName ?? ''}（${e.manual.reasonLabel ?? ''}，${e.manual.byName}）` : `移出（${e.manual?.byName ?? ''}）`}
        </View>
      ))}
      <Input className="draft-student" placeholder="学号" value={studentId} onChange={setStudentId} />
      <Text className="muted">警示等级</Text>
      <Choice options={draft.levels.map((l) => ({ id: l.id, label: l.name }))} value={level} onChange={setLevel} />
      <Text className="muted">补充原因（必选）</Text>
      <Choice options={draft.manualReasons.map((r) => ({ id: r.id, label: r.label }))} value={reason} onChange={setReason} />
      <TextArea placeholder="说明" value={note} onChange={setNote} maxLength={500} />
      <Button size="small" type="primary" disabled={busy || studentId.trim() === '' || !level || !reason} onClick={() => void submit()}>
        补充到名单
      </Button>
    </View>
  );
}
