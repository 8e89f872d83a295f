import type { DocumentsApi } from '../../types/api/documents';
import type { Student } from '../../types/domain';
import type { Meeting } from '../../types/support';
import { authorize } from '../core/access/authorize';
import { minutesForm, parentMeetingForm } from '../core/documents/meeting-form';
import { pairingForm } from '../core/documents/pairing-form';
import { planForm } from '../core/documents/plan-form';
import { talkForm } from '../core/documents/talk-form';
import { classTalkLedger, studentTalkLedger } from '../core/documents/talk-ledger';
import { numberTalks } from '../core/support/talk-numbering';
import { classResource, loadClass, loadStudent, studentResource } from '../platform/directory/directory';
import type { Handlers } from '../platform/runtime/define-function';
import type { Store } from '../platform/store/store';
import { orNobody, pairingResourceOf, recordResource } from '../core/access/record-resource';
import { pairingView } from '../application/casework/pairing-view';
import { loadMeeting } from '../application/repositories/meetings';
import { loadPairing } from '../application/repositories/pairings';
import { loadPlan } from '../application/repositories/plans';
import { loadTalk, talksOfClasses, talksOfStudent } from '../application/repositories/talks';
import { answer } from './answer';
import { collegeName, studentNames, studentPhone } from './facts';
import { dayEnd, dayStart, semesterOf } from './period';

export async function subjectOf(store: Store, student: Student) {
  const cls = await store.get('classes', student.classId);
  return {
    studentId: student._id,
    name: student.name,
    gender: student.gender,
    className: cls?.name ?? '',
    phone: await studentPhone(store, student._id),
  };
}

/** A meeting's form: a parent meeting's signed record, else the 座谈会 / 班会 minutes. */
export async function meetingDocument(store: Store, m: Meeting, semester: string) {
  const college = await collegeName(store, m.collegeId);
  const students = await studentNames(store, [...m.studentIds, ...(m.record?.presentIds ?? [])]);
  if (m.kind === 'parentMeeting') {
    const s = students.get(m.studentIds[0] ?? '');
    return parentMeetingForm(m, {
      studentName: s?.name ?? '',
      studentId: s?._id ?? '',
      parentName: m.parentConfirmation?.name ?? s?.parentName ?? '',
      staffNames: m.actorName,
    });
  }
  return minutesForm(m, { collegeName: college, semester, nameOf: (id) => students.get(id)?.name ?? '' });
}

export const caseworkForms: Handlers<
  Pick<DocumentsApi, 'talkForm' | 'studentTalkLedger' | 'classTalkLedger' | 'planForm' | 'pairingForm' | 'meetingForm'>
> = {
  talkForm: {
    permission: 'documents.talks',
    resource: (ctx, input) => orNobody(() => loadTalk(ctx.store, input.talkId), recordResource),
    async run(ctx, { talkId, format }) {
      const talk = await loadTalk(ctx.store, talkId);
      const student = await loadStudent(ctx.store, talk.studentId);
      const nth = numberTalks(await talksOfStudent(ctx.store, talk.studentId)).get(talk._id) ?? talk.nth;
      const doc = talkForm(
        talk,
        await subjectOf(ctx.store, student),
        nth,
        await collegeName(ctx.store, talk.collegeId),
      );
      return answer(ctx, doc, format, talk.collegeId, { studentId: talk.studentId, classId: talk.classId });
    },
  },

  studentTalkLedger: {
    permission: 'documents.talks',
    resource: (ctx, input) => studentResource(ctx.store, input.studentId),
    async run(ctx, { studentId, format }) {
      const student = await loadStudent(ctx.store, studentId);
      const doc = studentTalkLedger({
        talks: await talksOfStudent(ctx.store, studentId),
        subject: await subjectOf(ctx.store, student),
        collegeName: await collegeName(ctx.store, student.collegeId),
      });
      return answer(ctx, doc, format, student.collegeId, { studentId, classId: student.classId });
    },
  },

  classTalkLedger: {
    permission: 'documents.talks',
    resource: (ctx, input) => classResource(ctx.store, input.classId),
    async run(ctx, { classId, period, format }) {
      const cls = await loadClass(ctx.store, classId);
      const all = await talksOfClasses(ctx.store, [classId]);
      const from = dayStart(period.from);
      const to = dayEnd(period.to);
      const talks = all.filter((t) => Date.parse(t.at) >= from && Date.parse(t.at) < to);
      const doc = classTalkLedger({
        talks,
        className: cls.name,
        from: period.from,
        to: period.to,
        allTalksOfStudents: all,
      });
      return answer(ctx, doc, format, cls.collegeId, { classId });
    },
  },

  planForm: {
    permission: 'documents.plan',
    resource: (ctx, input) => orNobody(() => loadPlan(ctx.store, input.planId), recordResource),
    async run(ctx, { planId, format }) {
      const plan = await loadPlan(ctx.store, planId);
      const cls = await ctx.store.get('classes', plan.classId);
      const doc = planForm(plan, {
        collegeName: await collegeName(ctx.store, plan.collegeId),
        major: cls?.major ?? '',
      });
      return answer(ctx, doc, format, plan.collegeId, {
        studentId: plan.studentId,
        classId: plan.classId,
        semester: plan.semester,
      });
    },
  },

  pairingForm: {
    permission: 'documents.pairing',
    resource: (ctx, input) => orNobody(() => loadPairing(ctx.store, input.pairingId), pairingResourceOf),
    async run(ctx, { pairingId, format }) {
      const stored = await loadPairing(ctx.store, pairingId);
      // The support function's view: the account opened only for the school approver at the school stage.
      const view = pairingView(ctx, stored);
      const helper = await ctx.store.get('students', stored.helperId);
      const helperClass = helper ? await ctx.store.get('classes', helper.classId) : null;
      const doc = pairingForm(view, {
        collegeName: await collegeName(ctx.store, stored.collegeId),
        helperMajor: helperClass?.major ?? '',
      });
      return answer(ctx, doc, format, stored.collegeId, { classId: stored.classId });
    },
  },

  meetingForm: {
    permission: 'documents.meeting',
    resource: (ctx, input) =>
      orNobody(
        () => loadMeeting(ctx.store, input.meetingId),
        (m) => ({ classId: m.classId, collegeId: m.collegeId }),
      ),
    async run(ctx, { meetingId, format }) {
      const m = await loadMeeting(ctx.store, meetingId);
      // A parent meeting is about one student: the caller must reach that student too.
      if (m.kind === 'parentMeeting' && m.studentIds[0])
        authorize(ctx.actor, 'documents.meeting', await studentResource(ctx.store, m.studentIds[0]));
      const doc = await meetingDocument(ctx.store, m, await semesterOf(ctx.store, m.at));
      return answer(ctx, doc, format, m.collegeId, {
        classId: m.classId,
        ...(m.kind === 'parentMeeting' && m.studentIds[0] ? { studentId: m.studentIds[0] } : {}),
      });
    },
  },
};
