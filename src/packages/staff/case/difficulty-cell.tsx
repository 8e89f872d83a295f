import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, TextArea } from '@nutui/nutui-react-taro';
import type { CaseView } from '../../../../types/api/support';
import { difficultyLabel, type DifficultyType } from '../../../../types/support';
import { call } from '../../../services/api';
import { useAction } from '../../../services/use-call';
import { Field } from '../../../components/field';
import { ChoiceChips, labelled } from '../../../components/chips';
import { newClientId } from '../checkin/_components/offline-queue';

const types: DifficultyType[] = ['temporary', 'ability', 'motivation', 'holistic', 'adaptation'];

/**
 * 学习困难类型 on the case: a counselor or head teacher sets it here; an assistant reports what
 * they see, which lands in the counselor's 待跟进 (rules: 000-2.3) — the counselor decides the type.
 */
export function DifficultyCell({ view, onDone }: { view: CaseView; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<DifficultyType | null>(view.difficulty?.type ?? null);
  const [note, setNote] = useState('');
  const { act, fault, refusal } = useAction(onDone);
  const action = view.difficultyAction;
  const save = () =>
    act(async () => {
      if (action === 'set') {
        if (!type) throw new Error('请选择学习困难类型');
        await call('support', 'setDifficulty', { studentId: view.student.studentId, type, note: note.trim() });
        void Taro.showToast({ title: '已认定', icon: 'success' });
      } else {
        await call('checkins', 'reportDifficulty', {
          clientId: newClientId(),
          studentId: view.student.studentId,
          ...(type ? { difficulty: type } : {}),
          note: note.trim(),
        });
        void Taro.showToast({ title: '已反映给辅导员', icon: 'success' });
      }
      setOpen(false);
      setNote('');
    });
  return (
    <>
      <Cell
        className="difficulty-row"
        title="学习困难类型"
        extra={`${view.difficulty?.label ?? '未认定'}${action ? (action === 'set' ? ' · 认定' : ' · 反映') : ''}`}
        clickable={action !== null}
        onClick={action ? () => setOpen(!open) : undefined}
      />
      {open ? (
        <View className="difficulty-form" style={{ background: '#fff', paddingBottom: '12px' }}>
          <ChoiceChips
            options={labelled(difficultyLabel, types)}
            value={type ? [type] : []}
            onChange={([v]) => setType(v ?? null)}
          />
          <Field name="note" refusal={refusal}>
            <TextArea
              className="difficulty-note"
              placeholder={action === 'set' ? '说明（选填）' : '学生的学习困难情况（必填）'}
              maxLength={500}
              value={note}
              onChange={setNote}
            />
          </Field>
          {fault ? (
            <View className="danger" style={{ padding: '0 16px' }}>
              {fault}
            </View>
          ) : null}
          <View style={{ padding: '0 16px' }}>
            <Button className="difficulty-save" type="primary" block onClick={() => void save()}>
              {action === 'set' ? '保存认定' : '反映给辅导员'}
            </Button>
          </View>
        </View>
      ) : null}
    </>
  );
}
