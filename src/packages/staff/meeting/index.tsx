import { useState } from 'react';
import { Picker, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Input, Tag, TextArea } from '@nutui/nutui-react-taro';
import type { MeetingView } from '../../../../types/api/support';
import { meetingKindLabel, meetingStatusLabel, type MeetingKind } from '../../../../types/support';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { Field } from '../../../components/field';
import { LoadState } from '../../../components/load-state';
import { ChoiceChips, labelled } from '../../../components/chips';
import { formatDateTime, parseDateTime } from '../../../../cloudfunctions/core/time/shanghai';
import { pageUrl, routeId, useRouteParams } from '../../../services/use-route-params';

const reminderOptions = [
  { value: '1440', label: '提前 1 天' },
  { value: '120', label: '提前 2 小时' },
  { value: '30', label: '提前 30 分钟' },
];

/** A date and a time picked, never typed: "2026-11-25 14:00" as wall time in Shanghai. */
function WhenPicker({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) {
  const [date = '', time = ''] = value.split(' ');
  return (
    <Cell className="meeting-when" title={label}>
      <Picker mode="date" value={date} onChange={(e) => onChange(`${String(e.detail.value)} ${time}`)}>
        <View className="meeting-date chip">{date || '选择日期'}</View>
      </Picker>
      <Picker mode="time" value={time} onChange={(e) => onChange(`${date} ${String(e.detail.value)}`)}>
        <View className="meeting-time chip" style={{ marginLeft: '8px' }}>
          {time || '选择时间'}
        </View>
      </Picker>
    </Cell>
  );
}

/** Whom a meeting invites, by name (older records without names: how many). */
function inviteesText(m: MeetingView): string {
  const names = m.studentNames ?? [];
  if (m.kind === 'parentMeeting')
    return `${names[0] ?? '学生'}的家长${m.parentUnbound ? '（未绑定微信，记录不经家长确认）' : ''}`;
  return names.length > 0 ? names.join('、') : `${m.inviteeIds.length} 人`;
}

function ScheduleForm({ classId, studentId, onDone }: { classId: string; studentId?: string; onDone: () => void }) {
  const [kind, setKind] = useState<MeetingKind>(studentId ? 'talk' : 'classMeeting');
  const [title, setTitle] = useState(studentId ? '学业帮扶约谈' : '学习方法主题班会');
  const [when, setWhen] = useState(formatDateTime(Date.now() + 24 * 60 * 60_000));
  const [place, setPlace] = useState('');
  const [remind, setRemind] = useState('1440');
  const scheduling = useAction(onDone);
  const kinds: MeetingKind[] = studentId
    ? ['talk', 'parentMeeting', 'collectiveTalk']
    : ['classMeeting', 'collectiveTalk'];
  // A 座谈会 invites the students picked: from the class roster, or from a case the class's warned students.
  const picking = kind === 'collectiveTalk';
  const roster = useLoad(
    async () =>
      !picking
        ? null
        : studentId
          ? (await call('warnings', 'list', { classId }))
              .filter((w) => w.status === 'active')
              .map((w) => ({ studentId: w.studentId, name: w.studentName }))
          : (await call('campus', 'classStudents', { classId })).students,
    [classId, picking, studentId],
  );
  const [invited, setInvited] = useState<string[]>(studentId ? [studentId] : []);
  const submit = () =>
    scheduling.act(async () => {
      const startAt = parseDateTime(when);
      if (!startAt) throw new Error('请选择日期和时间');
      if (picking && invited.length === 0) throw new Error('座谈会请至少选择一名学生');
      await call('support', 'scheduleMeeting', {
        kind,
        title,
        classId,
        studentIds: picking ? invited : studentId ? [studentId] : [],
        startAt,
        place,
        remindBeforeMinutes: Number(remind),
        topics: kind === 'classMeeting' ? ['studyMethods'] : [],
      });
    }, '已安排，双方将收到提醒');
  const { fault, refusal } = scheduling;
  return (
    <View style={{ background: '#fff', paddingBottom: '12px' }}>
      <ChoiceChips options={labelled(meetingKindLabel, kinds)} value={[kind]} onChange={([v]) => v && setKind(v)} />
      {picking ? (
        <View className="meeting-invitees">
          <View className="section-title">邀请学生（已选 {invited.length} 人）</View>
          <LoadState loading={roster.loading} error={roster.error} empty={roster.data?.length === 0} />
          <ChoiceChips
            multiple
            options={(roster.data ?? []).map((st) => ({ value: st.studentId, label: st.name }))}
            value={invited}
            onChange={setInvited}
          />
        </View>
      ) : null}
      <CellGroup>
        <Field name="title" refusal={refusal}>
          <Cell className="meeting-title" title="主题">
            <Input placeholder="主题" value={title} onChange={setTitle} />
          </Cell>
        </Field>
        <Field name="startAt" refusal={refusal}>
          <WhenPicker label="时间" value={when} onChange={setWhen} />
        </Field>
        <Field name="place" refusal={refusal}>
          <Cell title="地点">
            <Input className="meeting-place" placeholder="地点" value={place} onChange={setPlace} />
          </Cell>
        </Field>
      </CellGroup>
      <View className="section-title">提醒</View>
      <ChoiceChips options={reminderOptions} value={[remind]} onChange={([v]) => v && setRemind(v)} />
      {fault ? (
        <View className="danger" style={{ padding: '0 16px' }}>
          {fault}
        </View>
      ) : null}
      <View style={{ padding: '0 16px' }}>
        <Button type="primary" block onClick={() => void submit()}>
          安排并提醒
        </Button>
      </View>
    </View>
  );
}

function MeetingRow({ m, onDone }: { m: MeetingView; onDone: () => void }) {
  const [summary, setSummary] = useState('');
  const [minutes, setMinutes] = useState(String(m.plannedMinutes));
  const [when, setWhen] = useState('');
  const { act, fault } = useAction(onDone);
  return (
    <View className="meeting-card" style={{ background: '#fff', margin: '8px 0', padding: '10px 16px' }}>
      <View>
        {meetingKindLabel[m.kind]}：{m.title} <Tag>{meetingStatusLabel[m.status]}</Tag>
      </View>
      <View className="muted">
        {formatDateTime(m.at)} · {m.place} · 邀请 {inviteesText(m)} · {m.actorName}
      </View>
      {m.responses.map((r) => (
        <View key={r.userId} className="muted">
          {r.name}：
          {r.answer === 'accept'
            ? '确认参加'
            : `申请改期${r.proposedAt ? `（希望 ${formatDateTime(r.proposedAt)}）` : ''} ${r.note}`}
        </View>
      ))}
      {m.record ? <View style={{ paddingTop: '4px' }}>纪要：{m.record.summary}</View> : null}
      {m.record && (m.kind === 'collectiveTalk' || m.kind === 'parentMeeting' || m.kind === 'classMeeting') ? (
        <Button
          size="small"
          onClick={() =>
            void Taro.navigateTo({
              url: pageUrl('/packages/documents/print/index', { form: 'meeting', meetingId: m._id }),
            })
          }
        >
          {m.kind === 'parentMeeting' ? '打印面谈记录' : '打印纪要'}
        </Button>
      ) : null}
      {m.isOrganizer && m.status === 'scheduled' ? (
        <>
          {m.kind === 'talk' && m.studentIds[0] ? (
            <Button
              size="small"
              type="primary"
              onClick={() =>
                void Taro.navigateTo({
                  url: pageUrl('/packages/staff/talk/index', { studentId: m.studentIds[0] ?? '', meetingId: m._id }),
                })
              }
            >
              填写谈话记录
            </Button>
          ) : (
            <>
              <TextArea
                placeholder={
                  m.kind === 'parentMeeting' ? '面谈记录（时间、地点、谈话内容），家长将在微信上确认' : '会议纪要'
                }
                maxLength={3000}
                value={summary}
                onChange={setSummary}
              />
              <Input placeholder="实际时长（分钟）" type="number" value={minutes} onChange={setMinutes} />
              <Button
                size="small"
                type="primary"
                onClick={() =>
                  void act(
                    () =>
                      call('support', 'recordMeeting', {
                        meetingId: m._id,
                        summary,
                        minutes: Number(minutes),
                        presentIds: m.studentIds.length <= 5 ? m.studentIds : [],
                      }),
                    '已记录',
                  )
                }
              >
                保存记录
              </Button>
            </>
          )}
          <WhenPicker label="改到" value={when || formatDateTime(m.at)} onChange={setWhen} />
          <View style={{ display: 'flex', gap: '8px' }}>
            <Button
              size="small"
              onClick={() =>
                void act(async () => {
                  const startAt = parseDateTime(when);
                  if (!startAt) throw new Error('请选择新的日期和时间');
                  await call('support', 'rescheduleMeeting', { meetingId: m._id, startAt });
                }, '已改期并重新提醒')
              }
            >
              改期
            </Button>
            <Button
              size="small"
              type="danger"
              onClick={() => void act(() => call('support', 'cancelMeeting', { meetingId: m._id }), '已取消')}
            >
              取消
            </Button>
          </View>
        </>
      ) : null}
      {fault ? <View className="danger">{fault}</View> : null}
    </View>
  );
}

/** Schedule talks, collective talks (座谈会), class meetings and parent meetings; both sides get a reminder. */
export default function MeetingsPage() {
  const params = useRouteParams({ classId: routeId, studentId: routeId });
  const { data, error, loading, reload } = useLoad(() => call('support', 'meetings', {}), []);
  const classes = useLoad(
    () => (params.classId ? Promise.resolve([]) : call('campus', 'myClasses', {})),
    [params.classId],
  );
  const [picked, setPicked] = useState<string | null>(null);
  const classId = params.classId ?? picked;
  const [open, setOpen] = useState(Boolean(params.classId));
  const mine = (data ?? []).filter((m) => !params.studentId || m.studentIds.includes(params.studentId));
  return (
    <View className="page">
      <View className="page-title">约谈与会议</View>
      {!params.classId && (classes.data ?? []).length > 0 ? (
        <>
          <View className="section-title">安排班会或座谈会：选择班级</View>
          <ChoiceChips
            options={(classes.data ?? []).map((c) => ({ value: c.classId, label: c.name }))}
            value={picked ? [picked] : []}
            onChange={([v]) => {
              setPicked(v ?? null);
              setOpen(true);
            }}
          />
        </>
      ) : null}
      {classId ? (
        open ? (
          <ScheduleForm
            key={classId}
            classId={classId}
            studentId={params.studentId}
            onDone={() => {
              setOpen(false);
              reload();
            }}
          />
        ) : (
          <View style={{ padding: '0 16px' }}>
            <Button block onClick={() => setOpen(true)}>
              再安排一次
            </Button>
          </View>
        )
      ) : null}
      <LoadState loading={loading} error={error} empty={mine.length === 0} />
      {mine.map((m) => (
        <MeetingRow key={m._id} m={m} onDone={reload} />
      ))}
    </View>
  );
}
