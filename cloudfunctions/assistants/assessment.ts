import type { AssessmentRow } from '../../types/api/assistants';
import type { DutyItem } from '../../types/duty';
import { assistantSettings, rateAssistant, ratingLabel } from '../core/assistants';
import { summarizeBy } from '../core/duties';
import { dateSpan } from '../core/duties/term';
import { defaultDutyConfig } from '../core/duties/defaults';
import { evaluateScope } from '../application/duty-data/evaluate-scope';
import { loadCalendar } from '../platform/calendar/stored-calendar';
import type { Context } from '../platform/runtime/define-function';
import { assignmentsOf, changesOf, loadCall } from './load';

/**
 * Year-end assessment (rules: 000-7.3): each assistant's duties in the classes they hold, by the
 * same evaluator the duties screens use, over the whole school year — the first semester as it
 * stood at its last moment, then the year up to now (or its end) — each window once, rated
 * against config/assistants.json.
 */
export async function assessment(ctx: Context, callId: string): Promise<AssessmentRow[]> {
  const call = await loadCall(ctx.store, callId);
  const now = ctx.clock.now().getTime();
  const [assignments, changes, calendar] = await Promise.all([
    assignmentsOf(ctx.store, call.collegeId, call.schoolYear),
    changesOf(ctx.store, call.collegeId, call.schoolYear),
    loadCalendar(ctx.store, now),
  ]);
  const holders = new Map<string, { graduateId: string; name: string; classes: string[]; classIds: string[] }>();
  for (const a of assignments) {
    const change = changes
      .filter((c) => c.classId === a.classId && c.stage === 'confirmed')
      .sort((x, y) => (x.effectiveMonth < y.effectiveMonth ? 1 : -1))[0];
    const who = change
      ? { id: change.incomingUserId, graduateId: change.incomingGraduateId, name: change.incomingName }
      : { id: a.assistantUserId, graduateId: a.graduateId, name: a.assistantName };
    const row = holders.get(who.id) ?? { graduateId: who.graduateId, name: who.name, classes: [], classIds: [] };
    row.classes.push(a.className);
    row.classIds.push(a.classId);
    holders.set(who.id, row);
  }
  if (holders.size === 0) return [];
  const year = calendar.schoolYears.find((y) => y.id === call.schoolYear);
  const first = year?.semesters[0];
  const firstEnd = first ? dateSpan(first.start, first.end).end : Infinity;
  const yearEnd = year ? dateSpan(year.start, year.end).end : Infinity;
  const instants = [...(firstEnd <= now ? [firstEnd - 1] : []), Math.min(now, yearEnd - 1)];
  const scope = { classIds: [...new Set([...holders.values()].flatMap((h) => h.classIds))] };
  const items = new Map<string, DutyItem>();
  for (const at of instants) {
    const evaluation = await evaluateScope(ctx.store, scope, at, { rules: defaultDutyConfig.rules, calendar });
    for (const e of evaluation.evaluations) for (const item of e.items) items.set(item.key, item);
  }
  const summaries = new Map(summarizeBy(items.values(), (i) => [i.personId]).map((s) => [s.id, s]));
  return [...holders.entries()]
    .map(([userId, h]) => {
      const s = summaries.get(userId) ?? { id: userId, total: 0, done: 0, due: 0, overdue: 0, percent: null };
      return {
        graduateId: h.graduateId,
        name: h.name,
        classes: h.classes,
        done: s.done,
        overdue: s.overdue,
        due: s.due,
        percent: s.percent,
        rating: ratingLabel[rateAssistant(s, assistantSettings)],
      };
    })
    .sort((a, b) => a.graduateId.localeCompare(b.graduateId));
}
