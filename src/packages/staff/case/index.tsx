import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import type { CaseView, CaseloadRow, DutyLine, TimelineEntry } from '../../../../types/api/support';
import { planStatusLabel } from '../../../../types/support';
import { dueDateText, dutyStatusLabel } from '../../../../types/duty';
import { DifficultyCell } from './difficulty-cell';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { pageUrl, routeId, useRouteParams } from '../../../services/use-route-params';

const go = (url: string) => void Taro.navigateTo({ url });
const statusTag: Record<DutyLine['status'], { text: string; type: 'success' | 'warning' | 'danger' }> = {
  done: { text: dutyStatusLabel.done, type: 'success' },
  due: { text: dutyStatusLabel.due, type: 'warning' },
  overdue: { text: dutyStatusLabel.overdue, type: 'danger' },
  lateDone: { text: dutyStatusLabel.lateDone, type: 'warning' },
};

function Caseload() {
  const { data, error, loading } = useLoad(() => call('support', 'caseload', {}), []);
  return (
    <View className="page">
      <View className="page-title">我的帮扶名单</View>
      <LoadState loading={loading} error={error} empty={data?.length === 0} />
      <CellGroup>
        {(data ?? []).map((r: CaseloadRow) => (
          <Cell
            key={r.studentId}
            className="case-row"
            clickable
            title={
              <View>
                <span className="case-name">{r.name}</span> <Tag type="warning">{r.levelName}</Tag>{' '}
                {r.overdue > 0 ? <Tag type="danger">逾期 {r.overdue}</Tag> : null}
              </View>
            }
            description={`${r.className} · 谈话 ${r.talks} 次 · 计划：${r.planStatus === 'none' ? '未填写' : planStatusLabel[r.planStatus]}${r.next[0] ? ` · 下一步：${r.next[0]}` : ''}`}
            onClick={() => go(pageUrl('/packages/staff/case/index', { studentId: r.studentId }))}
          />
        ))}
      </CellGroup>
    </View>
  );
}

function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <CellGroup>
      {entries.map((e, i) => (
        <Cell
          key={`${e.refId}-${i}`}
          className={`timeline-entry timeline-${e.kind}`}
          title={e.title}
          description={`${formatDateTime(e.at)}${e.detail ? ` · ${e.detail}` : ''}`}
          // A talk opens its record (content, measures; notes as the reader may see them).
          clickable={e.kind === 'talk'}
          onClick={e.kind === 'talk' ? () => go(pageUrl('/packages/staff/talk/index', { talkId: e.refId })) : undefined}
        />
      ))}
    </CellGroup>
  );
}

function Case({ studentId }: { studentId: string }) {
  const { data, error, loading, reload } = useLoad(() => call('support', 'caseView', { studentId }), [studentId]);
  const view: CaseView | null = data;
  return (
    <View className="page">
      <LoadState loading={loading} error={error} />
      {view ? (
        <>
          <View className="page-title">
            {view.student.name}{' '}
            <span className="muted">
              {view.student.className} · 大{'一二三四五六'[view.student.studyYear - 1] ?? view.student.studyYear}
            </span>
          </View>
          {view.warning ? (
            <CellGroup>
              <Cell
                title={`${view.warning.levelName}（${view.warning.semester}）`}
                description={view.warning.explanation.join('；')}
              />
              <Cell
                title="未通过课程"
                description={view.warning.failedCourses.map((c) => `${c.name}（${c.credits} 学分）`).join('、')}
              />
            </CellGroup>
          ) : (
            <View className="muted" style={{ padding: '0 16px' }}>
              该生目前没有学业警示
            </View>
          )}
          <View style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', padding: '12px 16px' }}>
            <Button
              type="primary"
              size="small"
              onClick={() => go(pageUrl('/packages/staff/talk/index', { studentId }))}
            >
              记录谈话
            </Button>
            <Button
              size="small"
              onClick={() => go(pageUrl('/packages/staff/meeting/index', { studentId, classId: view.student.classId }))}
            >
              安排约谈
            </Button>
            <Button size="small" onClick={() => go(pageUrl('/packages/staff/pairing/index', { studentId }))}>
              朋辈帮扶
            </Button>
            {view.plan?.canReview ? (
              <Button
                type="warning"
                size="small"
                onClick={() => go(pageUrl('/packages/staff/plan-review/index', { planId: view.plan?._id }))}
              >
                审核学习计划
              </Button>
            ) : null}
            <Button
              size="small"
              onClick={() => go(pageUrl('/packages/documents/print/index', { form: 'studentTalkLedger', studentId }))}
            >
              打印谈话记录
            </Button>
            {view.plan ? (
              <Button
                size="small"
                onClick={() =>
                  go(pageUrl('/packages/documents/print/index', { form: 'studyPlan', planId: view.plan?._id }))
                }
              >
                打印学习计划
              </Button>
            ) : null}
          </View>
          {view.next.length > 0 ? (
            <>
              <View className="section-title">下一步</View>
              <CellGroup>
                {view.next.map((n) => (
                  <Cell key={n} className="next-step" title={n} />
                ))}
              </CellGroup>
            </>
          ) : null}
          <View className="section-title">帮扶职责</View>
          {view.dutiesNote ? (
            <View className="muted" style={{ padding: '0 16px' }}>
              {view.dutiesNote}
            </View>
          ) : null}
          <CellGroup>
            {view.duties.map((d, i) => (
              <Cell
                key={`${d.title}-${d.personName}-${i}`}
                title={d.title}
                description={`${d.role} ${d.personName} · ${d.progress}/${d.required} · ${dueDateText(d.dueAt)}`}
                extra={<Tag type={statusTag[d.status].type}>{statusTag[d.status].text}</Tag>}
              />
            ))}
          </CellGroup>
          <View className="section-title">学习困难类型与计划</View>
          <CellGroup>
            <DifficultyCell view={view} onDone={reload} />
            <Cell title="学习计划" extra={view.plan ? planStatusLabel[view.plan.status] : '未填写'} />
          </CellGroup>
          <View className="section-title">帮扶记录</View>
          <Timeline entries={view.timeline} />
        </>
      ) : null}
    </View>
  );
}

/** One timeline per warned student; without a student, the caller's caseload with what is next. */
export default function CasePage() {
  const studentId = useRouteParams({ studentId: routeId }).studentId;
  return studentId ? <Case studentId={studentId} /> : <Caseload />;
}
