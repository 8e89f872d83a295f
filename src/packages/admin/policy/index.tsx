import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Input, TextArea } from '@nutui/nutui-react-taro';
import type { PolicySettingsView } from '../../../../types/api/policies';
import { Chips } from '../../../components/chips';
import { LoadState } from '../../../components/load-state';
import { call } from '../../../services/api';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';
import { messageOf, useAction, useLoad } from '../../../services/use-call';
import { Field } from '../../../components/field';

const card = { margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' };

/**
 * The college's own thresholds of a policy whose seed leaves them open (gxu-ee: the university's
 * numbers are not in the document): the default from the policy file, the college's value, and
 * every change with who, when and why. The next run uses them.
 */
export default function PolicyParameters() {
  const list = useLoad(() => call('policies', 'configurable', {}), []);
  const [policyId, setPolicyId] = useState<string | null>(null);
  const [view, setView] = useState<PolicySettingsView | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const { act, refusal } = useAction(undefined, { toastFault: true });

  useEffect(() => {
    const first = list.data?.[0]?.policyId;
    if (!policyId && first) setPolicyId(first);
  }, [list.data, policyId]);
  useEffect(() => {
    if (!policyId) return;
    call('policies', 'settings', { policyId })
      .then((v) => {
        setView(v);
        setDraft(Object.fromEntries(v.parameters.map((p) => [p.id, String(p.value)])));
      })
      .catch((e: unknown) => Taro.showToast({ title: messageOf(e), icon: 'none' }));
  }, [policyId]);

  const save = async () => {
    if (!view) return;
    const values: Record<string, number> = {};
    for (const p of view.parameters) {
      const n = Number(draft[p.id]);
      if (!Number.isFinite(n)) return Taro.showToast({ title: `${p.label}应为数字`, icon: 'none' });
      values[p.id] = n;
    }
    const { policyId } = view;
    await act(async () => {
      setView(await call('policies', 'save', { policyId, values, reason }));
      setReason('');
    }, '已保存，下次运行生效');
  };

  return (
    <View className="page">
      <View className="page-title">警示政策参数</View>
      <LoadState loading={list.loading} error={list.error} empty={list.data?.length === 0} />
      {list.data && list.data.length > 1 ? (
        <Chips
          options={list.data.map((p) => ({ value: p.policyId, label: p.policyName }))}
          value={policyId ? [policyId] : []}
          onChange={setPolicyId}
        />
      ) : null}
      {view ? (
        <>
          <View className="section-title">{view.policyName}</View>
          <CellGroup>
            {view.parameters.map((p) => (
              // A Cell's children replace its title, so the label is written above the input.
              <Cell key={p.id}>
                <View style={{ width: '100%' }}>
                  <View>{p.label}</View>
                  <View className="muted">
                    默认 {p.default}
                    {p.unit}，可设 {p.min}–{p.max}
                    {p.unit}
                  </View>
                  <Field name={`values.${p.id}`} refusal={refusal}>
                    <Input
                      className={`param-${p.id}`}
                      type="digit"
                      value={draft[p.id] ?? ''}
                      onChange={(v: string) => setDraft({ ...draft, [p.id]: v })}
                    />
                  </Field>
                </View>
              </Cell>
            ))}
          </CellGroup>
          <Field name="reason" refusal={refusal}>
            <TextArea
              className="param-reason"
              placeholder="调整原因（如学校文件文号），记入变更记录"
              value={reason}
              onChange={(v: string) => setReason(v)}
              maxLength={200}
            />
          </Field>
          <View style={{ padding: '12px 16px' }}>
            <Button
              block
              type="primary"
              className="save-params"
              disabled={reason.trim() === ''}
              onClick={() => void save()}
            >
              保存
            </Button>
          </View>
          <View className="section-title">变更记录</View>
          {view.history.map((h) => (
            <View key={h.at} style={card} className="param-change">
              {formatDateTime(h.at)} · {h.byName}：{h.reason}
              {h.changes.map((c) => (
                <View key={c.id} className="muted">
                  {c.label}：{c.before} → {c.after}
                </View>
              ))}
            </View>
          ))}
        </>
      ) : null}
    </View>
  );
}
