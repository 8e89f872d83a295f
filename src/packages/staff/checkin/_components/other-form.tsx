import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, CellGroup, Input, TextArea } from '@nutui/nutui-react-taro';
import type { CheckinOptions, MeetingKind } from '../../../../../types/api/checkins';
import { talkModeLabel, TalkMode } from '../../../../../types/checkin';
import { call } from '../../../../services/api';
import { useLoad } from '../../../../services/use-call';
import { Chips } from '../../../../components/chips';
import type { QueuedAction } from './offline-queue';
import { Field } from '../../../../components/field';
import type { ActionFault } from '../../../../services/use-call';

export type OtherKind = 'lecture' | MeetingKind | 'themedActivity' | 'talk' | 'parentContact' | 'teacherContact';

export const otherKindLabel: Record<OtherKind, string> = {
  lecture: '听课',
  classMeeting: '班会',
  classCommitteeMeeting: '班委会',
  headTeacherMeeting: '班主任工作会',
  collectiveActivity: '班集体活动',
  themedActivity: '主题活动',
  talk: '面对面谈话',
  parentContact: '家长联系',
  teacherContact: '任课教师联系',
};

export const otherKinds: readonly OtherKind[] = [
  'lecture',
  'classMeeting',
  'classCommitteeMeeting',
  'headTeacherMeeting',
  'collectiveActivity',
  'themedActivity',
  'talk',
  'parentContact',
  'teacherContact',
];

const meetingKinds: readonly string[] = [
  'classMeeting',
  'classCommitteeMeeting',
  'headTeacherMeeting',
  'collectiveActivity',
];
const isMeeting = (k: OtherKind): k is MeetingKind => meetingKinds.includes(k);

/** 听课, meetings with minutes, themed activities (theme, participants, duration), 30-minute talks. */
export function OtherRecordForm({
  options,
  initial,
  preset = {},
  busy,
  refusal,
  onSubmit,
}: {
  options: CheckinOptions;
  initial: OtherKind;
  preset?: { classId?: string | undefined; studentId?: string | undefined };
  busy: boolean;
  refusal: ActionFault | null;
  onSubmit: (action: QueuedAction, input: Record<string, unknown>, label: string) => void;
}) {
  const [kind, setKind] = useState<OtherKind>(
    options.recordKinds.includes(initial === 'lecture' ? 'lectureAttendance' : initial) ? initial : 'talk',
  );
  // 去记录 from a duty brings its class and student, chosen already.
  const presetClass = options.classes.find((c) => c.classId === preset.classId)?.classId;
  const [classId, setClassId] = useState(presetClass ?? options.classes[0]?.classId ?? '');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [count, setCount] = useState('');
  const [minutes, setMinutes] = useState('30');
  const [studentId, setStudentId] = useState(presetClass ? (preset.studentId ?? '') : '');
  const [mode, setMode] = useState<TalkMode>('faceToFace');
  const [studyMethods, setStudyMethods] = useState(false);
  const [channel, setChannel] = useState('电话');
  const [error, setError] = useState<string | null>(null);
  const withStudent = kind === 'talk' || kind === 'parentContact';
  // Only the kinds the caller's duties count (an assistant has no 班主任工作会, 听课 or 家长联系).
  const offered = otherKinds.filter((k) => options.recordKinds.includes(k === 'lecture' ? 'lectureAttendance' : k));
  /** Another kind of record starts empty: nothing typed for one form lands in another. */
  const chooseKind = (next: OtherKind) => {
    setKind(next);
    setTitle('');
    setSummary('');
    setCount('');
    setError(null);
  };
  const shortTalk =
    kind === 'talk' &&
    options.talkMinMinutes !== null &&
    Number(minutes) > 0 &&
    Number(minutes) < options.talkMinMinutes;
  const roster = useLoad(
    () => (withStudent && classId ? call('campus', 'classStudents', { classId }) : Promise.resolve(null)),
    [kind, classId],
  );

  const submit = () => {
    const m = Number(minutes);
    const n = Number(count || '0');
    if (!withStudent && !title.trim())
      return setError(kind === 'lecture' ? '请填写课程' : kind === 'teacherContact' ? '请填写任课教师' : '请填写主题');
    if ((kind === 'talk' || kind === 'themedActivity') && (!Number.isInteger(m) || m < 1))
      return setError('请填写时长（分钟）');
    if (withStudent && !studentId) return setError('请选择学生');
    setError(null);
    const label = `${otherKindLabel[kind]} ${title.trim()}`;
    if (kind === 'lecture') return onSubmit('lecture', { classId, course: title.trim(), notes: summary.trim() }, label);
    if (kind === 'themedActivity')
      return onSubmit(
        'themedActivity',
        { classId, theme: title.trim(), participants: n, minutes: m, summary: summary.trim() },
        label,
      );
    if (kind === 'teacherContact')
      return onSubmit(
        'teacherContact',
        { classId, teacherName: title.trim(), notes: summary.trim() },
        `任课教师联系 ${title.trim()}`,
      );
    if (kind === 'parentContact') {
      const name = roster.data?.students.find((s) => s.studentId === studentId)?.name ?? studentId;
      return onSubmit('parentContact', { studentId, channel, notes: summary.trim() }, `家长联系 ${name}`);
    }
    if (kind === 'talk') {
      const name = roster.data?.students.find((s) => s.studentId === studentId)?.name ?? studentId;
      return onSubmit('talk', { studentId, mode, minutes: m, notes: summary.trim() }, `面对面谈话 ${name}`);
    }
    if (isMeeting(kind)) {
      onSubmit(
        'meeting',
        {
          kind,
          classId,
          title: title.trim(),
          summary: summary.trim(),
          attendees: n,
          topics: studyMethods ? ['studyMethods'] : [],
          ...(Number.isInteger(m) && m > 0 ? { minutes: m } : {}),
        },
        label,
      );
    }
  };

  return (
    <View className="other-form">
      <View className="section-title">记录类型</View>
      <Chips
        options={offered.map((k) => ({ value: k, label: otherKindLabel[k] }))}
        value={[kind]}
        onChange={chooseKind}
      />
      <View className="section-title">班级</View>
      <Chips
        options={options.classes.map((c) => ({ value: c.classId, label: c.name }))}
        value={[classId]}
        onChange={(v) => {
          setClassId(v);
          setStudentId('');
        }}
      />
      {withStudent ? (
        <>
          <View className="section-title">学生</View>
          <Chips
            options={(roster.data?.students ?? []).map((s) => ({ value: s.studentId, label: s.name }))}
            value={[studentId]}
            onChange={setStudentId}
          />
          {kind === 'talk' ? (
            <Chips
              options={TalkMode.options.map((t) => ({ value: t, label: talkModeLabel[t] }))}
              value={[mode]}
              onChange={setMode}
            />
          ) : (
            <Chips
              options={['电话', '微信', '面谈', '家访'].map((c) => ({ value: c, label: c }))}
              value={[channel]}
              onChange={setChannel}
            />
          )}
        </>
      ) : (
        <CellGroup>
          <Field name={['title', 'theme', 'course', 'teacherName']} refusal={refusal}>
            <Input
              className="other-title"
              placeholder={
                kind === 'lecture'
                  ? '听课课程'
                  : kind === 'themedActivity'
                    ? '活动主题'
                    : kind === 'teacherContact'
                      ? '任课教师姓名'
                      : '会议主题'
              }
              value={title}
              onChange={setTitle}
            />
          </Field>
          {kind !== 'lecture' && kind !== 'teacherContact' ? (
            <Field name={['attendees', 'participants']} refusal={refusal}>
              <Input className="other-count" type="digit" placeholder="参加人数" value={count} onChange={setCount} />
            </Field>
          ) : null}
        </CellGroup>
      )}
      {kind === 'classMeeting' ? (
        <Chips
          options={[{ value: 'yes', label: '学习方法指导 / 学习经验交流主题' }]}
          value={studyMethods ? ['yes'] : []}
          onChange={() => setStudyMethods(!studyMethods)}
        />
      ) : null}
      <CellGroup>
        {kind !== 'parentContact' && kind !== 'teacherContact' ? (
          <Field name="minutes" refusal={refusal}>
            <Input
              className="other-minutes"
              type="digit"
              placeholder="时长（分钟）"
              value={minutes}
              onChange={setMinutes}
            />
          </Field>
        ) : null}
        <Field name={['summary', 'notes', 'channel']} refusal={refusal}>
          <TextArea
            className="other-summary"
            placeholder={
              kind === 'lecture'
                ? '听课意见'
                : kind === 'talk'
                  ? '谈话内容'
                  : kind === 'parentContact' || kind === 'teacherContact'
                    ? '沟通内容'
                    : '纪要 / 总结（班会须有纪要才计入）'
            }
            maxLength={2000}
            value={summary}
            onChange={setSummary}
          />
        </Field>
      </CellGroup>
      {shortTalk ? (
        <View className="talk-short muted" style={{ padding: '4px 16px' }}>
          面对面交流满 {options.talkMinMinutes} 分钟才计入学业助理的谈话职责；本次 {minutes} 分钟会记录，但不计入。
        </View>
      ) : null}
      {error ? (
        <View className="danger" style={{ padding: '8px 16px' }}>
          {error}
        </View>
      ) : null}
      <View style={{ padding: '12px 16px' }}>
        <Button className="other-submit" type="primary" block loading={busy} disabled={busy} onClick={submit}>
          保存记录
        </Button>
      </View>
    </View>
  );
}
