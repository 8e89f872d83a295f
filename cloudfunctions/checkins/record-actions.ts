import { loadClass, loadStudent } from '../platform/directory/directory';
import type { CheckinsApi } from '../../types/api/checkins';
import type { ActionSpec } from '../platform/runtime/define-function';
import { fileRecord } from './file-record';
import { recordQuickTalk } from './quick-talk';
import { byClass, byStudent } from './reach';

type Api = CheckinsApi;

/** A class meeting. */
export const meeting: ActionSpec<Api['meeting']> = {
  ...byClass,
  async run(ctx, input) {
    const cls = await loadClass(ctx.store, input.classId);
    return fileRecord(ctx, input, {
      kind: input.kind,
      collegeId: cls.collegeId,
      classId: cls._id,
      topics: input.topics,
      ...(input.minutes === undefined ? {} : { minutes: input.minutes }),
      // A class meeting counts with its minutes (纪要; rules: 001-1.2).
      documented: input.summary !== '',
      place: null,
      details: { form: 'meeting', title: input.title, summary: input.summary, attendees: input.attendees },
    });
  },
};

/** A themed class activity. */
export const themedActivity: ActionSpec<Api['themedActivity']> = {
  ...byClass,
  async run(ctx, input) {
    const cls = await loadClass(ctx.store, input.classId);
    return fileRecord(ctx, input, {
      kind: 'themedActivity',
      collegeId: cls.collegeId,
      classId: cls._id,
      minutes: input.minutes,
      topics: [input.theme],
      documented: input.summary !== '',
      place: null,
      details: {
        form: 'themedActivity',
        theme: input.theme,
        participants: input.participants,
        summary: input.summary,
      },
    });
  },
};

/** A quick talk with a student (the one talk record of the case). */
export const talk: ActionSpec<Api['talk']> = {
  ...byStudent,
  run: recordQuickTalk,
};

/** A contact with a student's parents. */
export const parentContact: ActionSpec<Api['parentContact']> = {
  ...byStudent,
  async run(ctx, input) {
    const student = await loadStudent(ctx.store, input.studentId);
    return fileRecord(ctx, input, {
      kind: 'parentContact',
      collegeId: student.collegeId,
      classId: student.classId,
      studentId: student._id,
      mode: input.channel,
      documented: input.notes !== '',
      place: null,
      details: { form: 'contact', channel: input.channel, notes: input.notes },
    });
  },
};

/** A contact with one of the class's teachers. */
export const teacherContact: ActionSpec<Api['teacherContact']> = {
  ...byClass,
  async run(ctx, input) {
    const cls = await loadClass(ctx.store, input.classId);
    return fileRecord(ctx, input, {
      kind: 'teacherContact',
      collegeId: cls.collegeId,
      classId: cls._id,
      // Without a user id, the name stands for the teacher (the same name counts as the same teacher).
      teacherId: input.teacherId ?? `name:${input.teacherName}`,
      documented: input.notes !== '',
      place: null,
      details: { form: 'contact', channel: '面谈/电话', notes: input.notes, teacherName: input.teacherName },
    });
  },
};
