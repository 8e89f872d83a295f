import {
  dutiesApi,
  type ComplianceBoard,
  type ComplianceDetail,
  type DutyItemView,
  type MyDuties,
  type RecordView,
} from '../../types/api/duties';
import type { DutyRule } from '../../types/duty';
import { recordKindLabel } from '../../types/checkin';
import { AccessDeniedError, NotFoundError } from '../core/errors';
import { recordLabel } from '../core/checkins/record-label';
import { itemsInScope } from '../core/compliance/scope';
import { itemView, sortRows, tallyOf, urgentFirst } from '../core/compliance/views';
import { boardRows } from '../application/duties/board-rows';
import {
  collegeBoard,
  collegeBoardOf,
  refreshCollegeSummary,
  schoolBoard,
} from '../application/duties/college-summaries';
import { defaultDutyConfig } from '../core/duties/defaults';
import { isoAt } from '../core/duties/shanghai-days';
import { defineFunction, type Context } from '../platform/runtime/define-function';
import { evaluateScope, type ScopeEvaluation } from '../application/duty-data/evaluate-scope';
import { labelsOf } from '../application/duty-data/labels';
import { complianceScopeOf, ownDutyClassIds } from '../core/access/compliance-scope';
import { workbench, workbenchList } from './workbench';

const rulesById: ReadonlyMap<string, DutyRule> = new Map(defaultDutyConfig.rules.map((r) => [r.id, r]));

/** Rows of the caller's compliance view, per class or per person (the leader's dashboard). */
async function board(
  ctx: Context,
  per: 'class' | 'person',
  sort: Parameters<typeof sortRows>[1],
): Promise<{ board: ComplianceBoard; evaluation: ScopeEvaluation }> {
  const { scope, kind } = complianceScopeOf(ctx.actor);
  const e = await evaluateScope(ctx.store, scope, ctx.clock.now().getTime(), undefined, 'digests');
  const rows = boardRows(e, per);
  return {
    board: { semesterId: e.term.semester.id, now: isoAt(e.now), scope: kind, rows: sortRows(rows, sort) },
    evaluation: e,
  };
}

/** The newest records (at most 200) of a class or person, with their forms read by id in one query. */
async function recordViews(
  ctx: Context,
  e: ScopeEvaluation,
  keep: (r: ScopeEvaluation['records'][number]) => boolean,
): Promise<RecordView[]> {
  const labels = labelsOf(e);
  const rows = e.records
    .filter(keep)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, 200);
  const docs = new Map(
    rows.length === 0
      ? []
      : (await ctx.store.query('dutyRecords', { where: { _id: { in: rows.map((r) => r._id) } }, limit: 200 })).map(
          (d) => [d._id, d],
        ),
  );
  // A check-in whose stored time became unreadable after its digest was written stays out (the rebuild finds the drift).
  const readable = rows.filter((r) => {
    const doc = docs.get(r._id);
    return doc === undefined || !Number.isNaN(Date.parse(doc.at));
  });
  return readable.map((r) => {
    const doc = docs.get(r._id);
    return {
      recordId: r._id,
      kind: r.kind,
      at: r.at,
      actorId: r.actorId,
      actorName: labels.person(r.actorId),
      classId: r.classId,
      label: doc ? recordLabel(doc, labels.student) : recordKindLabel[r.kind],
      flags: r.flags,
    };
  });
}

export const dutiesFunction = defineFunction('duties', dutiesApi, {
  workbench: {
    permission: 'workbench.read',
    run: (ctx) => workbench(ctx),
  },

  workbenchList: {
    permission: 'workbench.read',
    run: (ctx, { key }) => workbenchList(ctx, key),
  },

  myDuties: {
    permission: 'duties.readOwn',
    async run(ctx, { scope }): Promise<MyDuties> {
      const now = ctx.clock.now().getTime();
      const e = await evaluateScope(ctx.store, { classIds: ownDutyClassIds(ctx.actor) }, now);
      const mine = e.evaluations.find((ev) => ev.personId === ctx.actor.userId);
      const labels = labelsOf(e);
      const view = (items: Parameters<typeof itemsInScope>[0]): DutyItemView[] =>
        items.map((i) => itemView(i, rulesById, labels.unit)).sort(urgentFirst);
      const items = view(itemsInScope(mine?.items ?? [], scope, now));
      return {
        scope,
        now: isoAt(now),
        semesterId: e.term.semester.id,
        items,
        next: mine?.next ? itemView(mine.next, rulesById, labels.unit) : null,
        // Most recently missed first: last week's check matters more than September's.
        overdue: view(mine?.overdue ?? []).reverse(),
        tally: tallyOf(items),
      };
    },
  },

  classCompliance: {
    permission: 'duties.readClass',
    resource: 'list',
    async run(ctx, { sort }) {
      return (await board(ctx, 'class', sort)).board;
    },
  },

  staffCompliance: {
    permission: 'duties.readClass',
    resource: 'list',
    async run(ctx, { sort }) {
      return (await board(ctx, 'person', sort)).board;
    },
  },

  complianceDetail: {
    permission: 'duties.readClass',
    resource: 'list',
    async run(ctx, { classId, personId }): Promise<ComplianceDetail> {
      const per = classId !== undefined ? 'class' : 'person';
      const target = classId ?? personId ?? '';
      const {
        evaluation: e,
        board: { rows, semesterId },
      } = await board(ctx, per, 'worst');
      const row = rows.find((r) => r.id === target) ?? null;
      // Outside the caller's scope looks the same as unknown: denied.
      if (!row) throw new AccessDeniedError();
      const labels = labelsOf(e);
      const items =
        per === 'class'
          ? e.evaluations.flatMap((ev) => ev.items.filter((i) => i.unit.classIds.includes(target)))
          : (e.evaluations.find((ev) => ev.personId === target)?.items ?? []);
      return {
        semesterId,
        title: per === 'class' ? labels.className(target) : labels.person(target),
        row,
        items: items.map((i) => itemView(i, rulesById, labels.unit)).sort(urgentFirst),
        records: await recordViews(ctx, e, (r) => (per === 'class' ? r.classId === target : r.actorId === target)),
      };
    },
  },

  schoolCompliance: {
    permission: 'duties.readSchool',
    resource: 'list',
    async run(ctx, { sort }) {
      const school = await schoolBoard(ctx.store, ctx.clock.now().getTime());
      return { ...school, rows: sortRows(school.rows, sort) };
    },
  },

  collegeCompliance: {
    permission: 'duties.readSchool',
    resource: 'list',
    async run(ctx, { collegeId, sort }) {
      const college = await collegeBoard(ctx.store, collegeId, ctx.clock.now().getTime());
      if (!college) throw new NotFoundError('该学院');
      return { ...college, classes: sortRows(college.classes, sort) };
    },
  },

  refreshCollegeCompliance: {
    permission: 'duties.readSchool',
    resource: 'list',
    async run(ctx, { collegeId }) {
      const college = await ctx.store.get('colleges', collegeId);
      if (!college) throw new NotFoundError('该学院');
      const summary = await refreshCollegeSummary(ctx.store, college, ctx.clock.now().getTime(), ctx.write());
      const board = collegeBoardOf(college, summary.semesterId, summary);
      return { ...board, classes: sortRows(board.classes, 'worst') };
    },
  },
});
