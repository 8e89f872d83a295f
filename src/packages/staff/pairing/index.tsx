import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input, Tag, TextArea } from '@nutui/nutui-react-taro';
import type { PairingView } from '../../../../types/api/support';
import type { Role } from '../../../../types/domain';
import {
  difficultyLabel,
  pairingStageLabel,
  pairingStatusLabel,
  type DifficultyType,
  type PairingStage,
  type PairingStatus,
} from '../../../../types/support';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { Field } from '../../../components/field';
import { LoadState } from '../../../components/load-state';
import { ChoiceChips, labelled } from '../../../components/chips';
import { routeId, useRouteParams } from '../../../services/use-route-params';

/** The stage a pairing waits for (the server's chain in core/support/pairing-chain.ts decides). */
const pendingStage = (status: PairingStatus): PairingStage | null =>
  status === 'applied'
    ? 'class'
    : status === 'classApproved'
      ? 'college'
      : status === 'collegeApproved'
        ? 'school'
        : null;

/** Which approval stage each role gives (the server checks it again). */
const stageRole = { class: 'headTeacher', college: 'leader', school: 'studentAffairs' } as const satisfies Record<
  string,
  Role
>;
const approveAction = {
  class: 'approvePairingClass',
  college: 'approvePairingCollege',
  school: 'approvePairingSchool',
} as const;

function ApplyForm({ helpeeId, onDone }: { helpeeId: string; onDone: () => void }) {
  const [helperId, setHelperId] = useState('');
  const [difficulty, setDifficulty] = useState<DifficultyType>('ability');
  const [reason, setReason] = useState('');
  const [plan, setPlan] = useState('');
  const [bankAccount, setBankAccount] = useState('');
  const { act, fault, refusal } = useAction(onDone);
  // The paper form takes up to five helpees: the class's other warned students can join this one.
  const warned = useLoad(() => call('warnings', 'list', {}), []);
  const classId = (warned.data ?? []).find((w) => w.studentId === helpeeId)?.classId;
  const classmates = (warned.data ?? []).filter((w) => w.status === 'active' && w.classId === classId);
  const [helpeeIds, setHelpeeIds] = useState<string[]>([helpeeId]);
  const submit = () =>
    act(async () => {
      if (helpeeIds.length > 5) throw new Error('被帮扶人最多 5 名');
      await call('support', 'applyPairing', { helperId, helpeeIds, difficulty, reason, plan, bankAccount });
    }, '已提交班级评议');
  return (
    <View style={{ background: '#fff', paddingBottom: '12px' }}>
      <View className="section-title">朋辈帮扶申请 · 被帮扶人（已选 {helpeeIds.length} 人，最多 5 人）</View>
      <ChoiceChips
        multiple
        options={(classmates.length > 0 ? classmates : [{ studentId: helpeeId, studentName: '该生' }]).map((w) => ({
          value: w.studentId,
          label: w.studentName,
        }))}
        value={helpeeIds}
        onChange={(ids) => setHelpeeIds(ids.includes(helpeeId) ? ids : [helpeeId, ...ids])}
      />
      <Field name="helperId" refusal={refusal}>
        <Input placeholder="帮扶人学号" value={helperId} onChange={setHelperId} />
      </Field>
      <ChoiceChips
        options={labelled(difficultyLabel, ['temporary', 'ability', 'motivation', 'holistic', 'adaptation'])}
        value={[difficulty]}
        onChange={([v]) => v && setDifficulty(v)}
      />
      <Field name="reason" refusal={refusal}>
        <TextArea placeholder="学业困难原因" maxLength={300} value={reason} onChange={setReason} />
      </Field>
      <Field name="plan" refusal={refusal}>
        <TextArea placeholder="帮扶计划" maxLength={1000} value={plan} onChange={setPlan} />
      </Field>
      <Field name="bankAccount" refusal={refusal}>
        <Input
          placeholder="帮扶人中国银行账号（加密保存）"
          type="digit"
          value={bankAccount}
          onChange={setBankAccount}
        />
      </Field>
      {fault ? (
        <View className="danger" style={{ padding: '0 16px' }}>
          {fault}
        </View>
      ) : null}
      <View style={{ padding: '0 16px' }}>
        <Button type="primary" block onClick={() => void submit()}>
          提交申请
        </Button>
      </View>
    </View>
  );
}

function PairingCard({ p, roles, onDone }: { p: PairingView; roles: Role[]; onDone: () => void }) {
  const [opinion, setOpinion] = useState('');
  const { act, fault, refusal: opinionRefusal } = useAction(onDone);
  const stage = pendingStage(p.status);
  const mayApprove = stage !== null && roles.includes(stageRole[stage]);
  const decide = async (decision: 'approve' | 'reject') => {
    if (!stage) return;
    await act(() => call('support', approveAction[stage], { pairingId: p._id, decision, opinion }), '已审核');
  };
  return (
    <View className="pairing-card" style={{ background: '#fff', margin: '8px 0', padding: '10px 16px' }}>
      <View>
        {p.helperName} → {p.helpeeNames.join('、')}{' '}
        <Tag type={p.status === 'approved' ? 'success' : p.status === 'rejected' ? 'danger' : 'warning'}>
          {pairingStatusLabel[p.status]}
        </Tag>
      </View>
      <View className="muted">
        {difficultyLabel[p.difficulty]} · {p.reason}
      </View>
      <View style={{ padding: '4px 0' }}>帮扶计划：{p.plan}</View>
      <View className="muted">
        {p.bankName}账号：{p.bankAccount}
      </View>
      {p.approvals.map((a) => (
        <View key={a.stage} className="muted">
          {pairingStageLabel[a.stage]}：{a.decision === 'approve' ? '同意' : '不同意'}，{a.opinion}（{a.byName}{' '}
          {formatDateTime(a.at)}）
        </View>
      ))}
      {mayApprove && stage ? (
        <>
          <Field name="opinion" refusal={opinionRefusal}>
            <TextArea
              placeholder={`${pairingStageLabel[stage]}意见`}
              maxLength={300}
              value={opinion}
              onChange={setOpinion}
            />
          </Field>
          <View style={{ display: 'flex', gap: '8px' }}>
            <Button size="small" type="primary" onClick={() => void decide('approve')}>
              同意
            </Button>
            <Button size="small" onClick={() => void decide('reject')}>
              不同意
            </Button>
          </View>
        </>
      ) : null}
      <Button
        size="small"
        onClick={() =>
          void Taro.navigateTo({
            url: `/packages/documents/print/index?form=pairing&pairingId=${encodeURIComponent(p._id)}`,
          })
        }
      >
        打印申请表
      </Button>
      {fault ? <View className="danger">{fault}</View> : null}
    </View>
  );
}

/** 朋辈帮扶申请表: apply for a student, then class → college → school approvals in order. */
export default function PairingPage() {
  const studentId = useRouteParams({ studentId: routeId }).studentId;
  const me = useLoad(() => call('identity', 'me', {}), []);
  const { data, error, loading, reload } = useLoad(() => call('support', 'pairings', {}), []);
  const shown = (data ?? []).filter((p) => !studentId || p.helpeeIds.includes(studentId));
  return (
    <View className="page">
      <View className="page-title">朋辈帮扶</View>
      {studentId ? <ApplyForm helpeeId={studentId} onDone={reload} /> : null}
      <LoadState loading={loading || me.loading} error={error ?? me.error} empty={shown.length === 0} />
      {shown.map((p) => (
        <PairingCard key={p._id} p={p} roles={me.data?.roles ?? []} onDone={reload} />
      ))}
    </View>
  );
}
