import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, SearchBar, Tag, TextArea } from '@nutui/nutui-react-taro';
import { roleLabel } from '../../../../types/domain';
import type { InviteIssued, PersonRow } from '../../../../types/api/roster';
import { Chips } from '../../../components/chips';
import { LoadState } from '../../../components/load-state';
import { call } from '../../../services/api';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';
import { useAction, useLoad } from '../../../services/use-call';
import { Field } from '../../../components/field';

const card = { margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' };
type Duty = 'counselor' | 'headTeacher' | 'assistant';
const dutyLabel: Record<Duty, string> = { counselor: '辅导员', headTeacher: '班主任', assistant: '学业助理' };

/** A change made by hand (转班, 更换班级教师): what, to whom, and the reason kept in the record. */
type Pending =
  | { kind: 'move'; person: PersonRow; classId: string | null }
  | { kind: 'assign'; person: PersonRow; classId: string | null; duty: Duty };

/**
 * The clerk's people: each imported person, whether they have joined in WeChat, a one-time invite
 * code for those who have not (shown once: read it out or send it), and single changes mid-year.
 */
export default function People() {
  const [keyword, setKeyword] = useState('');
  const people = useLoad(() => call('roster', 'people', { keyword }), [keyword]);
  const classes = useLoad(() => call('campus', 'myClasses', {}), []);
  const [issued, setIssued] = useState<InviteIssued | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState('');

  const inviting = useAction(undefined, { toastFault: true });
  const changing = useAction(classes.reload, { toastFault: true });

  const invite = (p: PersonRow) =>
    inviting.act(async () => setIssued(await call('roster', 'createInvite', { userId: p.userId })));

  const confirm = async () => {
    if (!pending?.classId) return;
    const { classId } = pending;
    await changing.act(async () => {
      if (pending.kind === 'move')
        await call('roster', 'moveStudent', { studentId: pending.person.number, classId, reason });
      else
        await call('roster', 'assignClassStaff', {
          classId,
          duty: pending.duty,
          userId: pending.person.userId,
          reason,
        });
      setPending(null);
      setReason('');
    }, '已变更');
  };

  const classOptions = (classes.data ?? []).map((c) => ({
    value: c.classId,
    label: `${c.name}（班主任 ${c.headTeacherName}）`,
  }));
  return (
    <View className="page">
      <View className="page-title">人员与邀请码</View>
      <View className="muted" style={{ padding: '0 16px' }}>
        学生和教职工凭一次性邀请码在微信中加入（7 天内有效，输错 5
        次失效），核对工号或学号与姓名。家长由辅导员发送绑定码。
      </View>
      {issued ? (
        <View style={card} className="invite-issued">
          <View>
            {issued.name}（{issued.number}）的邀请码：
          </View>
          <View
            className="invite-code"
            style={{ fontSize: '24px', fontWeight: 700, letterSpacing: '2px', margin: '8px 0' }}
          >
            {issued.code}
          </View>
          <View className="muted">{formatDateTime(issued.expiresAt)} 前有效，仅显示这一次。请当面或电话告知本人。</View>
        </View>
      ) : null}
      <SearchBar placeholder="搜索姓名、工号或学号" value={keyword} onChange={(v: string) => setKeyword(v.trim())} />
      <LoadState loading={people.loading} error={people.error} empty={people.data?.length === 0} />
      {(people.data ?? []).map((p) => (
        <View key={p.userId} style={card} className={`person person-${p.number}`}>
          <View style={{ display: 'flex', alignItems: 'center', gap: '6px', flexWrap: 'wrap' }}>
            <Text>
              {p.name}（{p.number}）
            </Text>
            {p.joined ? <Tag type="success">已加入</Tag> : <Tag>未加入</Tag>}
            {p.active ? null : <Tag type="danger">已离开</Tag>}
          </View>
          <View className="muted">{p.roles.length > 0 ? p.roles.map((r) => roleLabel[r]).join('、') : p.detail}</View>
          <View style={{ display: 'flex', gap: '8px', marginTop: '6px', flexWrap: 'wrap' }}>
            {!p.joined && p.active ? (
              <Button size="small" type="primary" className="make-invite" onClick={() => void invite(p)}>
                生成邀请码
              </Button>
            ) : null}
            {p.roles.includes('student') ? (
              <Button
                size="small"
                className="move-student"
                onClick={() => setPending({ kind: 'move', person: p, classId: null })}
              >
                转班…
              </Button>
            ) : (
              <Button
                size="small"
                className="assign-class"
                onClick={() => setPending({ kind: 'assign', person: p, classId: null, duty: 'headTeacher' })}
              >
                任命为班级教师…
              </Button>
            )}
          </View>
          {pending?.person.userId === p.userId ? (
            <View className="single-change" style={{ marginTop: '8px' }}>
              {pending.kind === 'assign' ? (
                <Chips
                  options={(['headTeacher', 'counselor', 'assistant'] as const).map((d) => ({
                    value: d,
                    label: dutyLabel[d],
                  }))}
                  value={[pending.duty]}
                  onChange={(duty) => setPending({ ...pending, duty })}
                />
              ) : null}
              <Field name="classId" refusal={changing.refusal}>
                <Chips
                  options={classOptions}
                  value={pending.classId ? [pending.classId] : []}
                  onChange={(classId) => setPending({ ...pending, classId })}
                />
              </Field>
              <Field name="reason" refusal={changing.refusal}>
                <TextArea
                  className="change-reason"
                  placeholder="变更原因（记入变更记录）"
                  value={reason}
                  onChange={(v: string) => setReason(v)}
                  maxLength={200}
                />
              </Field>
              <Button
                size="small"
                type="primary"
                className="confirm-change"
                disabled={!pending.classId || reason.trim() === ''}
                onClick={() => void confirm()}
              >
                确认变更
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
