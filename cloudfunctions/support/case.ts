import { classIdsFor, collegeIdsFor, isAllowed } from '../core/access/authorize';
import { audienceOf } from '../core/access/audience';
import { pairingResourceOf } from '../core/access/record-resource';
import { defaultDutyConfig } from '../core/duties/defaults';
import { caseDutyRecords, type CaseRecords } from '../core/support/case-duty-records';
import { caseTimeline } from '../core/support/case-timeline';
import { dutyLinesByStudent, type ClassCases } from '../core/support/duty-lines';
import { nextSteps } from '../core/support/next-steps';
import { pairingSummary, redactCase } from '../core/support/redaction';
import { semesterOf, studyYear } from '../core/support/study-year';
import type { CaseloadRow, CaseView, SupportApi } from '../../types/api/support';
import type { DutyRecord } from '../../types/duty';
import type { ClassInfo, User } from '../../types/domain';
import { difficultyLabel, type Meeting } from '../../types/support';
import { caseWarning } from '../application/casework/case-warning';
import { meetingView } from '../application/casework/meeting-view';
import { pairingView } from '../application/casework/pairing-view';
import { planView } from '../application/casework/plan-view';
import { meetingsOfClasses } from '../application/repositories/meetings';
import { pairingsOfStudent } from '../application/repositories/pairings';
import { planOfWarning, plansOfClasses } from '../application/repositories/plans';
import { latestDifficulty, talksOfClasses, talksOfStudent } from '../application/repositories/talks';
import { activeWarningsOfClasses } from '../application/repositories/warnings';
import { concernEntries } from '../application/teaching/case-entries';
import { loadCalendar } from '../platform/calendar/stored-calendar';
import { classesByIds, loadClass, loadStudent, studentResource, usersByIds } from '../platform/directory/directory';
import type { Handlers } from '../platform/runtime/define-function';
import { withReadableTimes } from '../platform/runtime/skip-bad-records';
import { queryAll, type Stored } from '../platform/store/store';
import { noticeEvents, noticesOf } from './case-notices';
import { talkViews } from './talk-views';

function staffOf(cls: ClassInfo, users: Map<string, Stored<User>>): ClassCases['staff'] {
  const people = [
    { personId: cls.counselorId, role: 'counselor' as const },
    { personId: cls.headTeacherId, role: 'headTeacher' as const },
    ...(cls.assistantId ? [{ personId: cls.assistantId, role: 'assistant' as const }] : []),
  ];
  return people.map((p) => ({ ...p, name: users.get(p.personId)?.name ?? p.personId }));
}

/** The class's counselor and head teacher: the people a parent's receipt counts for. */
function keepersIn(classes: ReadonlyMap<string, ClassInfo>): (classId: string) => string[] {
  return (classId) => {
    const c = classes.get(classId);
    return c ? [c.counselorId, c.headTeacherId] : [];
  };
}

/** The records duties count, through the one mapping (core); one record with an unreadable time is reported and left out, never fails the whole case. */
function dutyRecordsFrom(records: CaseRecords): DutyRecord[] {
  return withReadableTimes('dutyRecords', caseDutyRecords(records), ['at']);
}

/** Meetings about one student (a class meeting of the whole class is not part of a case). */
function aboutStudent(m: Meeting, studentId: string): boolean {
  return m.kind !== 'classMeeting' && m.studentIds.includes(studentId);
}

export const caseHandlers: Handlers<Pick<SupportApi, 'caseView' | 'caseload'>> = {
  caseView: {
    permission: 'case.read',
    resource: (ctx, input) => studentResource(ctx.store, input.studentId),
    async run(ctx, { studentId }) {
      const student = await loadStudent(ctx.store, studentId);
      const cls = await loadClass(ctx.store, student.classId);
      const resource = { studentId, classId: student.classId, collegeId: student.collegeId };
      const audience = audienceOf(ctx.actor, resource);
      const now = ctx.nowIso();
      const [warning, talks, difficulty, classMeetings, pairings, filed, notices] = await Promise.all([
        caseWarning(ctx.store, studentId),
        talksOfStudent(ctx.store, studentId),
        latestDifficulty(ctx.store, studentId),
        meetingsOfClasses(ctx.store, [student.classId]),
        pairingsOfStudent(ctx.store, student),
        queryAll(ctx.store, 'dutyRecords', { where: { classId: student.classId, studentId } }),
        noticesOf(ctx.store, studentId),
      ]);
      const plan = warning ? await planOfWarning(ctx.store, warning._id) : null;
      const meetings = classMeetings.filter((m) => aboutStudent(m, studentId)).sort((a, b) => a.at.localeCompare(b.at));

      let duties: CaseView['duties'] = [];
      let dutiesNote: string | null = null;
      if (audience === 'staff' && warning) {
        const users = await usersByIds(ctx.store, [
          cls.counselorId,
          cls.headTeacherId,
          ...(cls.assistantId ? [cls.assistantId] : []),
        ]);
        // The level's one-off duties are rules of the same table (core/duties/level-rules.ts): one evaluator for every view.
        const records = dutyRecordsFrom({
          talks,
          meetings,
          filed,
          notices,
          plans: plan ? [plan] : [],
          keepersOf: keepersIn(new Map([[cls._id, cls]])),
        });
        const result = dutyLinesByStudent(
          [{ classId: cls._id, staff: staffOf(cls, users), warnings: [warning] }],
          records,
          {
            rules: defaultDutyConfig.rules,
            calendar: await loadCalendar(ctx.store, Date.parse(now)),
            now,
          },
        );
        duties = result.lines.get(studentId) ?? [];
        dutiesNote = result.note;
      }
      const planV = plan ? planView(ctx, plan, student.cohort) : null;
      const view: Omit<CaseView, 'timeline'> = {
        audience,
        student: {
          studentId,
          name: student.name,
          classId: cls._id,
          className: cls.name,
          cohort: student.cohort,
          studyYear: studyYear(student.cohort, semesterOf(now)),
        },
        warning: warning
          ? {
              id: warning._id,
              levelName: warning.levelName,
              semester: warning.semester,
              explanation: warning.triggers.map((t) => t.text),
              failedCourses: warning.failedCourses,
              publishedAt: warning.publishedAt,
              manual: warning.manual !== null,
            }
          : null,
        difficulty: difficulty
          ? {
              type: difficulty.type,
              label: difficultyLabel[difficulty.type],
              note: difficulty.note,
              at: difficulty.at,
              byName: difficulty.actorName,
            }
          : null,
        plan: planV,
        talks: talkViews(talks, isAllowed(ctx.actor, 'talk.readNotes', resource)),
        // Staff get the forms under the same rule as the `pairing` action (a clerk reads cases, not forms).
        pairings: pairings
          .filter((p) => audience !== 'staff' || isAllowed(ctx.actor, 'pairing.read', pairingResourceOf(p)))
          .map((p) => pairingView(ctx, p)),
        meetings: meetings.map((m) => meetingView(ctx.actor, m)),
        duties,
        dutiesNote,
        next: [],
        difficultyAction:
          audience !== 'staff'
            ? null
            : isAllowed(ctx.actor, 'difficulty.write', resource)
              ? 'set'
              : isAllowed(ctx.actor, 'checkin.write', resource)
                ? 'report'
                : null,
      };
      const redacted = redactCase({ ...view, timeline: [] }, audience, ctx.actor.userId);
      const next = nextSteps({
        audience,
        hasWarning: warning?.status === 'active',
        planStatus: planV?.status ?? 'none',
        planReported: planV?.report != null,
        reviewerRole: planV?.reviewerRole ?? null,
        talks: talks.length,
        duties: redacted.duties,
        meetings: redacted.meetings,
        now,
      });
      const events = audience === 'parent' ? [] : noticeEvents(notices, audience);
      // A student in a pairing sees who, its status and the plan; staff see the forms themselves.
      const summaries = audience === 'student' ? view.pairings.map(pairingSummary) : [];
      // A course teacher's concerns (issue 13) are in the case for the class staff who handle them.
      const concerns =
        audience === 'staff' && isAllowed(ctx.actor, 'concern.read', resource)
          ? await concernEntries(ctx.store, studentId)
          : [];
      const timeline = [...caseTimeline(redacted, events, summaries), ...concerns].sort((a, b) =>
        a.at === b.at ? 0 : a.at < b.at ? 1 : -1,
      );
      return { ...redacted, next, timeline };
    },
  },

  caseload: {
    permission: 'case.read',
    resource: 'list',
    async run(ctx) {
      const direct = classIdsFor(ctx.actor, 'case.read');
      const colleges = collegeIdsFor(ctx.actor, 'case.read');
      const collegeClasses = colleges.length
        ? await queryAll(ctx.store, 'classes', { where: { collegeId: { in: colleges } } })
        : [];
      const classes = new Map([...(await classesByIds(ctx.store, direct)), ...collegeClasses].map((c) => [c._id, c]));
      const classIds = [...classes.keys()];
      if (classIds.length === 0) return [];
      const warnings = await activeWarningsOfClasses(ctx.store, classIds);
      if (warnings.length === 0) return [];
      const since = warnings.reduce(
        (min, w) => (w.publishedAt < min ? w.publishedAt : min),
        warnings[0]?.publishedAt ?? '',
      );
      const warnedIds = new Set(warnings.map((w) => w.studentId));
      const [talks, meetings, plans, filed, notices] = await Promise.all([
        talksOfClasses(ctx.store, classIds, since),
        meetingsOfClasses(ctx.store, classIds, since),
        plansOfClasses(ctx.store, classIds),
        queryAll(ctx.store, 'dutyRecords', { where: { classId: { in: classIds }, at: { gte: since } } }),
        queryAll(ctx.store, 'notices', { where: { classId: { in: classIds } } }),
      ]);
      const users = await usersByIds(
        ctx.store,
        [...classes.values()].flatMap((c) => [
          c.counselorId,
          c.headTeacherId,
          ...(c.assistantId ? [c.assistantId] : []),
        ]),
      );
      const byClass = [...classes.values()].map((c) => ({
        classId: c._id,
        staff: staffOf(c, users),
        warnings: warnings.filter((w) => w.classId === c._id),
      }));
      const records = dutyRecordsFrom({
        talks: talks.filter((t) => warnedIds.has(t.studentId)),
        meetings,
        filed: filed.filter((r) => r.studentId !== undefined && warnedIds.has(r.studentId)),
        notices: notices.filter((n) => warnedIds.has(n.studentId)),
        plans,
        keepersOf: keepersIn(classes),
      });
      const { lines } = dutyLinesByStudent(byClass, records, {
        rules: defaultDutyConfig.rules,
        calendar: await loadCalendar(ctx.store, ctx.clock.now().getTime()),
        now: ctx.nowIso(),
      });
      const planOf = new Map(plans.map((p) => [p.warningId, p]));
      const rows = warnings.map((w): CaseloadRow => {
        const mine = talks.filter((t) => t.studentId === w.studentId);
        const plan = planOf.get(w._id);
        const duties = lines.get(w.studentId) ?? [];
        return {
          studentId: w.studentId,
          name: w.studentName,
          classId: w.classId,
          className: classes.get(w.classId)?.name ?? w.classId,
          levelName: w.levelName,
          warningId: w._id,
          planStatus: plan?.status ?? 'none',
          talks: mine.length,
          lastTalkAt: mine[mine.length - 1]?.at ?? null,
          overdue: duties.filter((d) => d.status === 'overdue').length,
          next: nextSteps({
            audience: 'staff',
            hasWarning: true,
            planStatus: plan?.status ?? 'none',
            planReported: plan?.report != null,
            reviewerRole: plan?.reviewerRole ?? null,
            talks: mine.length,
            duties,
            meetings: meetings.filter((m) => aboutStudent(m, w.studentId)),
            now: ctx.nowIso(),
          }),
        };
      });
      return rows.sort(
        (a, b) => b.overdue - a.overdue || a.classId.localeCompare(b.classId) || a.studentId.localeCompare(b.studentId),
      );
    },
  },
};
