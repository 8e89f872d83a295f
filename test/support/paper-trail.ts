import type { Api, FunctionName } from '../../types/api';
import type { Envelope, InputOf, OutputOf } from '../../types/envelope';
import type { Notice } from '../../types/notice';
import type { Student } from '../../types/domain';
import type { Meeting, Pairing, StudyPlan, TalkRecord } from '../../types/support';
import type { Warning } from '../../types/warning';
import { functions } from '../../cloudfunctions/registry';
import type { fixedClock } from '../../cloudfunctions/core/time/clock';
import { toIso } from '../../cloudfunctions/core/time/shanghai';
import type { FileSource } from '../../cloudfunctions/platform/files/file-source';
import type { CollectionName } from '../../cloudfunctions/platform/store/collections';
import { queryAll, type Store } from '../../cloudfunctions/platform/store/store';
import { DEMO_OPENID_PREFIX, type DemoData } from '../../scripts/demo/generate';
import { makeWarning, publishWarning } from './notices-factories';
import { signaturePng } from './signature-png';

/**
 * One warned student's whole paper trail, made through the real functions as the people would:
 * the notice signed and the receipt returned, talks by the counselor and the head teacher, a
 * study plan signed and approved, a pairing through all three approvals, a 座谈会 with minutes
 * and a parent meeting the parent confirmed. For the documents tests and the paper-trail journey.
 */
export type PaperTrail = {
  student: Student;
  helper: Student;
  warning: Warning;
  notice: Notice;
  talks: TalkRecord[];
  plan: StudyPlan;
  pairing: Pairing;
  forum: Meeting;
  parentMeeting: Meeting;
  parentUserId: string;
  bankAccount: string;
};

type Env = { store: Store; clock: ReturnType<typeof fixedClock>; files: FileSource };

export function caller(env: Env) {
  return async function ok<F extends FunctionName, A extends keyof Api[F] & string>(
    userId: string,
    fn: F,
    action: A,
    input: InputOf<Api[F][A]>,
  ): Promise<OutputOf<Api[F][A]>> {
    const target = functions[fn];
    if (!target) throw new Error(`no function ${fn}`);
    const envelope = (await target.dispatch(
      { action, input },
      { ...env, openid: DEMO_OPENID_PREFIX + userId },
    )) as Envelope<OutputOf<Api[F][A]>>;
    if (!envelope.ok)
      throw new Error(`${fn}.${String(action)} as ${userId} failed: ${envelope.code} ${envelope.message}`);
    return envelope.data;
  };
}

const HOUR = 3_600_000;

/** The parent user bound to a student in the demo (half of them are). */
export function boundParentOf(demo: Pick<DemoData, 'users'>, studentId: string): string | undefined {
  return demo.users.find((u) => u.grants.some((g) => g.role === 'parent' && g.childIds.includes(studentId)))?._id;
}

/**
 * Makes the trail in the five days before the clock's time (in office hours when the clock reads
 * about 10:00), then puts the clock back. `warning`:
 * an active published warning of the student (with its notice); made here when not given.
 */
export async function makePaperTrail(
  env: Env,
  demo: Pick<DemoData, 'classes' | 'students' | 'users'>,
  student: Student,
  options: { warning?: Warning } = {},
): Promise<PaperTrail> {
  const ok = caller(env);
  const end = env.clock.now().getTime();
  const at = (hoursBefore: number) => toIso(new Date(end - hoursBefore * HOUR));
  const step = (hoursBefore: number) => env.clock.set(new Date(end - hoursBefore * HOUR));
  const cls = demo.classes.find((c) => c._id === student.classId);
  if (!cls) throw new Error(`no class ${student.classId}`);
  const classmates = demo.students.filter((s) => s.classId === cls._id && s._id !== student._id);
  const helper = classmates[0];
  if (!helper) throw new Error('no classmate');
  const parentUserId = boundParentOf(demo, student._id);
  if (!parentUserId) throw new Error(`the demo parent of ${student._id} is not bound`);

  step(120);
  let warning = options.warning;
  if (!warning) {
    warning = makeWarning(student, { semester: '2025-2026-2', publishedAt: at(120) });
    await publishWarning(env.store, warning);
  }
  const [notice] = (await queryAll(env.store, 'notices', { where: { warningId: warning._id } })).filter(
    (n) => n.status === 'issued',
  );
  if (!notice) throw new Error(`no notice for ${warning._id}`);

  step(117);
  await ok(`s-${student._id}`, 'notices', 'acknowledge', {
    noticeId: notice._id,
    signature: signaturePng(1),
    deviceId: 'device-student-1',
  });
  step(112);
  await ok(parentUserId, 'notices', 'returnReceipt', {
    noticeId: notice._id,
    message: '已与孩子沟通，会督促其按计划重修',
    signature: signaturePng(4),
    deviceId: 'device-parent-1',
  });

  step(92);
  const talk = (talkerRole: 'counselor' | 'headTeacher', hoursBefore: number, content: string) => ({
    studentId: student._id,
    talkerRole,
    initiatedBy: 'teacher' as const,
    mode: 'faceToFace' as const,
    topics: ['academics' as const, 'other' as const],
    otherTopic: '作息',
    at: at(hoursBefore),
    place: talkerRole === 'counselor' ? '辅导员办公室' : '班主任办公室',
    minutes: 30,
    firstImpression: '情绪低落，作息不规律',
    content,
    measures: '约定每周汇报复习进度',
    confirmed: true as const,
  });
  await ok(
    cls.counselorId,
    'support',
    'recordTalk',
    talk('counselor', 93, '了解补考未通过原因，讲明学业警示的解除条件'),
  );
  await ok(cls.headTeacherId, 'support', 'recordTalk', talk('headTeacher', 92.5, '逐门分析未通过课程，商定学习计划'));
  step(68);
  await ok(cls.counselorId, 'support', 'recordTalk', talk('counselor', 68.5, '回访：复习计划执行情况良好'));

  step(66);
  const saved = await ok(`s-${student._id}`, 'support', 'savePlan', {
    warningId: warning._id,
    analysis: '时间管理不当，课前预习不足',
    lines: warning.failedCourses.map((c) => ({
      courseCode: c.code,
      retakePlan: `${c.name}：随下一级重修，每周二答疑，周日完成一套习题`,
    })),
    goals: '本学期不再新增不及格课程',
  });
  await ok(`s-${student._id}`, 'support', 'submitPlan', { planId: saved._id, signature: student.name });
  step(46);
  const reviewer = saved.reviewerRole === 'headTeacher' ? cls.headTeacherId : cls.counselorId;
  await ok(reviewer, 'support', 'reviewPlan', {
    planId: saved._id,
    decision: 'approve',
    opinion: '计划具体可行，同意',
  });

  step(44);
  const bankAccount = '6216610100001234567';
  const applied = await ok(cls.counselorId, 'support', 'applyPairing', {
    helperId: helper._id,
    helpeeIds: [student._id],
    difficulty: 'ability',
    reason: '高等数学基础薄弱',
    plan: '每周两次一对一辅导，每次 1 小时',
    bankName: '中国银行',
    bankAccount,
  });
  await ok(cls.headTeacherId, 'support', 'approvePairingClass', {
    pairingId: applied._id,
    decision: 'approve',
    opinion: '同意结对',
  });
  await ok('t-leader', 'support', 'approvePairingCollege', {
    pairingId: applied._id,
    decision: 'approve',
    opinion: '同意',
  });
  await ok('t-affairs', 'support', 'approvePairingSchool', {
    pairingId: applied._id,
    decision: 'approve',
    opinion: '同意发放补贴',
  });

  step(42);
  const invited = [student, ...classmates.slice(1, 4)].map((s) => s._id);
  const forum = await ok(cls.counselorId, 'support', 'scheduleMeeting', {
    kind: 'collectiveTalk',
    title: '学业预警学生座谈会',
    classId: cls._id,
    studentIds: invited,
    startAt: at(26),
    plannedMinutes: 60,
    place: '学院会议室',
    topics: ['warningPolicy'],
  });
  const parent = await ok(cls.counselorId, 'support', 'scheduleMeeting', {
    kind: 'parentMeeting',
    title: '家长面谈',
    classId: cls._id,
    studentIds: [student._id],
    startAt: at(22),
    plannedMinutes: 45,
    place: '学院会议室',
  });
  step(24.5);
  await ok(cls.counselorId, 'support', 'recordMeeting', {
    meetingId: forum._id,
    summary: '讲解学业警示政策与解除条件；学生逐一发言，说明困难与打算。',
    minutes: 60,
    presentIds: invited.slice(0, 3),
  });
  step(20);
  await ok(cls.counselorId, 'support', 'recordMeeting', {
    meetingId: parent._id,
    summary: '告知降级风险，家长同意每周电话跟进',
    minutes: 45,
    presentIds: [student._id],
  });
  step(17);
  await ok(parentUserId, 'support', 'confirmParentMeeting', { meetingId: parent._id });
  env.clock.set(new Date(end));

  const get = async <C extends CollectionName>(collection: C, id: string) => {
    const doc = await env.store.get(collection, id);
    if (!doc) throw new Error(`missing ${collection}/${id}`);
    return doc;
  };
  return {
    student,
    helper,
    warning,
    notice: await get('notices', notice._id),
    talks: await queryAll(env.store, 'talks', {
      where: { studentId: student._id },
      orderBy: [{ field: 'at', direction: 'asc' }],
    }),
    plan: await get('studyPlans', saved._id),
    pairing: await get('pairings', applied._id),
    forum: await get('meetings', forum._id),
    parentMeeting: await get('meetings', parent._id),
    parentUserId,
    bankAccount,
  };
}
