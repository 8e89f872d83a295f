import type { ChangeKind, CourseAnalysis, ReviewView } from '../../types/api/warnings';
import { manualReasonLabel } from '../../types/policy';
import { isAllowed } from '../core/access/authorize';
import { filterEntries } from '../core/publishing/entry-filter';
import { summaryColumns, summaryRows, type ClassFacts } from '../core/publishing/summary-table';
import { usersByIds } from '../platform/directory/directory';
import { writeSummaryXlsx } from '../platform/export/summary-xlsx';
import type { Context } from '../platform/runtime/define-function';
import { collegeClasses } from '../application/warnings/college-data';
import { blockOf, collegeNow } from '../application/warnings/publishability';
import { classesInScope, inScope, reviewScope } from '../core/access/review-scope';
import { loadRun } from '../application/repositories/runs';
import { summaryOf } from '../application/warnings/run-summary';
import { policyOfRun } from '../core/publishing/run-state';

async function scopedRun(ctx: Context, runId: string) {
  const run = await loadRun(ctx.store, runId);
  const scope = reviewScope(ctx.actor, run.collegeId);
  const classes = await collegeClasses(ctx.store, run.collegeId);
  const visible = classesInScope(scope, classes);
  const entries = run.entries.filter((e) => visible.has(e.classId));
  return { run, scope, classes, entries };
}

export async function review(
  ctx: Context,
  input: {
    runId: string;
    classId?: string | undefined;
    level?: string | undefined;
    change?: ChangeKind | undefined;
    skip: number;
    limit: number;
  },
): Promise<ReviewView> {
  const { run, classes, entries } = await scopedRun(ctx, input.runId);
  const policy = policyOfRun(run);
  const present = new Set(entries.map((e) => e.classId));
  const filter: { classId?: string; level?: string; change?: ChangeKind } = {};
  if (input.classId !== undefined) filter.classId = input.classId;
  if (input.level !== undefined) filter.level = input.level;
  if (input.change !== undefined) filter.change = input.change;
  const shown = filterEntries(entries, filter);
  const mayPublish = isAllowed(ctx.actor, 'warnings.publish', { collegeId: run.collegeId });
  const block = run.status === 'draft' ? await blockOf(run, await collegeNow(ctx.store, run.collegeId)) : null;
  return {
    run: summaryOf(run, entries, block),
    entries: shown.slice(input.skip, input.skip + input.limit),
    classes: classes.filter((c) => present.has(c._id)).map((c) => ({ classId: c._id, name: c.name })),
    levels: policy.levels.map((l) => ({ id: l.id, name: l.name })),
    manualReasons: policy.manualAdditions.reasons.map((id) => ({ id, label: manualReasonLabel[id] })),
    manualAllowed:
      policy.manualAdditions.allowed && isAllowed(ctx.actor, 'warnings.addManual', { collegeId: run.collegeId }),
    canPublish: mayPublish && run.status === 'draft' && block === null,
    canDiscard: mayPublish && run.status === 'draft' && run.publishing === null,
    total: entries.length,
    matched: shown.length,
  };
}

export async function courseAnalysis(ctx: Context, runId: string): Promise<CourseAnalysis> {
  const run = await loadRun(ctx.store, runId);
  const scope = reviewScope(ctx.actor, run.collegeId);
  const college = await ctx.store.get('colleges', run.collegeId);
  const deptName = (id: string | null) => college?.departments.find((d) => d.id === id)?.name ?? id ?? '未注明院系';
  return {
    runId: run._id,
    semester: run.semester,
    threshold: run.threshold,
    courses: run.courses
      .filter((c) => inScope(scope, c.departmentId))
      .map((c) => ({
        courseCode: c.courseCode,
        courseName: c.courseName,
        departmentId: c.departmentId,
        departmentName: deptName(c.departmentId),
        graded: c.graded,
        failed: c.failed,
        failRate: c.failRate,
      })),
    teachers: run.teachers
      .filter((t) => inScope(scope, t.departmentId))
      .map((t) => ({
        teacherName: t.teacherName,
        departmentId: t.departmentId,
        departmentName: deptName(t.departmentId),
        courseCodes: t.courseCodes,
        graded: t.graded,
        failed: t.failed,
        failRate: t.failRate,
      })),
  };
}

/** 学业警示学生名单汇总表 as an xlsx file (base64), for the entries the caller may see. */
export async function exportSummary(
  ctx: Context,
  runId: string,
): Promise<{ fileName: string; base64: string; rows: number }> {
  const { run, classes, entries } = await scopedRun(ctx, runId);
  const staff = await usersByIds(
    ctx.store,
    classes.flatMap((c) => [c.counselorId, c.headTeacherId]),
  );
  const facts = new Map<string, ClassFacts>(
    classes.map((c) => [
      c._id,
      {
        name: c.name,
        major: c.major,
        cohort: c.cohort,
        counselorName: staff.get(c.counselorId)?.name ?? '',
        headTeacherName: staff.get(c.headTeacherId)?.name ?? '',
      },
    ]),
  );
  const rows = summaryRows(entries, facts);
  const college = await ctx.store.get('colleges', run.collegeId);
  const draft = run.status === 'draft' ? '（未发布草稿）' : '';
  const buffer = await writeSummaryXlsx({
    title: `${college?.name ?? run.collegeId} ${run.semester} 学业警示学生名单汇总表${draft}`,
    columns: summaryColumns,
    rows,
    widths: {
      序号: 6,
      学号: 14,
      姓名: 10,
      班级: 16,
      '专业/年级': 18,
      警示等级: 10,
      '警示原因（规则与课程）': 48,
      不及格课程及学分: 40,
      变化: 8,
      人工补充及原因: 28,
      辅导员: 10,
      班主任: 10,
      备注: 20,
    },
  });
  return {
    fileName: `学业警示学生名单汇总表-${run.semester}.xlsx`,
    base64: buffer.toString('base64'),
    rows: rows.length,
  };
}
