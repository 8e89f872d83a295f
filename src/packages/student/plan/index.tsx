import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Cell, CellGroup, Input, Tag, TextArea } from '@nutui/nutui-react-taro';
import { planStatusLabel, reviewersText } from '../../../../types/support';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { Field } from '../../../components/field';
import { LoadState } from '../../../components/load-state';

/**
 * 学业警示学生个人学习计划: a retake plan for every course still owed (the list comes from the
 * warning, none may be left out), the student's signature, then the end-of-semester report.
 */
export default function StudentPlan() {
  const { data, error, loading, reload } = useLoad(() => call('support', 'myPlan', {}), []);
  const [retake, setRetake] = useState<Record<string, string>>({});
  const [analysis, setAnalysis] = useState('');
  const [goals, setGoals] = useState('');
  const [signature, setSignature] = useState('');
  const [report, setReport] = useState('');
  const { act: run, fault, refusal, busy } = useAction(reload);

  useEffect(() => {
    const plan = data?.plan;
    if (!plan) return;
    setRetake(Object.fromEntries(plan.lines.map((l) => [l.courseCode, l.retakePlan])));
    setAnalysis(plan.analysis);
    setGoals(plan.goals);
    setReport(plan.report?.text ?? '');
  }, [data]);

  const warning = data?.warning;
  const plan = data?.plan ?? null;
  const editable = !plan || plan.status === 'draft' || plan.status === 'returned';
  const save = () =>
    call('support', 'savePlan', {
      warningId: warning?.id ?? '',
      analysis,
      goals,
      lines: (warning?.failedCourses ?? []).map((c) => ({ courseCode: c.code, retakePlan: retake[c.code] ?? '' })),
    });
  const missing = (warning?.failedCourses ?? []).filter((c) => (retake[c.code] ?? '').trim() === '');

  return (
    <View className="page">
      <LoadState loading={loading} error={error} empty={!loading && !error && !warning} />
      {warning ? (
        <>
          <View className="page-title">
            个人学习计划{' '}
            {plan ? (
              <Tag type={plan.status === 'approved' ? 'success' : 'warning'}>{planStatusLabel[plan.status]}</Tag>
            ) : null}
          </View>
          <CellGroup>
            <Cell title="警示等级" extra={warning.levelName} />
            <Cell title="学期" extra={warning.semester} />
            {plan ? <Cell className="plan-reviewers" title="审核人" extra={reviewersText(plan)} /> : null}
          </CellGroup>
          {plan?.review ? (
            <CellGroup>
              <Cell
                title={`审核意见（${plan.review.byName}）`}
                description={`${plan.review.opinion} · ${formatDateTime(plan.review.at)}`}
              />
            </CellGroup>
          ) : null}
          <View className="section-title">每门未通过课程的重修计划（须具体）</View>
          <Field name="lines" refusal={refusal}>
            {warning.failedCourses.map((c) => (
              <View key={c.code} style={{ background: '#fff', marginBottom: '8px' }}>
                <View style={{ padding: '8px 16px 0' }}>
                  {c.name}（{c.code}，{c.credits} 学分）
                </View>
                <TextArea
                  className={`retake-${c.code}`}
                  disabled={!editable}
                  placeholder="何时重修、怎样复习、找谁答疑"
                  maxLength={500}
                  value={retake[c.code] ?? ''}
                  onChange={(v) => setRetake((r) => ({ ...r, [c.code]: v }))}
                />
              </View>
            ))}
          </Field>
          <View className="section-title">自我分析（可选）</View>
          <Field name="analysis" refusal={refusal}>
            <TextArea
              className="plan-analysis"
              disabled={!editable}
              maxLength={1000}
              value={analysis}
              onChange={setAnalysis}
            />
          </Field>
          <View className="section-title">学期目标与安排（可选）</View>
          <Field name="goals" refusal={refusal}>
            <TextArea className="plan-goals" disabled={!editable} maxLength={1000} value={goals} onChange={setGoals} />
          </Field>

          <View style={{ padding: '12px 16px' }}>
            {fault ? (
              <View className="danger" style={{ paddingBottom: '8px' }}>
                {fault}
              </View>
            ) : null}
            {editable ? (
              <>
                <Button block disabled={busy} onClick={() => void run(save, '已保存')}>
                  保存草稿
                </Button>
                <View className="section-title" style={{ padding: '12px 0 6px' }}>
                  学生签名（输入本人姓名）
                </View>
                <Field name="signature" refusal={refusal}>
                  <Input className="plan-signature" placeholder="本人姓名" value={signature} onChange={setSignature} />
                </Field>
                {missing.length > 0 ? (
                  <View className="muted" style={{ paddingTop: '6px' }}>
                    尚缺：{missing.map((c) => c.name).join('、')}
                  </View>
                ) : null}
                <Button
                  type="primary"
                  block
                  style={{ marginTop: '12px' }}
                  disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      const saved = await save();
                      await call('support', 'submitPlan', { planId: saved._id, signature });
                    }, '已提交')
                  }
                >
                  签名并提交
                </Button>
              </>
            ) : null}
            {plan?.status === 'approved' ? (
              <>
                <View className="section-title" style={{ padding: '12px 0 6px' }}>
                  期末执行情况{plan.report ? `（${formatDateTime(plan.report.at)} 已提交）` : ''}
                </View>
                <Field name="report" refusal={refusal}>
                  <TextArea className="plan-report" maxLength={2000} value={report} onChange={setReport} />
                </Field>
                <Button
                  type="primary"
                  block
                  style={{ marginTop: '12px' }}
                  disabled={busy}
                  onClick={() => void run(() => call('support', 'reportPlan', { planId: plan._id, report }), '已提交')}
                >
                  提交执行情况
                </Button>
              </>
            ) : null}
          </View>
        </>
      ) : null}
    </View>
  );
}
