import type { DocumentsApi } from '../../types/api/documents';
import type { DutyRule } from '../../types/duty';
import { collegeIdsFor } from '../core/access/authorize';
import { complianceReport, type ComplianceLine } from '../core/documents/compliance-report';
import { classCheckRegister, dormRegister } from '../core/documents/duty-register';
import { defaultDutyConfig } from '../core/duties/defaults';
import { toIso } from '../core/time/shanghai';
import { withinScope } from '../core/access/scope-pick';
import { itemView } from '../core/compliance/views';
import { classResource, dormLabel, loadClass, usersByIds } from '../platform/directory/directory';
import type { Handlers } from '../platform/runtime/define-function';
import { queryAll } from '../platform/store/store';
import { evaluateScope, type ScopeEvaluation } from '../application/duty-data/evaluate-scope';
import { labelsOf } from '../application/duty-data/labels';
import { complianceScopeOf } from '../core/access/compliance-scope';
import { answer } from './answer';
import { studentNames } from './facts';
import { dayEnd, dayStart } from './period';

const rulesById: ReadonlyMap<string, DutyRule> = new Map(defaultDutyConfig.rules.map((r) => [r.id, r]));

/** The evaluator's items as report lines (the same items the duties screens show). */
function linesOf(
  e: ScopeEvaluation,
  keep: (personId: string, classIds: readonly string[]) => boolean,
): ComplianceLine[] {
  const labels = labelsOf(e);
  return e.evaluations.flatMap((ev) =>
    ev.items
      .filter((i) => keep(ev.personId, i.unit.classIds))
      .map((i) => {
        const v = itemView(i, rulesById, labels.unit);
        return {
          title: v.title,
          personName: labels.person(ev.personId),
          unitLabel: v.unit.label,
          windowStart: v.window.start,
          lastDay: v.window.lastDay,
          dueAt: v.dueAt,
          required: v.required,
          progress: v.progress,
          measure: v.measure,
          status: v.status,
        };
      }),
  );
}

/** Evaluated at the period's end, or now when the period has not ended. */
const evaluatedAt = (now: number, to: string) => Math.min(now, dayEnd(to) - 1);

export const registerForms: Handlers<Pick<DocumentsApi, 'dutyRegister' | 'complianceReport'>> = {
  dutyRegister: {
    permission: 'documents.dutyRegister',
    resource: (ctx, input) => classResource(ctx.store, input.classId),
    async run(ctx, { classId, register, period, format }) {
      const cls = await loadClass(ctx.store, classId);
      const records = await queryAll(ctx.store, 'dutyRecords', {
        where: { classId, at: { gte: toIso(new Date(dayStart(period.from))), lt: toIso(new Date(dayEnd(period.to))) } },
        orderBy: [{ field: 'at', direction: 'asc' }],
      });
      const mine = records.filter((r) => r.kind === register);
      const people = await usersByIds(
        ctx.store,
        mine.map((r) => r.actorId),
      );
      const students = await studentNames(
        ctx.store,
        mine.flatMap((r) =>
          r.details.form === 'classCheck' ? [...r.details.late, ...r.details.absent, ...r.details.leftEarly] : [],
        ),
      );
      const dormIds = [...new Set(mine.flatMap((r) => (r.dormId ? [r.dormId] : [])))];
      const dorms = new Map(
        dormIds.length
          ? (await queryAll(ctx.store, 'dorms', { where: { _id: { in: dormIds } } })).map((d) => [d._id, d])
          : [],
      );
      const facts = {
        className: cls.name,
        from: period.from,
        to: period.to,
        personName: (id: string) => people.get(id)?.name ?? '',
        studentName: (id: string) => students.get(id)?.name ?? '',
        dormLabel: (id: string) => dormLabel(dorms.get(id)),
      };
      const doc = register === 'dormCheck' ? dormRegister(mine, facts) : classCheckRegister(mine, facts);
      return answer(ctx, doc, format, cls.collegeId, { classId });
    },
  },

  complianceReport: {
    permission: 'documents.compliance',
    resource: 'list',
    async run(ctx, { classId, personId, period, format }) {
      const at = evaluatedAt(ctx.clock.now().getTime(), period.to);
      // The caller's compliance scope (as the duties screens): a class or person outside it is denied.
      const { scope } = complianceScopeOf(ctx.actor);
      const e = await evaluateScope(ctx.store, scope, at);
      const labels = labelsOf(e);
      let doc;
      let collegeId: string | undefined;
      if (classId !== undefined) {
        const cls = withinScope(e.directory.classes.find((c) => c._id === classId));
        collegeId = cls.collegeId;
        doc = complianceReport({
          subject: cls.name,
          scopeLabel: '班级',
          from: period.from,
          to: period.to,
          evaluatedAt: toIso(new Date(at)),
          lines: linesOf(e, (_p, classIds) => classIds.includes(classId)),
        });
      } else {
        const { personId: person } = withinScope(e.evaluations.find((ev) => ev.personId === personId));
        collegeId = e.directory.classes[0]?.collegeId ?? collegeIdsFor(ctx.actor, 'documents.compliance')[0];
        doc = complianceReport({
          subject: labels.person(person),
          scopeLabel: '教师',
          from: period.from,
          to: period.to,
          evaluatedAt: toIso(new Date(at)),
          lines: linesOf(e, (p) => p === person),
        });
      }
      return answer(ctx, doc, format, collegeId ?? '', {
        ...(classId ? { classId } : {}),
        ...(personId ? { personId } : {}),
      });
    },
  },
};
