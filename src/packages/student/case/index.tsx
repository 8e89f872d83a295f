import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Input, Tag } from '@nutui/nutui-react-taro';
import type { MeetingView } from '../../../../types/api/support';
import { meetingKindLabel, meetingStatusLabel, planStatusLabel } from '../../../../types/support';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { Field } from '../../../components/field';
import { LoadState } from '../../../components/load-state';

function MeetingCard({ m, userId, onDone }: { m: MeetingView; userId: string; onDone: () => void }) {
  const [note, setNote] = useState('');
  const { act, fault, refusal } = useAction(onDone);
  // The caller's own answer, never a classmate's (the server sends only ours; this holds either way).
  const mine = m.responses.find((r) => r.userId === userId);
  const answer = (value: 'accept' | 'reschedule') =>
    act(
      () => call('support', 'respondMeeting', { meetingId: m._id, answer: value, note }),
      value === 'accept' ? '已确认参加' : '已申请改期',
    );
  return (
    <View className="meeting-card" style={{ background: '#fff', marginBottom: '8px', padding: '8px 16px' }}>
      <View>
        {meetingKindLabel[m.kind]}：{m.title} <Tag>{meetingStatusLabel[m.status]}</Tag>
      </View>
      <View className="muted">
        {formatDateTime(m.at)} · {m.place} · {m.actorName}
      </View>
      {mine ? (
        <View className="muted meeting-my-reply">
          我的回复：{mine.answer === 'accept' ? '确认参加' : `申请改期 ${mine.note}`}
        </View>
      ) : null}
      {m.canRespond ? (
        <>
          <Field name="note" refusal={refusal}>
            <Input placeholder="改期原因或希望的时间（申请改期时填写）" value={note} onChange={setNote} />
          </Field>
          <View style={{ display: 'flex', gap: '12px', marginTop: '8px' }}>
            <Button size="small" type="primary" onClick={() => void answer('accept')}>
              确认参加
            </Button>
            <Button size="small" onClick={() => void answer('reschedule')}>
              申请改期
            </Button>
          </View>
        </>
      ) : null}
      {fault ? <View className="danger">{fault}</View> : null}
    </View>
  );
}

/** The student's own case in a student-appropriate form: no teachers' notes, no duty lines. */
export default function StudentCase() {
  const me = useLoad(() => call('identity', 'me', {}), []);
  const studentId = me.data?.student?.studentId ?? '';
  const view = useLoad(
    () => (studentId ? call('support', 'caseView', { studentId }) : Promise.resolve(null)),
    [studentId],
  );
  const meetings = useLoad(() => call('support', 'myMeetings', {}), []);
  const v = view.data;
  return (
    <View className="page">
      <LoadState loading={me.loading || view.loading} error={me.error ?? view.error} />
      {v ? (
        <>
          <View className="page-title">我的学业帮扶</View>
          {v.warning ? (
            <CellGroup>
              <Cell
                title={`${v.warning.levelName}（${v.warning.semester}）`}
                description={v.warning.explanation.join('；')}
              />
              <Cell
                title="学习计划"
                extra={v.plan ? planStatusLabel[v.plan.status] : '未填写'}
                clickable
                onClick={() => void Taro.navigateTo({ url: '/packages/student/plan/index' })}
              />
              {v.difficulty ? <Cell title="学习困难类型" extra={v.difficulty.label} /> : null}
            </CellGroup>
          ) : (
            <View className="muted" style={{ padding: '0 16px' }}>
              你目前没有学业警示
            </View>
          )}
          {v.next.length > 0 ? (
            <>
              <View className="section-title">接下来</View>
              <CellGroup>
                {v.next.map((n) => (
                  <Cell key={n} title={n} />
                ))}
              </CellGroup>
            </>
          ) : null}
          <View className="section-title">约谈与会议</View>
          {(meetings.data ?? []).map((m) => (
            <MeetingCard key={m._id} m={m} userId={me.data?.userId ?? ''} onDone={meetings.reload} />
          ))}
          {meetings.data?.length === 0 ? (
            <View className="muted" style={{ padding: '0 16px' }}>
              暂无
            </View>
          ) : null}
          {v.timeline.some((e) => e.kind === 'pairing') ? (
            <>
              <View className="section-title">我参与的朋辈帮扶</View>
              <CellGroup>
                {v.timeline
                  .filter((e) => e.kind === 'pairing')
                  .map((e) => (
                    <Cell key={`pairing-${e.refId}`} className="my-pairing" title={e.title} description={e.detail} />
                  ))}
              </CellGroup>
            </>
          ) : null}
          <View className="section-title">帮扶记录</View>
          <CellGroup>
            {v.timeline.map((e, i) => (
              <Cell
                key={`${e.refId}-${i}`}
                title={e.title}
                description={`${formatDateTime(e.at)}${e.detail ? ` · ${e.detail}` : ''}`}
              />
            ))}
          </CellGroup>
        </>
      ) : null}
    </View>
  );
}
