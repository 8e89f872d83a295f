import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, CellGroup, Input } from '@nutui/nutui-react-taro';
import type { CheckinOptions } from '../../../../../types/api/checkins';
import { call } from '../../../../services/api';
import { useLoad } from '../../../../services/use-call';
import { LoadState } from '../../../../components/load-state';
import { Chips } from '../../../../components/chips';
import { Field } from '../../../../components/field';
import type { ActionFault } from '../../../../services/use-call';

type Mark = 'ok' | 'late' | 'absent' | 'leftEarly';
const marks: { value: Mark; label: string }[] = [
  { value: 'ok', label: '正常' },
  { value: 'late', label: '迟到' },
  { value: 'absent', label: '缺勤' },
  { value: 'leftEarly', label: '早退' },
];

export type ClassForm = {
  classId: string;
  placeId: string;
  course: string;
  late: string[];
  absent: string[];
  leftEarly: string[];
};

/** 查课: a class session in a teaching building; everyone is present unless marked. */
export function ClassCheckForm({
  options,
  busy,
  refusal,
  onSubmit,
}: {
  options: CheckinOptions;
  busy: boolean;
  refusal: ActionFault | null;
  onSubmit: (form: ClassForm, label: string) => void;
}) {
  const [classId, setClassId] = useState(options.classes[0]?.classId ?? '');
  const teaching = options.places.filter((p) => p.kind === 'teaching');
  const [placeId, setPlaceId] = useState(teaching[0]?.id ?? '');
  const [course, setCourse] = useState('');
  const [mark, setMark] = useState<Record<string, Mark>>({});
  const [error, setError] = useState<string | null>(null);
  const roster = useLoad(
    () => (classId ? call('campus', 'classStudents', { classId }) : Promise.resolve(null)),
    [classId],
  );

  const ids = (m: Mark) => Object.entries(mark).flatMap(([id, v]) => (v === m ? [id] : []));
  const submit = () => {
    if (!course.trim()) return setError('请填写课程');
    setError(null);
    const cls = options.classes.find((c) => c.classId === classId);
    onSubmit(
      {
        classId,
        placeId,
        course: course.trim(),
        late: ids('late'),
        absent: ids('absent'),
        leftEarly: ids('leftEarly'),
      },
      `查课 ${cls?.name ?? classId} ${course.trim()}`,
    );
  };

  return (
    <View className="class-form">
      <View className="section-title">班级</View>
      <Chips
        options={options.classes.map((c) => ({ value: c.classId, label: c.name }))}
        value={[classId]}
        onChange={(v) => {
          setClassId(v);
          setMark({});
        }}
      />
      <View className="section-title">教学楼</View>
      <Field name="placeId" refusal={refusal}>
        <Chips
          options={teaching.map((p) => ({ value: p.id, label: p.name }))}
          value={[placeId]}
          onChange={setPlaceId}
        />
      </Field>
      <CellGroup>
        <Field name="course" refusal={refusal}>
          <Input className="class-course" placeholder="课程名称" value={course} onChange={setCourse} />
        </Field>
      </CellGroup>
      <View className="section-title">考勤（默认全部正常）</View>
      <LoadState loading={roster.loading} error={roster.error} />
      {(roster.data?.students ?? []).map((s) => (
        <View
          key={s.studentId}
          className="attendance-row"
          style={{ background: '#fff', paddingTop: '8px', borderBottom: '1px solid #f0f0f0' }}
        >
          <View style={{ padding: '0 16px' }}>
            {s.name} <span className="muted">{s.studentId}</span>
          </View>
          <Chips
            options={marks}
            value={[mark[s.studentId] ?? 'ok']}
            onChange={(m) => setMark({ ...mark, [s.studentId]: m })}
          />
        </View>
      ))}
      {error ? (
        <View className="danger" style={{ padding: '8px 16px' }}>
          {error}
        </View>
      ) : null}
      <View style={{ padding: '12px 16px' }}>
        <Button className="class-submit" type="primary" block loading={busy} disabled={busy} onClick={submit}>
          定位并签到
        </Button>
      </View>
    </View>
  );
}
