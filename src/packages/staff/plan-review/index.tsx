import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Tag, TextArea } from '@nutui/nutui-react-taro';
import { planStatusLabel, reviewerRoleLabel, reviewersText } from '../../../../types/support';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { Field } from '../../../components/field';
import { LoadState } from '../../../components/load-state';
import { pageUrl, routeId, useRouteParams } from '../../../services/use-route-params';

function Queue() {
  const { data, error, loading } = useLoad(() => call('support', 'planQueue', {}), []);
  return (
    <View className="page">
      <View className="page-title">学习计划审核</View>
      <LoadState loading={loading} error={error} empty={data?.length === 0} />
      <CellGroup>
        {(data ?? []).map((p) => (
          <Cell
            key={p.planId}
            className="plan-row"
            clickable
            title={
              <View>
                {p.studentName}{' '}
                <Tag type={p.status === 'submitted' ? 'warning' : 'default'}>{planStatusLabel[p.status]}</Tag>
              </View>
            }
            description={`${p.className} · ${p.levelName} · 审核：${p.reviewers}${p.submittedAt ? ` · 提交于 ${formatDateTime(p.submittedAt)}` : ''}`}
            onClick={() =>
              void Taro.navigateTo({ url: pageUrl('/packages/staff/plan-review/index', { planId: p.planId }) })
            }
          />
        ))}
      </CellGroup>
    </View>
  );
}

function Review({ planId }: { planId: string }) {
  const { data, error, loading, reload } = useLoad(() => call('support', 'plan', { planId }), [planId]);
  const [opinion, setOpinion] = useState('');
  const { act, fault, refusal, busy } = useAction(reload);
  const decide = (decision: 'approve' | 'return') =>
    act(
      () => call('support', 'reviewPlan', { planId, decision, opinion }),
      decision === 'approve' ? '已通过' : '已退回',
    );
  return (
    <View className="page">
      <LoadState loading={loading} error={error} />
      {data ? (
        <>
          <View className="page-title">
            {data.studentName}的学习计划 <Tag type="warning">{planStatusLabel[data.status]}</Tag>
          </View>
          <CellGroup>
            <Cell title="警示等级" extra={data.levelName} />
            <Cell title="学期" extra={data.semester} />
            <Cell className="plan-reviewers" title="审核人" extra={reviewersText(data)} />
            {(data.approvals ?? []).map((a) => (
              <Cell
                key={a.role}
                title={`${reviewerRoleLabel[a.role]}已通过（${a.byName}）`}
                description={`${a.opinion} · ${formatDateTime(a.at)}`}
              />
            ))}
            {data.signature ? (
              <Cell title="学生签名" description={`${data.signature.name} · ${formatDateTime(data.signature.at)}`} />
            ) : null}
          </CellGroup>
          <View className="section-title">重修计划（每门未通过课程）</View>
          <CellGroup>
            {data.lines.map((l) => (
              <Cell
                key={l.courseCode}
                className="plan-line"
                title={`${l.courseName}（${l.credits} 学分）`}
                description={l.retakePlan || '（未填写）'}
              />
            ))}
          </CellGroup>
          {data.analysis ? (
            <>
              <View className="section-title">自我分析</View>
              <View style={{ padding: '0 16px' }}>{data.analysis}</View>
            </>
          ) : null}
          {data.goals ? (
            <>
              <View className="section-title">学期目标与安排</View>
              <View style={{ padding: '0 16px' }}>{data.goals}</View>
            </>
          ) : null}
          {data.review ? (
            <>
              <View className="section-title">审核意见</View>
              <Cell
                title={`${data.review.byName}：${data.review.decision === 'approve' ? '通过' : '退回修改'}`}
                description={`${data.review.opinion} · ${formatDateTime(data.review.at)}`}
              />
            </>
          ) : null}
          {data.report ? (
            <>
              <View className="section-title">期末执行情况</View>
              <View style={{ padding: '0 16px' }}>{data.report.text}</View>
            </>
          ) : null}
          {data.canReview ? (
            <View style={{ padding: '12px 16px' }}>
              <View className="section-title" style={{ padding: '0 0 6px' }}>
                帮扶教师意见
              </View>
              <Field name="opinion" refusal={refusal}>
                <TextArea
                  className="review-opinion"
                  placeholder="审核意见"
                  maxLength={500}
                  value={opinion}
                  onChange={setOpinion}
                />
              </Field>
              {fault ? (
                <View className="danger" style={{ padding: '8px 0' }}>
                  {fault}
                </View>
              ) : null}
              <View style={{ display: 'flex', gap: '12px', marginTop: '12px' }}>
                <Button type="primary" disabled={busy} onClick={() => void decide('approve')}>
                  通过
                </Button>
                <Button type="default" disabled={busy} onClick={() => void decide('return')}>
                  退回修改
                </Button>
              </View>
            </View>
          ) : null}
        </>
      ) : null}
    </View>
  );
}

/** Head teacher (years 1–2) or tutor/counselor (year 3+) reviews submitted study plans. */
export default function PlanReviewPage() {
  const planId = useRouteParams({ planId: routeId }).planId;
  return planId ? <Review planId={planId} /> : <Queue />;
}
