import type { ApplicationView, CallSummary, CallView, ChangeView } from '../../types/api/assistants';
import {
  applicationStatusLabel,
  callStageLabel,
  changeStageLabel,
  degreeLabel,
  type Application,
  type Call,
  type Change,
} from '../../types/assistant';
import { Role, roleLabel } from '../../types/domain';
import { assistantSettings, changeWindow, dataChecks, stepLabel } from '../core/assistants';
import { loadCalendar } from '../platform/calendar/stored-calendar';
import type { Store } from '../platform/store/store';
import { collegeClasses } from '../application/repositories/classes';
import { applicationsOf, assignmentsOf, changesOf, graduatesOf, people } from './load';

export function applicationView(a: Application, call: Pick<Call, 'selected'>): ApplicationView {
  return {
    applicationId: a._id,
    graduateId: a.graduateId,
    name: a.name,
    degreeLabel: degreeLabel[a.degree],
    major: a.major,
    form: a.form,
    submittedAt: a.submittedAt,
    status: a.status,
    statusLabel: applicationStatusLabel[a.status],
    checks: a.checks,
    judged: a.judged,
    reasons: a.reasons,
    selected: call.selected.includes(a._id),
    ...(a.checkedByName ? { checkedByName: a.checkedByName } : {}),
    ...(a.checkedAt ? { checkedAt: a.checkedAt } : {}),
  };
}

export function summaryOf(call: Call, applications: number): CallSummary {
  return {
    callId: call._id,
    collegeName: call.collegeName,
    schoolYear: call.schoolYear,
    stage: call.stage,
    stageLabel: callStageLabel[call.stage],
    deadline: call.deadline,
    applicationCount: applications,
    selectedCount: call.selected.length,
  };
}

export function changeView(c: Change): ChangeView {
  return {
    changeId: c._id,
    classId: c.classId,
    className: c.className,
    outgoingName: c.outgoingName,
    incomingName: c.incomingName,
    reason: c.reason,
    filedByName: c.filedByName,
    filedAt: c.filedAt,
    effectiveMonth: c.effectiveMonth,
    stage: c.stage,
    stageLabel: changeStageLabel[c.stage],
    opinion: c.approval?.opinion ?? '',
    ...(c.publicity ? { publicity: c.publicity } : {}),
  };
}

const stepNames: Readonly<Record<string, string>> = stepLabel;
const stepName = (step: string) => stepNames[step] ?? step;

/** Everything a screen of the programme shows about one call, read in a fixed number of queries. */
export async function callView(store: Store, call: Call, now: number): Promise<CallView> {
  const [applications, classes, assignments, changes, users, calendar] = await Promise.all([
    applicationsOf(store, call._id),
    collegeClasses(store, call.collegeId),
    assignmentsOf(store, call.collegeId, call.schoolYear),
    changesOf(store, call.collegeId, call.schoolYear),
    people(store),
    loadCalendar(store, now),
  ]);
  const names = new Map(applications.map((a) => [a._id, a.name]));
  const byClass = new Map(assignments.map((a) => [a.classId, a]));
  const assignedUsers = new Set(assignments.map((a) => a.assistantUserId));
  const window = changeWindow(calendar, call.schoolYear, assistantSettings.changeWindowDays);
  return {
    ...summaryOf(call, applications.length),
    note: call.note,
    publishedAt: call.publishedAt,
    ...(call.collegePublicity ? { collegePublicity: call.collegePublicity } : {}),
    ...(call.schoolPublicity ? { schoolPublicity: call.schoolPublicity } : {}),
    ...(call.review
      ? {
          review: {
            decision: call.review.decision,
            opinion: call.review.opinion,
            byName: call.review.byName,
            at: call.review.at,
          },
        }
      : {}),
    ...(call.confirmedAt ? { confirmedAt: call.confirmedAt } : {}),
    objections: call.objections.map((o) => ({
      ...o,
      applicantName: o.applicationId ? (names.get(o.applicationId) ?? null) : null,
    })),
    steps: call.steps.map((s) => {
      const role = Role.safeParse(s.role);
      return {
        label: stepName(s.step),
        byName: s.byName,
        roleLabel: role.success ? roleLabel[role.data] : '',
        at: s.at,
        ...(s.note ? { note: s.note } : {}),
      };
    }),
    applications: applications.map((a) => applicationView(a, call)),
    judgedItems: assistantSettings.judgedItems,
    classes: classes.map((c) => {
      const a = byClass.get(c._id);
      return {
        classId: c._id,
        name: c.name,
        assistantName: a?.assistantName ?? null,
        applicationId: a?.applicationId ?? null,
      };
    }),
    changes: changes.map(changeView),
    changeWindow: window,
    replacements: graduatesOf(users, call.collegeId)
      .filter((g) => !assignedUsers.has(g._id))
      .map((g) => {
        const failed = dataChecks(g.graduate).filter((c) => !c.ok);
        return {
          userId: g._id,
          name: g.name,
          graduateId: g.graduate.graduateId,
          ok: failed.length === 0,
          note: failed.map((c) => c.note).join('；'),
        };
      }),
    rules: {
      perClassPerMonth: assistantSettings.stipend.perClassPerMonth,
      maxClassesPerAssistant: assistantSettings.maxClassesPerAssistant,
      collegeDays: assistantSettings.publicityDays.college,
      schoolDays: assistantSettings.publicityDays.school,
      changeWindowDays: assistantSettings.changeWindowDays,
    },
  };
}
