import { View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { taskStateLabel, type CourseTaskView } from '../../../../types/api/reports';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { ChartCard } from '../_components/chart-card';
import { TaskForm } from './task-form';

const pct = (rate: number) => Math.round(rate * 1000) / 10;

/** Courses under their bars by name only (the codes are in the tasks below), unless two share a name. */
function chartNames(tasks: readonly CourseTaskView[]): string[] {
  const short = tasks.map((t) =>
    t.courseCodes.length === 1 ? t.subjectName.replace(`（${t.courseCodes[0] ?? ''}）`, '') : t.subjectName,
  );
  return new Set(short).size === short.length ? short : tasks.map((t) => t.subjectName);
}

/** Who answers for the task; a leader standing in for a department without a head says so. */
function ownerText(t: CourseTaskView): string {
  if (t.ownerName === null) return '未指定';
  if (!t.ownerActing) return t.ownerName;
  return `${t.ownerName}（院领导代管，${t.departmentId === null ? '课程未注明院系' : '待任命系主任'}）`;
}

/** Courses and teachers over the fail-rate threshold: the department's analysis and measures, done / due / overdue. */
export default function CourseTasksPage() {
  const semesters = useLoad(() => call('reports', 'semesters', {}), []);
  const tasks = useLoad(() => call('reports', 'courseTasks', {}), []);
  const [open, setOpen] = useState<string | null>(null);
  const { act, fault } = useAction(tasks.reload);
  const list = tasks.data?.tasks ?? [];
  const courses = list.filter((t) => t.subject === 'course');
  const latest = semesters.data?.semesters[0];
  return (
    <View className="page">
      <View className="page-title">课程分析与改进任务</View>
      <ChartCard
        className="chart-fail-rates"
        title="课程不及格率"
        categories={chartNames(courses)}
        series={[{ name: '不及格率', values: courses.map((t) => pct(t.failRate)) }]}
        percent
      />
      {latest && tasks.data?.canOpen ? (
        <View style={{ padding: '0 16px' }}>
          <Button
            className="open-tasks"
            size="small"
            onClick={() => void act(() => call('reports', 'openCourseTasks', { semester: latest }), '已生成任务')}
          >
            按 {latest} 学期名单生成任务
          </Button>
          {fault ? <View className="error-text">{fault}</View> : null}
        </View>
      ) : null}
      <LoadState loading={tasks.loading} error={tasks.error} empty={list.length === 0} />
      <CellGroup>
        {list.map((t) => (
          <View key={t.taskId}>
            <Cell
              className={`task-row task-${t.state}`}
              // The state beside the name, not in the cell's right column: the description keeps the full width.
              title={
                <View>
                  {t.subject === 'course' ? '课程' : '教师'}：{t.subjectName}{' '}
                  <span className={t.state === 'overdue' ? 'danger' : t.state === 'done' ? 'ok' : 'muted'}>
                    {taskStateLabel[t.state]}
                  </span>
                </View>
              }
              description={`${t.departmentName} · 不及格 ${t.failed}/${t.graded}（${pct(t.failRate)}%，阈值 ${pct(t.threshold)}%）· 负责人 ${ownerText(t)} · 截止 ${t.dueDate}${t.analysis ? ` · 分析：${t.analysis}` : ''}${t.measures ? ` · 措施：${t.measures}` : ''}`}
              clickable={t.canWrite}
              onClick={() => t.canWrite && setOpen(open === t.taskId ? null : t.taskId)}
            />
            {open === t.taskId ? <TaskForm task={t} onSaved={tasks.reload} /> : null}
          </View>
        ))}
      </CellGroup>
    </View>
  );
}
