import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { Button, CellGroup, Input, TextArea } from '@nutui/nutui-react-taro';
import type { CheckinOptions, DormResident } from '../../../../../types/api/checkins';
import { residentStatusLabel, type ResidentStatus } from '../../../../../types/checkin';
import { call } from '../../../../services/api';
import { messageOf } from '../../../../services/use-call';
import { Chips } from '../../../../components/chips';
import { Field } from '../../../../components/field';
import type { ActionFault } from '../../../../services/use-call';

export type DormForm = {
  classId: string;
  dormId: string;
  hygieneScore: number;
  hygieneNotes: string;
  residents: { studentId: string; status: ResidentStatus }[];
};

const statuses: ResidentStatus[] = ['present', 'absent', 'onLeave'];

/** 查寝: a dorm of one of my classes, hygiene score and notes, each resident present / absent / on leave. */
export function DormCheckForm({
  options,
  busy,
  refusal,
  onSubmit,
}: {
  options: CheckinOptions;
  busy: boolean;
  refusal: ActionFault | null;
  onSubmit: (form: DormForm, label: string) => void;
}) {
  const [classId, setClassId] = useState(options.classes[0]?.classId ?? '');
  const dorms = options.dorms.filter((d) => d.classIds.includes(classId));
  const [dormId, setDormId] = useState('');
  const [residents, setResidents] = useState<DormResident[]>([]);
  const [status, setStatus] = useState<Record<string, ResidentStatus>>({});
  // Hygiene must be assessed: no score until the checker gives one.
  const [score, setScore] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // A new dorm starts empty: never submit the previous dorm's residents, score or notes.
    setResidents([]);
    setScore('');
    setNotes('');
    setError(null);
    if (!dormId || !classId) return;
    let live = true;
    call('checkins', 'dormResidents', { classId, dormId })
      .then((list) => {
        if (!live) return;
        setResidents(list);
        setStatus(Object.fromEntries(list.map((r) => [r.studentId, 'present' as const])));
      })
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [classId, dormId]);

  const submit = () => {
    const hygieneScore = Number(score);
    if (!dormId) return setError('请选择寝室');
    if (score.trim() === '') return setError('请为内务卫生评分');
    if (!Number.isInteger(hygieneScore) || hygieneScore < 0 || hygieneScore > 100)
      return setError('卫生评分应为 0–100 的整数');
    setError(null);
    const dorm = dorms.find((d) => d.dormId === dormId);
    onSubmit(
      {
        classId,
        dormId,
        hygieneScore,
        hygieneNotes: notes.trim(),
        residents: residents.map((r) => ({ studentId: r.studentId, status: status[r.studentId] ?? 'present' })),
      },
      `查寝 ${dorm?.label ?? dormId}`,
    );
  };

  return (
    <View className="dorm-form">
      <View className="section-title">班级</View>
      <Chips
        options={options.classes.map((c) => ({ value: c.classId, label: c.name }))}
        value={[classId]}
        onChange={(v) => {
          setClassId(v);
          setDormId('');
          setResidents([]);
        }}
      />
      <View className="section-title">寝室</View>
      <Field name="dormId" refusal={refusal}>
        <Chips
          className="dorm-choices"
          options={dorms.map((d) => ({ value: d.dormId, label: d.label }))}
          value={[dormId]}
          onChange={setDormId}
        />
      </Field>
      {residents.length > 0 ? (
        <>
          <View className="section-title">在位情况</View>
          {residents.map((r) => (
            <View
              key={r.studentId}
              className="resident-row"
              style={{ background: '#fff', paddingTop: '8px', borderBottom: '1px solid #f0f0f0' }}
            >
              <View style={{ padding: '0 16px' }}>
                {r.name} <span className="muted">{r.studentId}</span>
              </View>
              <Chips
                options={statuses.map((s) => ({ value: s, label: residentStatusLabel[s] }))}
                value={[status[r.studentId] ?? 'present']}
                onChange={(s) => setStatus({ ...status, [r.studentId]: s })}
              />
            </View>
          ))}
          <View className="section-title">内务卫生</View>
          <CellGroup>
            <Field name="hygieneScore" refusal={refusal}>
              <Input
                className="hygiene-score"
                type="digit"
                placeholder="评分 0–100"
                value={score}
                onChange={setScore}
              />
            </Field>
            <Field name="hygieneNotes" refusal={refusal}>
              <TextArea
                className="hygiene-notes"
                placeholder="卫生情况说明（选填）"
                maxLength={300}
                value={notes}
                onChange={setNotes}
              />
            </Field>
          </CellGroup>
        </>
      ) : null}
      {error ? (
        <View className="danger" style={{ padding: '8px 16px' }}>
          {error}
        </View>
      ) : null}
      <View style={{ padding: '12px 16px' }}>
        <Button
          className="dorm-submit"
          type="primary"
          block
          loading={busy}
          disabled={busy || residents.length === 0}
          onClick={submit}
        >
          定位并签到
        </Button>
      </View>
    </View>
  );
}
