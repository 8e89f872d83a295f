import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { ManualReason } from '../../types/policy';
import { call } from '../services/api';
import { useAction } from '../services/use-call';
import { Chips } from './chips';
import { Field } from './field';

type Props = {
  runId: string;
  levels: { id: string; name: string }[];
  reasons: { id: ManualReason; label: string }[];
  onDone: () => void;
  /** The toast after adding (the clerk's review and the class staff's draft say it differently). */
  done: string;
  notePlaceholder: string;
};

/**
 * Add a student of the draft list by hand (rules: 002-4.2.1), with a level and one of the policy's reasons
 * (the mark stays visible). One form for the clerk's review and for the class staff's draft.
 */
export function ManualAddition({ runId, levels, reasons, onDone, done, notePlaceholder }: Props) {
  const [studentId, setStudentId] = useState('');
  const [level, setLevel] = useState<string | undefined>(levels[0]?.id);
  const [reason, setReason] = useState<ManualReason | undefined>(undefined);
  const [note, setNote] = useState('');
  const { act, refusal, busy } = useAction(onDone, { toastFault: true });
  const submit = async () => {
    if (!level || !reason) return;
    await act(async () => {
      await call('warnings', 'addManual', {
        runId,
        studentId: studentId.trim(),
        level,
        reason,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setStudentId('');
      setNote('');
    }, done);
  };
  return (
    <View className="manual-addition">
      <Field name="studentId" refusal={refusal}>
        <View style={{ padding: '0 12px' }}>
          <Input className="manual-student" placeholder="学号" value={studentId} onChange={setStudentId} />
        </View>
      </Field>
      <View className="section-title">警示等级</View>
      <Field name="level" refusal={refusal}>
        <Chips
          options={levels.map((l) => ({ value: l.id, label: l.name }))}
          value={level ? [level] : []}
          onChange={setLevel}
        />
      </Field>
      <View className="section-title">补充原因（必选）</View>
      <Field name="reason" refusal={refusal}>
        <Chips
          className="manual-reasons"
          options={reasons.map((r) => ({ value: r.id, label: r.label }))}
          value={reason ? [reason] : []}
          onChange={setReason}
        />
      </Field>
      <Field name="note" refusal={refusal}>
        <View style={{ padding: '8px 12px' }}>
          <TextArea placeholder={notePlaceholder} value={note} onChange={setNote} maxLength={500} />
        </View>
      </Field>
      <View style={{ padding: '0 12px' }}>
        <Button
          type="primary"
          size="small"
          disabled={busy || studentId.trim() === '' || !level || !reason}
          onClick={() => void submit()}
        >
          补充到名单
        </Button>
      </View>
    </View>
  );
}
