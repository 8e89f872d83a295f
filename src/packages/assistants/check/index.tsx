import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Checkbox, Input, Tag } from '@nutui/nutui-react-taro';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { routeId, useRouteParams } from '../../../services/use-route-params';
import { LoadState } from '../../../components/load-state';
import { Box } from '../_components/box';

type Answer = { ok: boolean; note: string };

/**
 * The selection group's check of one applicant (rules: 000-1, 000-4, 000-7.1): what the data decides
 * (enrolment, counselor post, transcript) is shown; the rest the group ticks with a note.
 */
export default function Check() {
  const { applicationId } = useRouteParams({ applicationId: routeId });
  const callId = applicationId?.replace(/^app:/, '').replace(/:[^:]+$/, '') ?? '';
  const view = useLoad(() => (callId ? call('assistants', 'call', { callId }) : Promise.resolve(null)), [callId]);
  const app = view.data?.applications.find((a) => a.applicationId === applicationId) ?? null;
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const { act, fault } = useAction();
  useEffect(() => {
    if (app && app.judged.length > 0)
      setAnswers(Object.fromEntries(app.judged.map((j) => [j.item, { ok: j.ok, note: j.note }])));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the saved answers are read once per applicant, not again on each reload of the call
  }, [app?.applicationId]);
  const set = (item: string, patch: Partial<Answer>) =>
    setAnswers({ ...answers, [item]: { ok: answers[item]?.ok ?? false, note: answers[item]?.note ?? '', ...patch } });
  const save = async () => {
    if (!app || !view.data) return;
    const { judgedItems } = view.data;
    const { applicationId: id } = app;
    await act(async () => {
      const judged = judgedItems.map((i) => ({
        item: i.id,
        ok: answers[i.id]?.ok ?? false,
        note: answers[i.id]?.note ?? '',
      }));
      const result = await call('assistants', 'checkEligibility', { applicationId: id, judged });
      void Taro.showToast({ title: result.statusLabel, icon: 'none' });
      void Taro.navigateBack();
    });
  };
  return (
    <View className="page">
      <LoadState loading={view.loading && !view.data} error={view.error} />
      {app && view.data ? (
        <>
          <View className="page-title">资格审核 · {app.name}</View>
          <Box>
            <View>
              {app.degreeLabel} · {app.major} · 学号 {app.graduateId}
            </View>
            <View className="muted">
              {app.form.gender} · {app.form.politicalStatus} · 电话 {app.form.phone}
              {app.form.financialNeed ? ' · 家庭经济困难' : ''}
            </View>
            <View style={{ marginTop: '4px' }}>主要经历与表现：{app.form.experience}</View>
            <View>申请理由：{app.form.reason}</View>
          </Box>
          <View className="section-title">按数据核查</View>
          {app.checks.map((c) => (
            <Box key={c.item} className={`data-check data-check-${c.ok ? 'ok' : 'fail'}`}>
              <View style={{ display: 'flex', justifyContent: 'space-between' }}>
                <Text>{c.label}</Text>
                <Tag type={c.ok ? 'success' : 'danger'}>{c.ok ? '符合' : '不符合'}</Tag>
              </View>
              <View className="muted">{c.note}</View>
            </Box>
          ))}
          <View className="section-title">选拔小组认定（逐项勾选并说明）</View>
          {view.data.judgedItems.map((i) => (
            <Box key={i.id} className="judged-item">
              <Checkbox
                checked={answers[i.id]?.ok ?? false}
                label={`${i.label}${i.required ? '' : '（优先条件）'}`}
                onChange={(ok) => set(i.id, { ok })}
              />
              <Input
                className={`field-note-${i.id}`}
                placeholder="说明（选填）"
                value={answers[i.id]?.note ?? ''}
                onChange={(note) => set(i.id, { note })}
              />
            </Box>
          ))}
          {fault ? (
            <View className="form-error" style={{ color: '#d93025', padding: '0 16px' }}>
              {fault}
            </View>
          ) : null}
          <View style={{ padding: '16px' }}>
            <Button block type="primary" onClick={() => void save()}>
              保存审核结果
            </Button>
          </View>
        </>
      ) : null}
    </View>
  );
}
