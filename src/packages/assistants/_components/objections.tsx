import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { CallView } from '../../../../types/api/assistants';
import { call } from '../../../services/api';
import { newClientId } from '../../../services/client-id';
import { ChoiceChips } from '../../../components/chips';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';
import type { Action } from '../../../services/use-call';
import { Box } from './box';

/** Objections received during a publicity: recorded against a listed person, each answered (rules: 000-6.1.3, 000-6.1.4). */
export function Objections({
  view,
  stage,
  act,
  mine,
}: {
  view: CallView;
  stage: 'college' | 'school';
  act: Action['act'];
  mine: boolean;
}) {
  const [about, setAbout] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [replies, setReplies] = useState<Record<string, string>>({});
  const [clientId, setClientId] = useState(newClientId);
  const open = mine && view.stage === (stage === 'college' ? 'collegePublicity' : 'schoolPublicity');
  const listed = view.applications.filter((a) => a.selected);
  const rows = view.objections.filter((o) => o.stage === stage);
  const record = () =>
    act(async () => {
      await call('assistants', 'recordObjection', {
        callId: view.callId,
        clientId,
        text,
        ...(about[0] ? { applicationId: about[0] } : {}),
      });
      setText('');
      setAbout([]);
      setClientId(newClientId());
    }, '异议已登记');
  const answer = (objectionId: string, upheld: boolean) =>
    act(
      () =>
        call('assistants', 'answerObjection', {
          callId: view.callId,
          objectionId,
          reply: replies[objectionId] ?? '',
          upheld,
        }),
      '已答复',
    );
  return (
    <View>
      {rows.map((o) => (
        <Box key={o.id} className="objection-row">
          <View style={{ fontWeight: 600 }}>异议{o.applicantName ? `（涉及 ${o.applicantName}）` : ''}</View>
          <View>{o.text}</View>
          <View className="muted">
            {o.recordedByName} 登记于 {formatDateTime(o.recordedAt)}
          </View>
          {o.answer ? (
            <View style={{ marginTop: '4px' }}>
              答复（{o.answer.upheld ? '异议成立，已移出名单' : '异议不成立'}）：{o.answer.reply} · {o.answer.byName}
            </View>
          ) : !mine ? (
            <View className="muted">待答复</View>
          ) : (
            <View style={{ marginTop: '6px' }}>
              <TextArea
                className="field-objection-reply"
                placeholder="核实情况与答复"
                value={replies[o.id] ?? ''}
                onChange={(v) => setReplies({ ...replies, [o.id]: v })}
                maxLength={500}
              />
              <View style={{ display: 'flex', gap: '8px', marginTop: '6px' }}>
                <Button
                  size="small"
                  type="primary"
                  disabled={(replies[o.id] ?? '').trim() === ''}
                  onClick={() => void answer(o.id, false)}
                >
                  异议不成立
                </Button>
                <Button
                  size="small"
                  type="danger"
                  disabled={(replies[o.id] ?? '').trim() === ''}
                  onClick={() => void answer(o.id, true)}
                >
                  异议成立
                </Button>
              </View>
            </View>
          )}
        </Box>
      ))}
      {open ? (
        <Box className="record-objection">
          <View style={{ fontWeight: 600 }}>登记公示期收到的异议</View>
          <ChoiceChips
            options={listed.map((a) => ({ value: a.applicationId, label: a.name }))}
            value={about}
            onChange={setAbout}
          />
          <TextArea
            className="field-objection"
            placeholder="异议内容（来源、所反映的情况）"
            value={text}
            onChange={setText}
            maxLength={500}
          />
          <Button size="small" style={{ marginTop: '6px' }} disabled={text.trim() === ''} onClick={() => void record()}>
            登记异议
          </Button>
        </Box>
      ) : null}
    </View>
  );
}

export function Steps({ view }: { view: CallView }) {
  return (
    <Box className="call-steps">
      <View style={{ fontWeight: 600 }}>办理进度</View>
      {view.steps.map((s, i) => (
        <View key={`${s.label}-${i}`} className="muted">
          {formatDateTime(s.at)} · {s.label} · {s.byName}（{s.roleLabel}）{s.note ? ` · ${s.note}` : ''}
        </View>
      ))}
    </Box>
  );
}
