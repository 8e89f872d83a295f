import type { DutyLine } from '../../../types/api/support';
import type { DutyRecordKind, DutyRule, DutyStatus } from '../../../types/duty';
import type { Role } from '../../../types/domain';
import { roleLabel } from '../../../types/domain';
import type { Duty } from '../../../types/policy';
import type { Meeting, StudyPlan, TalkRecord } from '../../../types/support';
import type { Warning } from '../../../types/warning';
import { shanghai, toIso } from '../time/shanghai';
import { warnedUnitOf } from './duty-lines';

/** The records of one student's case that can meet a level's one-off duties (what the case view loads). */
export type LevelDutyEvidence = {
  talks: readonly Pick<TalkRecord, 'talkerRole' | 'at'>[];
  /** The student's notices: the parent's receipt and the staff's recorded phone calls. */
  notices: readonly { receipt: { at: string } | null; phoneContacts: readonly { at: string; by: string }[] }[];
  meetings: readonly Pick<Meeting, 'kind' | 'status' | 'at' | 'actorId' | 'record'>[];
  plan: Pick<StudyPlan, 'warningId' | 'status'> | null;
};

export type LevelDutyInput = {
  warning: Pick<Warning, '_id' | 'studentId' | 'classId' | 'status' | 'publishedAt' | 'policyId' | 'level' | 'duties'>;
  /** The class's people handling the student: phone calls and meetings count for their role. */
  staff: readonly { personId: string; role: Role; name: string }[];
  evidence: LevelDutyEvidence;
  /** Config rules already counted by dutyLinesByStudent: a level duty they cover is not shown twice. */
  rules: readonly DutyRule[];
  now: string;
};

/** The duty ids of the policy presets this view can count (course-analysis is a department's). */
const counted = { talk: 'talk', 'parent-contact': 'parentContact', 'study-plan': null } as const satisfies Record<string, DutyRecordKind | null>;
type CountedDuty = keyof typeof counted;

const dutyText: Record<CountedDuty, string> = { talk: '与学生谈话', 'parent-contact': '与家长沟通', 'study-plan': '指导学生制定个人学习计划' };

function isCounted(duty: string): duty is CountedDuty {
  return Object.hasOwn(counted, duty);
}

/** "Within N days" of the publication: up to the end of the N-th Shanghai day after it (exclusive end, as the evaluator's windows). */
export function levelDutyDueAt(publishedAt: string, withinDays: number): string {
  return toIso(shanghai(publishedAt).startOf('day').add(withinDays + 1, 'day'));
}

/** A config rule per warned student that already counts this duty for the same role and deadline. */
function coveredByRule(duty: Duty, rules: readonly DutyRule[], tags: readonly string[]): boolean {
  if (!isCounted(duty.duty)) return false;
  const kind = counted[duty.duty];
  return rules.some(
    (r) =>
      r.per === 'warnedStudent' &&
      r.period === 'withinDaysOf' &&
      r.role === duty.role &&
      r.withinDays === duty.withinDays &&
      kind !== null &&
      r.counts.kinds.includes(kind) &&
      (r.appliesTo === undefined || r.appliesTo.tags.some((t) => tags.includes(t))),
  );
}

/** How many records after the publication meet the duty for its role. */
function progressOf(duty: CountedDuty, role: Role, input: LevelDutyInput): number {
  const since = Date.parse(input.warning.publishedAt);
  const after = (at: string) => Date.parse(at) >= since;
  const roleOf = new Map(input.staff.map((s) => [s.personId, s.role]));
  const byRole = (personId: string) => roleOf.get(personId) === role;
  const e = input.evidence;
  switch (duty) {
    case 'talk':
      return e.talks.filter((t) => t.talkerRole === role && after(t.at)).length;
    case 'parent-contact': {
      // The parent's written receipt is the archived contact seed 004 §四.3 asks of counselor and head teacher alike.
      const receipts = e.notices.filter((n) => n.receipt !== null && after(n.receipt.at)).length;
      const calls = e.notices.flatMap((n) => n.phoneContacts).filter((c) => byRole(c.by) && after(c.at)).length;
      const met = e.meetings.filter((m) => m.kind === 'parentMeeting' && m.status !== 'cancelled' && m.record !== null && byRole(m.actorId) && after(m.at)).length;
      return receipts + calls + met;
    }
    case 'study-plan':
      // Written with the head teacher, the plan counts once the student has handed it in for this warning.
      return e.plan !== null && e.plan.warningId === input.warning._id && (e.plan.status === 'submitted' || e.plan.status === 'approved') ? 1 : 0;
  }
}

/**
 * The one-off duties of the student's active warning level (`per: 'once'` with `withinDays`),
 * each done / due / overdue against `now`; a late record still makes it done. Duties per
 * semester / month / quarter are left out: the config rules of config/duties already count
 * them through dutyLinesByStudent, and so is a one-off duty a config rule covers exactly.
 */
export function levelDutyLines(input: LevelDutyInput): DutyLine[] {
  const w = input.warning;
  if (w.status !== 'active') return [];
  const tags = warnedUnitOf(w).tags;
  const now = Date.parse(input.now);
  const lines: DutyLine[] = [];
  for (const duty of w.duties ?? []) {
    if (duty.per !== 'once' || duty.withinDays === undefined || !isCounted(duty.duty)) continue;
    if (coveredByRule(duty, input.rules, tags)) continue;
    const progress = progressOf(duty.duty, duty.role, input);
    const dueAt = levelDutyDueAt(w.publishedAt, duty.withinDays);
    const status: DutyStatus = progress >= duty.count ? 'done' : now >= Date.parse(dueAt) ? 'overdue' : 'due';
    const person = input.staff.find((s) => s.role === duty.role);
    lines.push({
      title: `警示公布后 ${duty.withinDays} 天内${dutyText[duty.duty]}${duty.count > 1 ? `（不少于 ${duty.count} 次）` : ''}`,
      role: roleLabel[duty.role],
      personName: person?.name ?? roleLabel[duty.role],
      required: duty.count,
      progress,
      status,
      dueAt,
    });
  }
  return lines;
}
