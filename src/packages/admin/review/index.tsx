import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { changeLabel, type ChangeKind, type CourseAnalysis, type RunEntry } from '../../../../types/api/warnings';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { Field } from '../../../components/field';
import { LoadState } from '../../../components/load-state';
import { FilterChips } from '../../../components/chips';
import { EntryCard } from './_components/entry-card';
import { ManualAddition } from '../../../components/manual-addition';
import { saveXlsx } from '../../../services/save-download';
import { routeId, useRouteParams } from '../../../services/use-route-params';
import { DiscardDraft, RunMeta, RunStatusTag } from '../run/_components/run-meta';

const PAGE = 100;
const changes: ChangeKind[] = ['new', 'escalated', 'deescalated', 'unchanged', 'lifted'];
const card = { margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' };

function RemovePanel({ entry, runId, onDone }: { entry: RunEntry; runId: string; onDone: () => void }) {
  const [note, setNote] = useState('');
  const { act, refusal } = useAction(onDone, { toastFault: true });
  const remove = () =>
    act(() => call('warnings', 'removeManual', { runId, studentId: entry.studentId, note }), '已移出');
  return (
    <View style={card} className="remove-panel">
      <View>移出 {entry.studentName} 的原因（必填，保留在名单上）：</View>
      <Field name="note" refusal={refusal}>
        <TextArea value={note} onChange={setNote} maxLength={500} />
      </Field>
      <Button size="small" type="danger" disabled={note.trim() === ''} onClick={() => void remove()}>
        确认移出
      </Button>
    </View>
  );
}

function Analysis({ data }: { data: CourseAnalysis }) {
  const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
  return (
    <View style={card} className="course-analysis">
      <View style={{ fontWeight: 600 }}>不及格率超过 {pct(data.threshold)} 的课程（需系部分析整改）</View>
      {data.courses.length === 0 ? <View className="muted">没有</View> : null}
      {data.courses.map((c) => (
        <View key={c.courseCode}>
          {c.departmentName} · {c.courseName}（{c.courseCode}）：{c.failed}/{c.graded}，{pct(c.failRate)}
        </View>
      ))}
      <View style={{ fontWeight: 600, marginTop: '8px' }}>任课教师</View>
      {data.teachers.map((t) => (
        <View key={t.teacherName}>
          {t.departmentName} · {t.teacherName}（{t.courseCodes.join('、')}）：{t.failed}/{t.graded}，{pct(t.failRate)}
        </View>
      ))}
    </View>
  );
}

/** The clerk (and leaders, department heads) review a run: filter, explain, adjust by hand, publish, export. */
export default function ReviewRun() {
  const runId = useRouteParams({ runId: routeId }).runId ?? '';
  const [classId, setClassId] = useState<string | undefined>(undefined);
  const [level, setLevel] = useState<string | undefined>(undefined);
  const [change, setChange] = useState<ChangeKind | undefined>(undefined);
  const [removing, setRemoving] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [analysis, setAnalysis] = useState<CourseAnalysis | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const view = useLoad(
    () =>
      call('warnings', 'review', {
        runId,
        limit,
        ...(classId ? { classId } : {}),
        ...(level ? { level } : {}),
        ...(change ? { change } : {}),
      }),
    [runId, classId, level, change, limit],
  );
  const data = view.data;
  const editable = data?.run.status === 'draft';

  const { act, busy } = useAction(undefined, { toastFault: true });

  const publish = () =>
    act(async () => {
      const sure = await Taro.showModal({
        title: '发布警示名单',
        content: '发布后将生成警示记录和通知单，名单不能再修改。确定发布？',
      });
      if (!sure.confirm) return;
      // A long list is published over several calls; each resumes where the last one stopped.
      let result = await call('warnings', 'publish', { runId });
      let published = result.published;
      let lifted = result.lifted;
      const kept = result.kept;
      while (!result.done) {
        void Taro.showToast({ title: `正在发布，剩余 ${result.remaining} 人…`, icon: 'none' });
        result = await call('warnings', 'publish', { runId });
        published += result.published;
        lifted += result.lifted;
      }
      void Taro.showToast({
        title: `已发布 ${published} 人，解除 ${lifted} 人${kept > 0 ? `，${kept} 人不变（保留原通知）` : ''}`,
        icon: 'none',
      });
      view.reload();
    });

  const exportTable = () =>
    act(async () => {
      const file = await call('warnings', 'exportSummary', { runId });
      await saveXlsx(file.fileName, file.base64);
    });

  const clear = (studentId: string) =>
    act(async () => {
      await call('warnings', 'clearManual', { runId, studentId });
      view.reload();
    });

  return (
    <View className="page">
      <LoadState loading={view.loading && !data} error={view.error} />
      {data ? (
        <>
          <View className="page-title" style={{ display: 'flex', alignItems: 'center', gap: '8px' }}>
            <Text>{data.run.semester} 学业警示名单</Text>
            <RunStatusTag run={data.run} />
          </View>
          <View className="muted" style={{ padding: '0 16px' }}>
            {data.run.policyName} · 成绩 {data.run.gradeRows} 条 · 学生 {data.run.students} 人
          </View>
          <View style={{ padding: '0 16px' }}>
            <RunMeta run={data.run} />
          </View>
          <View style={{ padding: '8px 16px' }} className="run-counts">
            {data.run.levels.map((l) => `${l.levelName} ${l.count} 人`).join('，')}
            {'；'}
            {changes
              .filter((c) => (data.run.changes[c] ?? 0) > 0)
              .map((c) => `${changeLabel[c]} ${data.run.changes[c] ?? 0}`)
              .join('，')}
            {data.run.manual > 0 ? `；人工调整 ${data.run.manual}` : ''}
          </View>

          <View className="section-title">班级</View>
          <FilterChips
            options={data.classes.map((c) => ({ value: c.classId, label: c.name }))}
            value={classId}
            onChange={setClassId}
          />
          <View className="section-title">等级</View>
          <FilterChips
            options={data.levels.map((l) => ({ value: l.id, label: l.name }))}
            value={level}
            onChange={setLevel}
          />
          <View className="section-title">变化</View>
          <FilterChips
            options={changes.map((c) => ({ value: c, label: changeLabel[c] }))}
            value={change}
            onChange={setChange}
          />

          <View style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', padding: '12px' }}>
            {data.canPublish ? (
              <Button
                className="publish-run"
                type="primary"
                size="small"
                disabled={busy}
                onClick={() => void publish()}
              >
                发布名单
              </Button>
            ) : null}
            {data.canDiscard ? <DiscardDraft run={data.run} onDone={() => void Taro.navigateBack()} /> : null}
            <Button className="export-summary" size="small" disabled={busy} onClick={() => void exportTable()}>
              导出汇总表
            </Button>
            <Button
              size="small"
              disabled={busy}
              onClick={() => void act(async () => setAnalysis(await call('warnings', 'courseAnalysis', { runId })))}
            >
              课程不及格率分析
            </Button>
            {editable && data.manualAllowed ? (
              <Button size="small" fill="outline" onClick={() => setAdding(!adding)}>
                人工补充学生
              </Button>
            ) : null}
          </View>
          {analysis ? <Analysis data={analysis} /> : null}
          {adding && editable ? (
            <View
              style={{ margin: '8px 12px', padding: '12px 0', background: '#fff', borderRadius: '8px' }}
              className="manual-form"
            >
              <ManualAddition
                runId={runId}
                levels={data.levels}
                reasons={data.manualReasons}
                onDone={view.reload}
                done="已补充"
                notePlaceholder="说明（如具体情况）"
              />
            </View>
          ) : null}

          <View className="section-title entries-count">
            显示 {data.entries.length} / {data.matched} 人{data.matched < data.total ? `（共 ${data.total} 人）` : ''}
          </View>
          {data.entries.length === 0 ? (
            <View className="muted" style={{ padding: '0 16px' }}>
              没有符合条件的学生
            </View>
          ) : null}
          {data.entries.map((e) => (
            <View key={e.studentId}>
              <EntryCard
                entry={e}
                editable={editable === true && data.canPublish}
                onRemove={() => setRemoving(removing === e.studentId ? null : e.studentId)}
                onClear={() => void clear(e.studentId)}
              />
              {removing === e.studentId ? (
                <RemovePanel
                  entry={e}
                  runId={runId}
                  onDone={() => {
                    setRemoving(null);
                    view.reload();
                  }}
                />
              ) : null}
            </View>
          ))}
          {data.entries.length < data.matched ? (
            <View style={{ padding: '8px 16px' }}>
              <Button block size="small" disabled={view.loading} onClick={() => setLimit(Math.min(500, limit + PAGE))}>
                显示更多
              </Button>
            </View>
          ) : null}
          <Text className="muted" style={{ padding: '16px', display: 'block' }}>
            学业警示不是纪律处分，名单仅限处理该学生的老师查看。
          </Text>
        </>
      ) : null}
    </View>
  );
}
