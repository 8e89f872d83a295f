import { reportsApi } from '../../types/api/reports';
import { defineFunction } from '../platform/runtime/define-function';
import { listCourseTasks, openCourseTasks, taskResource, writeCourseTask } from './course-tasks';
import { effect, effectXlsx, semesters } from './effect-actions';
import { importKpis, kpis } from './kpi-actions';

/** What worked (issue 14): the effect report and 转化率, course-improvement tasks. */
export const reportsFunction = defineFunction('reports', reportsApi, {
  semesters: { permission: 'reports.read', resource: 'list', run: (ctx) => semesters(ctx) },
  effect: { permission: 'reports.read', resource: 'list', run: (ctx, input) => effect(ctx, input.semester) },
  effectXlsx: { permission: 'reports.read', resource: 'list', run: (ctx, input) => effectXlsx(ctx, input.semester) },
  openCourseTasks: {
    permission: 'courseTasks.open',
    resource: 'list',
    run: (ctx, input) => openCourseTasks(ctx, input.semester),
  },
  courseTasks: {
    permission: 'courseTasks.read',
    resource: 'list',
    run: (ctx, input) => listCourseTasks(ctx, input.semester),
  },
  kpiPreview: {
    permission: 'kpi.import',
    resource: 'list',
    run: (ctx, input) => importKpis(ctx, input.fileId, input.semester, false),
  },
  kpiImport: {
    permission: 'kpi.import',
    resource: 'list',
    run: (ctx, input) => importKpis(ctx, input.fileId, input.semester, true),
  },
  kpis: { permission: 'kpi.read', resource: 'list', run: (ctx, input) => kpis(ctx, input.semester) },
  writeCourseTask: {
    permission: 'courseTasks.write',
    resource: (ctx, input) => taskResource(ctx, input.taskId),
    run: (ctx, input) => writeCourseTask(ctx, input),
  },
});
