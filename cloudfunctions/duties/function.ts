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
import { AccessDeniedError } from '../core/errors';
import { recordLabel } from '../core/checkins/record-label';
import { itemsInScope } from '../core/compliance/scope';
import { classRows, itemView, personRows, sortRows, tallyOf, urgentFirst } from '../core/compliance/views';
import { defaultDutyConfig } from '../core/duties/defaults';
import { isoAt } from '../core/duties/shanghai-days';
import { defineFunction, type Context } from '../platform/runtime/define-function';
import { evaluateScope, type ScopeEvaluation } from '../application/duty-data/evaluate-scope';
import { labelsOf } from '../application/duty-data/labels';
import { complianceScopeOf, ownDutyClassIds } from '../core/access/compliance-scope';
import { workbench, workbenchList } from './workbench';

const rulesById: ReadonlyMap<string, DutyRule> = new Map(defaultDutyConfig.rules.map((r) => [r.id, r]));

/** Filed in the semester shown, or (in the break after it, when it is still shown) since its end. */
function inSemester(e: ScopeEvaluation, at: string): boolean {
  const t = Date.parse(at);
  return t >= e.term.semesterSpan.start && t < Math.max(e.term.semesterSpan.end, e.now + 1);
}

type Counts = { key: string; byClass: Map<string, number>; byActor: Map<string, number> };
/** Per records list (the same list while nothing read changed, see load-duty-data): the semester's counts, made once. */
const countsOf = new WeakMap<readonly unknown[], Counts>();

/** Records filed in the semester shown, per class and per person. */
function semesterCounts(e: ScopeEvaluation): Counts {
  const key = `${e.term.semesterSpan.start}|${Math.max(e.term.semesterSpan.end, e.now + 1)}`;
  const kept = countsOf.get(e.records);
  if (kept?.key === key) return kept;
  const counts: Counts = { key, byClass: new Map(), byActor: new Map() };
  for (const r of e.records) {
    if (!inSemester(e, r.at)) continue;
    counts.byClass.set(r.classId, (counts.byClass.get(r.classId) ?? 0) + 1);
    counts.byActor.set(r.actorId, (counts.byActor.get(r.actorId) ?? 0) + 1);
  }
  countsOf.set(e.records, counts);
  return counts;
}

/** Rows of the caller's compliance view, per class or per person (the leader's dashboard). */
async function board(
  ctx: Context,
  per: 'class' | 'person',
  sort: Parameters<typeof sortRows>[1],
): Promise<{ board: ComplianceBoard; evaluation: ScopeEvaluation }> {
  const { scope, kind } = complianceScopeOf(ctx.actor);
  const e = await evaluateScope(ctx.store, scope, ctx.clock.now().getTime(), undefined, 'digests');
  const labels = labelsOf(e);
  const counts = semesterCounts(e);
  const rows =
    per === 'class'
      ? classRows(
          e.evaluations,
          e.directory.classes.map((c) => ({ id: c._id, name: c.name, note: `辅导员 ${labels.person(c.counselorId)}` })),
          counts.byClass,
        )
      : personRows(
          e.evaluations,
          new Map(
            e.evaluations.map((ev) => [
              ev.personId,
              { name: labels.person(ev.personId), note: labels.rolesOf(ev.personId) },
            ]),
          ),
          counts.byActor,
        );
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
});
