import { WorkbenchKey, type Workbench, type WorkbenchList, type WorkbenchRow } from '../../types/api/duties';
import type { Actor, Role } from '../../types/domain';
import { classIdsFor, collegeIdsFor } from '../core/access/authorize';
import { dueDateText } from '../core/duties/due-date';
import { defaultDutyConfig } from '../core/duties/defaults';
import { itemsInScope } from '../core/compliance/scope';
import { shanghai, toIso } from '../core/time/shanghai';
import { childNotices } from '../application/notices/child-notices';
import { classStatus } from '../application/notices/class-status';
import { objections } from '../application/notices/objections';
import { studentNotices } from '../application/notices/student-notices';
import type { Context } from '../platform/runtime/define-function';
import { queryAll } from '../platform/store/store';
import { myMeetings, myPlan } from '../application/casework/my-casework';
import { isReviewer } from '../core/access/casework-roles';
import { listRuns } from '../application/warnings/run-list';
import { listWarnings } from '../application/warnings/warning-list';
import { evaluateScope } from '../application/duty-data/evaluate-scope';
import { labelsOf } from '../application/duty-data/labels';
import { complianceScopeOf, ownDutyClassIds } from '../core/access/compliance-scope';
import { subscribeIds } from '../platform/messenger/template-ids';
import { messageTitle, staffMessageKinds, undeliveredFor } from './staff-messages';

const label: Record<WorkbenchKey, string> = {
  noticesUnsigned: '通知单未签收',
  receiptsOverdue: '家长回执已逾期',
  plansToReview: '学习计划待我审核',
  dutiesThisWeek: '本周待完成及已逾期职责',
  followUpsOpen: '待跟进事项',
  talksDue: '待完成的谈话',
  checksToday: '今日查寝、查课',
  noticeToSign: '待签收的通知单',
  planToWrite: '待填写或修改的学习计划',
  meetingsToAnswer: '待回复的约谈与会议',
  receiptsToReturn: '待回执的通知单',
  draftsToPublish: '待发布的警示名单',
  objectionsOpen: '待处理的异议',
  warningsActive: '在警示学生',
  dutiesOverdue: '已逾期职责',
  messagesUndelivered: '未送达的消息',
};

const has = (actor: Actor, ...roles: Role[]) => actor.grants.some((g) => roles.includes(g.role));

type Source = (ctx: Context) => Promise<WorkbenchRow[]>;

/** The caller's duties (as 我的职责 shows them) that are open or missed. */
async function myOpenDuties(
  ctx: Context,
  scope: 'week' | 'semester',
  keep: (kinds: readonly string[]) => boolean,
): Promise<WorkbenchRow[]> {
  const now = ctx.clock.now().getTime();
  const e = await evaluateScope(ctx.store, { classIds: ownDutyClassIds(ctx.actor) }, now);
  const labels = labelsOf(e);
  const mine = e.evaluations.find((ev) => ev.personId === ctx.actor.userId);
  const week = itemsInScope(mine?.items ?? [], scope, now);
  const overdue = mine?.overdue ?? [];
  const items = new Map(
    [...week, ...overdue].filter((i) => i.status === 'due' || i.status === 'overdue').map((i) => [i.key, i]),
  );
  const kinds = new Map(defaultDutyConfig.rules.map((r) => [r.id, r.counts.kinds]));
  return [...items.values()]
    .filter((i) => keep(kinds.get(i.ruleId) ?? []))
    .sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1))
    .map((i) => ({
      id: i.key,
      title: i.title,
      detail: `${labels.unit(i.unit.kind, i.unit.id)} · ${i.status === 'overdue' ? '已逾期' : '待完成'} · ${dueDateText(i.dueAt)}`,
      page: '/packages/staff/duties/index',
      params: {},
    }));
}

async function noticeRows(ctx: Context, keep: 'unsigned' | 'receiptOverdue'): Promise<WorkbenchRow[]> {
  const rows: WorkbenchRow[] = [];
  for (const classId of classIdsFor(ctx.actor, 'notice.trackStatus')) {
    const status = await classStatus.run(ctx, { classId });
    for (const r of status.rows) {
      if (keep === 'unsigned' ? r.answer === 'none' : r.overdue) {
        rows.push({
          id: r.noticeId,
          title: r.studentName,
          detail: `${status.className} · ${r.levelName}${keep === 'unsigned' ? ' · 未签收' : ` · 家长回执 ${dueDateText(r.parentDeadline)}`}`,
          page: '/packages/staff/notices/index',
          params: { classId },
        });
      }
    }
  }
  return rows;
}

const sources: Record<WorkbenchKey, { roles: Role[]; rows: Source }> = {
  noticesUnsigned: { roles: ['counselor'], rows: (ctx) => noticeRows(ctx, 'unsigned') },
  receiptsOverdue: { roles: ['counselor'], rows: (ctx) => noticeRows(ctx, 'receiptOverdue') },
  plansToReview: {
    roles: ['counselor', 'headTeacher'],
    async rows(ctx) {
      const classIds = classIdsFor(ctx.actor, 'plan.review');
      if (classIds.length === 0) return [];
      const plans = await queryAll(ctx.store, 'studyPlans', {
        where: { classId: { in: classIds }, status: 'submitted' },
      });
      return plans
        .filter((p) => isReviewer(ctx.actor, p))
        .sort((a, b) => (a.signature?.at ?? '').localeCompare(b.signature?.at ?? ''))
        .map((p) => ({
          id: p._id,
          title: p.studentName,
          detail: `${p.levelName} · 学习计划待审核`,
          page: '/packages/staff/plan-review/index',
          params: { planId: p._id },
        }));
    },
  },
  dutiesThisWeek: { roles: ['counselor'], rows: (ctx) => myOpenDuties(ctx, 'week', () => true) },
  followUpsOpen: {
    roles: ['counselor'],
    async rows(ctx) {
      const open = await queryAll(ctx.store, 'followUps', { where: { counselorId: ctx.actor.userId, status: 'open' } });
      return open
        .sort((a, b) => (a.at < b.at ? 1 : -1))
        .map((f) => ({
          id: f._id,
          title: f.studentName,
          detail: f.reason === 'dormAbsence' ? '查寝缺勤，待跟进' : `学习困难反映：${f.note ?? ''}`,
          page: '/packages/admin/compliance/index',
          params: {},
        }));
    },
  },
  talksDue: { roles: ['headTeacher'], rows: (ctx) => myOpenDuties(ctx, 'semester', (kinds) => kinds.includes('talk')) },
  checksToday: {
    roles: ['assistant'],
    async rows(ctx) {
      const start = toIso(shanghai(ctx.clock.now()).startOf('day'));
      const docs = await queryAll(ctx.store, 'dutyRecords', {
        where: { actorId: ctx.actor.userId, at: { gte: start } },
      });
      return docs
        .filter((d) => d.kind === 'dormCheck' || d.kind === 'classCheck')
        .sort((a, b) => (a.at < b.at ? 1 : -1))
        .map((d) => ({
          id: d._id,
          title: d.kind === 'dormCheck' ? '查寝' : '查课',
          detail: d.at.slice(11, 16),
          page: '/packages/staff/checkin/index',
          params: {},
        }));
    },
  },
  noticeToSign: {
    roles: ['student'],
    async rows(ctx) {
      return (await studentNotices.run(ctx, {}))
        .filter((n) => n.status === 'issued' && !n.acknowledged && n.objection === null)
        .map((n) => ({
          id: n.noticeId,
          title: `${n.levelName}通知单`,
          detail: `${n.semester} · 待签收`,
          page: '/packages/student/notice/index',
          params: { noticeId: n.noticeId },
        }));
    },
  },
  planToWrite: {
    roles: ['student'],
    async rows(ctx) {
      const mine = await myPlan(ctx);
      const status = mine.plan?.status ?? 'none';
      if (!mine.warning || !(status === 'none' || status === 'draft' || status === 'returned')) return [];
      return [
        {
          id: mine.warning.id,
          title: '个人学习计划',
          detail: status === 'returned' ? '已退回，请修改后提交' : status === 'draft' ? '草稿未提交' : '尚未填写',
          page: '/packages/student/plan/index',
          params: {},
        },
      ];
    },
  },
  meetingsToAnswer: {
    roles: ['student'],
    async rows(ctx) {
      return (await myMeetings(ctx))
        .filter((m) => m.canRespond || m.canConfirm)
        .map((m) => ({
          id: m._id,
          title: m.title,
          detail: '待回复',
          page: '/packages/student/case/index',
          params: {},
        }));
    },
  },
  receiptsToReturn: {
    roles: ['parent'],
    async rows(ctx) {
      return (await childNotices.run(ctx, {}))
        .filter((n) => n.status === 'issued' && !n.receiptReturned)
        .map((n) => ({
          id: n.noticeId,
          title: `${n.studentName} · ${n.levelName}`,
          detail: '家长回执待返回',
          page: '/packages/parent/notice/index',
          params: { noticeId: n.noticeId },
        }));
    },
  },
  draftsToPublish: {
    roles: ['clerk'],
    async rows(ctx) {
      // The drafts the clerk can publish now (a blocked one says why on the run screen).
      const collegeId = collegeIdsFor(ctx.actor, 'warnings.review')[0];
      if (collegeId === undefined) return [];
      return (await listRuns(ctx, collegeId))
        .filter((r) => r.status === 'draft' && r.publishBlock === null)
        .map((r) => ({
          id: r.runId,
          title: `${r.semester} 警示名单（草稿）`,
          detail: r.policyName,
          page: '/packages/admin/review/index',
          params: { runId: r.runId },
        }));
    },
  },
  objectionsOpen: {
    roles: ['clerk'],
    async rows(ctx) {
      return (await objections.run(ctx, {}))
        .filter((o) => o.objection.state === 'open')
        .map((o) => ({
          id: o.noticeId,
          title: o.studentName,
          detail: `${o.levelName} · 异议待处理`,
          page: '/packages/admin/objections/index',
          params: {},
        }));
    },
  },
  warningsActive: {
    roles: ['leader', 'departmentHead'],
    async rows(ctx) {
      return (await listWarnings(ctx, undefined))
        .filter((w) => w.status === 'active')
        .map((w) => ({
          id: w.warningId,
          title: w.studentName,
          detail: w.levelName,
          page: '/packages/staff/case/index',
          params: { studentId: w.studentId },
        }));
    },
  },
  dutiesOverdue: {
    roles: ['leader', 'departmentHead'],
    async rows(ctx) {
      const e = await evaluateScope(ctx.store, complianceScopeOf(ctx.actor).scope, ctx.clock.now().getTime());
      const labels = labelsOf(e);
      return e.evaluations
        .flatMap((ev) => ev.overdue)
        .map((i) => ({
          id: i.key,
          title: i.title,
          detail: `${labels.person(i.personId)} · ${labels.unit(i.unit.kind, i.unit.id)} · ${dueDateText(i.dueAt)}`,
          page: '/packages/admin/compliance/index',
          params: {},
        }));
    },
  },
  messagesUndelivered: {
    roles: ['counselor', 'headTeacher', 'assistant', 'clerk', 'leader', 'departmentHead'],
    async rows(ctx) {
      // Refused (no consent, 43101) or failed for good: shown to whoever sent it or was to receive it.
      const rows = await queryAll(ctx.store, 'outbox', { where: { status: { in: ['refused', 'failed'] } } });
      return undeliveredFor(ctx.actor.userId, rows)
        .sort((a, b) => (a.sendAfter < b.sendAfter ? 1 : -1))
        .map((m) => ({
          id: m._id,
          title: messageTitle(m.kind),
          detail: `${m.status === 'refused' ? '对方未订阅（微信拒收），请改用电话等方式' : '发送失败'}${m.toUserId === ctx.actor.userId ? ' · 发给你的' : ''}`,
          page: '/pages/inbox/index',
          params: {},
        }));
    },
  },
};

const order: readonly WorkbenchKey[] = WorkbenchKey.options;

function keysFor(actor: Actor): WorkbenchKey[] {
  return order.filter((k) => has(actor, ...sources[k].roles));
}

/** One list of the workbench: exactly the rows its count counts. */
export async function workbenchList(ctx: Context, key: WorkbenchKey): Promise<WorkbenchList> {
  if (!keysFor(ctx.actor).includes(key)) return { key, label: label[key], rows: [] };
  return { key, label: label[key], rows: await sources[key].rows(ctx) };
}

/**
 * What needs the caller now, per role, in one call: each count is the length of the list
 * workbenchList gives for its key (the same rows, from the same list actions the screens use).
 */
export async function workbench(ctx: Context): Promise<Workbench> {
  const keys = keysFor(ctx.actor);
  const lists = await Promise.all(
    keys.map(async (key) => ({ key, label: label[key], count: (await sources[key].rows(ctx)).length })),
  );
  const roles = new Set(ctx.actor.grants.map((g) => g.role));
  const kinds = [...roles].flatMap((r) => staffMessageKinds[r] ?? []);
  return { now: ctx.nowIso(), counts: lists, subscribe: subscribeIds([...new Set(kinds)]) };
}
