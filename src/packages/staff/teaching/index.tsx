import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro';
import { concernKindLabel, type ConcernKind } from '../../../../types/concern';
import type { StudentOfMine } from '../../../../types/api/teaching';
import { Chips, labelled } from '../../../components/chips';
import { LoadState } from '../../../components/load-state';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { Field } from '../../../components/field';

const card = { margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' };
const kinds: ConcernKind[] = ['attendance', 'missingWork', 'attitude', 'other'];

/**
 * A course teacher's students (the warning list reaches them; rules: 004-2.4): who is under warning, and
 * a concern about any student of their sections (缺勤、作业未交、学习态度) before grades are in.
 */
export default function Teaching() {
  const mine = useLoad(() => call('teaching', 'mine', {}), []);
  const [open, setOpen] = useState<StudentOfMine | null>(null);
  const [kind, setKind] = useState<ConcernKind>('attendance');
  const [note, setNote] = useState('');
  const { act, refusal, busy } = useAction(undefined, { toastFault: true });

  const raise = async () => {
    if (!open) return;
    await act(async () => {
      await call('teaching', 'raiseConcern', { studentId: open.studentId, courseCode: open.courseCode, kind, note });
      setOpen(null);
      setNote('');
    }, '已提交给辅导员');
  };

  const data = mine.data;
  return (
    <View className="page">
      <View className="page-title">任课学生</View>
      <LoadState loading={mine.loading} error={mine.error} empty={data?.sections.length === 0} />
      {data ? (
        <>
          <View className="section-title">我的课程</View>
          {data.sections.map((s) => (
            <View key={`${s.semester}-${s.courseCode}`} style={card} className="section">
              {s.courseName}（{s.courseCode}）· {s.semester}
              <View className="muted">
                {s.classNames.join('、')} · {s.students} 人
              </View>
            </View>
          ))}
          <View className="section-title">学业警示学生（{data.warned.length} 人）</View>
          {data.warned.length === 0 ? (
            <View className="muted" style={{ padding: '0 16px' }}>
              您的学生中暂无学业警示
            </View>
          ) : null}
          {data.warned.map((w) => (
            <View key={w.studentId} style={card} className={`warned warned-${w.studentId}`}>
              <View style={{ display: 'flex', alignItems: 'center', gap: '6px', flexWrap: 'wrap' }}>
                <Text>
                  {w.name}（{w.className}）
                </Text>
                <Tag type="danger">{w.levelName}</Tag>
              </View>
              <View className="muted">
                {w.semester} · 本人课程：{w.courseNames.join('、')}
              </View>
            </View>
          ))}
          <View className="section-title">反映学生情况</View>
          <View className="muted" style={{ padding: '0 16px' }}>
            成绩出来之前发现缺勤、作业未交或学习态度问题，可反映给该生的辅导员，处理结果会通知您。
          </View>
          {data.students.map((s) => (
            <View key={s.studentId} style={card} className={`mine mine-${s.studentId}`}>
              <View style={{ display: 'flex', alignItems: 'center', gap: '6px', flexWrap: 'wrap' }}>
                <Text>
                  {s.name}（{s.studentId}）· {s.className}
                </Text>
                {s.warned ? <Tag type="danger">警示中</Tag> : null}
              </View>
              {open?.studentId === s.studentId ? (
                <View className="concern-form">
                  <Chips options={labelled(concernKindLabel, kinds)} value={[kind]} onChange={setKind} />
                  <Field name="note" refusal={refusal}>
                    <TextArea
                      className="concern-note"
                      placeholder="情况说明（如：第 8–10 周缺勤 3 次）"
                      value={note}
                      onChange={(v: string) => setNote(v)}
                      maxLength={500}
                    />
                  </Field>
                  <Button
                    size="small"
                    type="primary"
                    className="concern-submit"
                    disabled={busy || note.trim() === ''}
                    onClick={() => void raise()}
                  >
                    提交给辅导员
                  </Button>
                </View>
              ) : (
                <Button size="small" className="concern-open" style={{ marginLeft: '8px' }} onClick={() => setOpen(s)}>
                  反映情况…
                </Button>
              )}
            </View>
          ))}
        </>
      ) : null}
      <View style={{ padding: '12px 16px' }}>
        <Button
          block
          className="my-concerns"
          onClick={() => void Taro.navigateTo({ url: '/packages/staff/concerns/index?view=mine' })}
        >
          我反映的情况与处理结果
        </Button>
      </View>
    </View>
  );
}
