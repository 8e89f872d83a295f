import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Input, Tag } from '@nutui/nutui-react-taro';
import type { MeetingView } from '../../../../types/api/support';
import { meetingKindLabel, meetingStatusLabel } from '../../../../types/support';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';

function ParentMeeting({ m, onDone }: { m: MeetingView; onDone: () => void }) {
  const [note, setNote] = useState('');
  const { act, fault } = useAction(onDone);
  return (
    <View className="parent-meeting" style={{ background: '#fff', margin: '8px 0', padding: '12px 16px' }}>
      <View>
        {meetingKindLabel[m.kind]}：{m.title} <Tag>{meetingStatusLabel[m.status]}</Tag>
      </View>
      <View className="muted">
        {formatDateTime(m.at)} · {m.place} · 邀请人 {m.actorName}
      </View>
      {m.record ? (
        <View style={{ padding: '8px 0' }}>
          <View className="section-title" style={{ padding: '0 0 4px' }}>
            面谈记录（{m.record.minutes} 分钟）
          </View>
          <View>{m.record.summary}</View>
        </View>
      ) : null}
      {m.parentConfirmation ? <View className="ok">已于 {formatDateTime(m.parentConfirmation.at)} 确认</View> : null}
      {m.canConfirm ? (
        <Button
          type="primary"
          block
          onClick={() => void act(() => call('support', 'confirmParentMeeting', { meetingId: m._id }), '已确认')}
        >
          确认记录属实
        </Button>
      ) : null}
      {m.canRespond ? (
        <>
          <Input placeholder="改期原因或方便的时间（申请改期时填写）" value={note} onChange={setNote} />
          <View style={{ display: 'flex', gap: '12px', marginTop: '8px' }}>
            <Button
              size="small"
              type="primary"
              onClick={() =>
                void act(
                  () => call('support', 'respondMeeting', { meetingId: m._id, answer: 'accept', note }),
                  '已确认参加',
                )
              }
            >
              确认参加
            </Button>
            <Button
              size="small"
              onClick={() =>
                void act(
                  () => call('support', 'respondMeeting', { meetingId: m._id, answer: 'reschedule', note }),
                  '已申请改期',
                )
              }
            >
              申请改期
            </Button>
          </View>
        </>
      ) : null}
      {fault ? <View className="danger">{fault}</View> : null}
    </View>
  );
}

/** Meetings addressed to this parent: accept or ask to reschedule, then confirm the record (rules: 004-4.10). */
export default function ParentMeetings() {
  const { data, error, loading, reload } = useLoad(() => call('support', 'myMeetings', {}), []);
  return (
    <View className="page">
      <View className="page-title">面谈与会谈</View>
      <LoadState loading={loading} error={error} empty={data?.length === 0} />
      {(data ?? []).map((m) => (
        <ParentMeeting key={m._id} m={m} onDone={reload} />
      ))}
    </View>
  );
}
