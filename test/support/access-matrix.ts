import { randomBytes } from 'node:crypto';
import type { Reach } from '../../cloudfunctions/core/access/permissions';
import { defaultPlaces } from '../../cloudfunctions/core/checkins/places';
import { sealField } from '../../cloudfunctions/platform/crypto/field-cipher';
import { fieldKey } from '../../cloudfunctions/platform/crypto/field-key';
import { type FollowUp } from '../../types/checkin';
import type { ClassInfo, Grant, Role, Student, User } from '../../types/domain';
import type { Meeting, Pairing } from '../../types/support';
import type { EmptyHarness } from './harness';
import { collegeBuilder, parentUser, studentUser, type BuiltCollege } from './build/college';
import { buildCtx } from './build/two-classes';
import { makeWarning, publishWarning, SIGNATURE } from './notices-factories';
import { seedSecondCollege, type SecondCollege } from './second-college';
import { fixedUuid, type Fill } from './zod-inputs';

/** Whose record a matrix cell touches, relative to the home class. */
export type TargetKind = 'own' | 'otherClass' | 'otherDepartment' | 'otherCollege';

/** A student and every record of theirs an action can be aimed at. */
export type Target = {
  kind: TargetKind;
  student: Student;
  /** Another student of the same class (a pairing's helper). */
  classmate: Student;
  cls: ClassInfo;
  owner: { studentId: string; classId: string; collegeId: string; departmentId: string };
  ids: {
    warningId: string;
    noticeId: string;
    meetingId: string;
    pairingId: string;
    planId: string;
    runId: string;
    followUpId: string;
  };
};

/** The callers of the matrix: one user per role, plus a WeChat nobody registered and no caller at all. */
export type Caller = { label: string; userId: string | null; grants: Grant[] };

/**
 * The expected answer, from the permission table alone (an independent reading of it, not the
 * product's `authorize`): does some grant's reach cover a record owned so?
 */
export function tableAllows(
  grants: readonly Grant[],
  table: Partial<Record<Role, Reach>>,
  owner: Target['owner'],
): boolean {
  return grants.some((g) => {
    const reach = table[g.role];
    switch (reach) {
      case undefined:
      case 'self':
        return false;
      case 'school':
        return true;
      case 'own':
        return g.role === 'student' && g.studentId === owner.studentId;
      case 'child':
        return g.role === 'parent' && g.childIds.includes(owner.studentId);
      case 'class':
        return 'classIds' in g && g.classIds.includes(owner.classId);
      case 'college':
        return 'collegeId' in g && g.collegeId === owner.collegeId;
      case 'department':
        return (
          g.role === 'departmentHead' &&
          g.collegeId === owner.collegeId &&
          (owner.departmentId === ANY_DEPARTMENT || g.departmentId === owner.departmentId)
        );
    }
  });
}

/** A college-wide record (a warning run): each department head reaches it, and sees their department's part. */
export const ANY_DEPARTMENT = '*';

/**
 * Who owns what an input aims at: the target student's record, a college-wide run, or — when the
 * input names nothing of the target — the caller's own records (`null`).
 */
export function ownerAimed(input: unknown, target: Target): Target['owner'] | null {
  const text = JSON.stringify(input) ?? '';
  const { runId, ...recordIds } = target.ids;
  // A run is college-wide: the other ids are filters on it (the answer scan checks what they show).
  if (runId !== '' && text.includes(`"${runId}"`)) return { ...target.owner, departmentId: ANY_DEPARTMENT };
  const named = [target.student._id, target.cls._id, target.student.dormId, ...Object.values(recordIds)].some(
    (id) => id !== '' && text.includes(`"${id}"`),
  );
  if (named) return target.owner;
  if (text.includes(`"${target.owner.collegeId}"`))
    return { ...target.owner, studentId: '', classId: '', departmentId: ANY_DEPARTMENT };
  return null;
}

/** Whether the caller holds the permission at all (a list action is then filtered to their reach). */
export function tableHolds(grants: readonly Grant[], table: Partial<Record<Role, Reach>>): boolean {
  return grants.some((g) => table[g.role] !== undefined);
}

const at = '2026-11-20T09:00:00.000+08:00';

async function targetRecords(
  h: EmptyHarness,
  kind: TargetKind,
  student: Student,
  classmate: Student,
  cls: ClassInfo,
  runId: string,
): Promise<Target> {
  const warning = makeWarning(student, {
    _id: `w-matrix-${student._id}`,
    publishedAt: '2026-09-15T10:00:00.000+08:00',
  });
  const issued = await publishWarning(h.store, warning);
  const ctx = { by: cls.counselorId, at };
  const meeting: Omit<Meeting, '_id'> & { _id: string } = {
    _id: `m-matrix-${student._id}`,
    kind: 'collectiveTalk',
    actorId: cls.counselorId,
    actorName: '辅导员',
    at: '2026-12-01T10:00:00.000+08:00',
    title: '座谈会',
    classId: cls._id,
    collegeId: cls.collegeId,
    // A 座谈会 of two: each invitee must see only their own invitation.
    studentIds: [student._id, classmate._id],
    inviteeIds: [`s-${student._id}`, `s-${classmate._id}`],
    plannedMinutes: 30,
    place: '302',
    topics: [],
    remindBeforeMinutes: 60,
    status: 'scheduled',
    responses: [],
    record: null,
    parentConfirmation: null,
    history: [{ startAt: '2026-12-01T10:00:00.000+08:00', at, by: cls.counselorId }],
  };
  await h.store.add('meetings', meeting, ctx);
  const pairingId = `pairing-matrix-${student._id}`;
  const pairing: Pairing = {
    _id: pairingId,
    kind: 'pairing',
    actorId: cls.headTeacherId,
    at,
    helperId: student._id,
    helperName: student.name,
    helpeeIds: [student._id],
    helpeeNames: [student.name],
    classId: cls._id,
    collegeId: cls.collegeId,
    difficulty: 'ability',
    reason: pairingReasonOf(student._id),
    plan: '每周辅导',
    bankName: '',
    bankAccountSealed: sealField(fieldKey(), '6217000012345678901', pairingId),
    bankAccountLast4: '8901',
    status: 'applied',
    approvals: [],
  };
  await h.store.add('pairings', pairing, ctx);
  const followUp: FollowUp = {
    _id: `fu-matrix-${student._id}`,
    reason: 'dormAbsence',
    studentId: student._id,
    studentName: student.name,
    classId: cls._id,
    collegeId: cls.collegeId,
    dormId: student.dormId,
    counselorId: cls.counselorId,
    recordId: `r-matrix-${student._id}`,
    reportedBy: cls.assistantId ?? cls.counselorId,
    at,
    status: 'open',
  };
  await h.store.add('followUps', followUp, ctx);
  const plan = await h.callAs(`s-${student._id}`, 'support', 'savePlan', {
    warningId: warning._id,
    lines: [],
    analysis: '',
    goals: '',
  });
  const planId = plan.ok ? plan.data._id : `plan-${warning._id}`;
  return {
    kind,
    student,
    classmate,
    cls,
    owner: { studentId: student._id, classId: cls._id, collegeId: cls.collegeId, departmentId: cls.departmentId },
    ids: {
      warningId: warning._id,
      noticeId: issued.notice._id,
      meetingId: meeting._id,
      pairingId,
      planId,
      runId,
      followUpId: followUp._id,
    },
  };
}

export type Matrix = { targets: Target[]; callers: Caller[]; second: SecondCollege };

/**
 * The matrix's own college (`life`, departments bioeng and food), three classes of two students,
 * each student in a dorm, each with one passed and (the first of each class) one failed course
 * of 2025-2026-2:
 * - home 生工251班 (2025, bioeng): counselor 周辅导, head teacher 吴班主, assistant 王助理; 孙一鸣's parent is bound;
 * - otherClass 生工241班 (2024, bioeng): counselor 郑辅导, head teacher 冯班主;
 * - otherDepartment 食品251班 (2025, food): 周辅导 again (a counselor's classes cross departments), head teacher 沈班主;
 * and the college's clerk, bioeng head, leader, 学工部 and a course teacher of MA1011.
 */
async function seedMatrixCollege(
  h: EmptyHarness,
): Promise<{ built: BuiltCollege; home: ClassInfo; otherClass: ClassInfo; otherDepartment: ClassInfo }> {
  const b = collegeBuilder({
    id: 'life',
    name: '生命科学与工程学院',
    departments: { bioeng: '生物工程系', food: '食品科学与工程系' },
  });
  const counselor = b.person('t-counselor', '周辅导');
  const home = b.class({
    id: 'c2025-bioeng-1',
    name: '生工251班',
    departmentId: 'bioeng',
    cohort: 2025,
    counselor,
    headTeacher: b.person('t-head-1', '吴班主'),
    assistant: b.person('t-assistant', '王助理'),
  });
  const otherClass = b.class({
    id: 'c2024-bioeng-1',
    name: '生工241班',
    departmentId: 'bioeng',
    cohort: 2024,
    counselor: b.person('t-counselor-2', '郑辅导'),
    headTeacher: b.person('t-head-2', '冯班主'),
  });
  const otherDepartment = b.class({
    id: 'c2025-food-1',
    name: '食品251班',
    departmentId: 'food',
    cohort: 2025,
    counselor,
    headTeacher: b.person('t-head-3', '沈班主'),
  });
  const names = [
    ['孙一鸣', '钱二妹'],
    ['李四海', '周五月'],
    ['吴六一', '郑七七'],
  ];
  [home, otherClass, otherDepartment].forEach((cls, ci) => {
    const dorm = b.dorm({ id: `dorm-${cls._id}`, building: '西区3号楼', room: `A${ci + 1}01`, classes: [cls] });
    (names[ci] ?? []).forEach((name, si) => {
      const student = b.student(cls, {
        id: `${cls.cohort}3${ci + 1}100${si + 1}`,
        name,
        dorm,
        parent: ci === 0 && si === 0,
      });
      b.grade(student, {
        courseCode: 'CH1203',
        courseName: '有机化学',
        credits: 3,
        score: '78',
        semester: '2025-2026-2',
      });
      if (si === 0)
        b.grade(student, {
          courseCode: 'MA1011',
          courseName: '高等数学A（上）',
          credits: 5,
          score: '41',
          semester: '2025-2026-2',
        });
    });
  });
  b.clerk('t-clerk', '张秘书');
  b.departmentHead('t-dept-bioeng', '梅主任', 'bioeng');
  b.leader('t-leader', '高院长');
  b.studentAffairs('t-affairs', '学工部');
  b.courseTeacher('t-course-teacher', '任课教师', ['MA1011']);
  return { built: await b.save(h.store, buildCtx(at)), home, otherClass, otherDepartment };
}

/** The matrix college plus a second one (same department ids), records for four targets, one caller per role. */
export async function seedMatrix(h: EmptyHarness): Promise<Matrix> {
  process.env.FIELD_KEY ??= randomBytes(32).toString('hex');
  const { built, home, otherClass, otherDepartment } = await seedMatrixCollege(h);
  const second = await seedSecondCollege(h.store, at);
  const otherCollege = second.classes.find((c) => c.departmentId === home.departmentId);
  if (!otherCollege) throw new Error('fixtures lack a class for a target');
  const twoOf = (cls: ClassInfo, students: readonly Student[]): [Student, Student] => {
    const [s, t] = students.filter((x) => x.classId === cls._id);
    if (!s || !t) throw new Error(`too few students in ${cls._id}`);
    return [s, t];
  };
  const runs = new Map<string, string>();
  for (const [college, clerk] of [
    [home.collegeId, 't-clerk'],
    [second.college._id, second.people.clerkUser],
  ] as const) {
    const run = await h.callAs(clerk, 'warnings', 'run', { semester: '2025-2026-2' });
    runs.set(college, run.ok ? run.data.runId : `run-missing-${college}`);
  }
  const plan: [TargetKind, ClassInfo, readonly Student[]][] = [
    ['own', home, built.students],
    ['otherClass', otherClass, built.students],
    ['otherDepartment', otherDepartment, built.students],
    ['otherCollege', otherCollege, second.students],
  ];
  const targets: Target[] = [];
  for (const [kind, cls, students] of plan)
    targets.push(await targetRecords(h, kind, ...twoOf(cls, students), cls, runs.get(cls.collegeId) ?? ''));

  const users = new Map<string, User>([...built.users, ...second.users].map((u) => [u._id, u]));
  const own = targets[0];
  if (!own) throw new Error('no own target');
  const pick = (label: string, userId: string): Caller => {
    const u = users.get(userId);
    if (!u) throw new Error(`no user ${userId}`);
    return { label, userId, grants: u.grants };
  };
  const callers: Caller[] = [
    pick('student', studentUser(own.student)),
    pick('parent', parentUser(own.student)),
    pick('assistant', home.assistantId ?? ''),
    pick('counselor', home.counselorId),
    pick('headTeacher', home.headTeacherId),
    pick('courseTeacher', 't-course-teacher'),
    pick('clerk', 't-clerk'),
    pick('departmentHead', 't-dept-bioeng'),
    pick('leader', 't-leader'),
    pick('studentAffairs', 't-affairs'),
    pick('otherCollegeClerk', second.people.clerkUser),
    pick('otherCollegeDepartmentHead', second.people.departmentHeadUser),
    { label: 'unregistered', userId: 'wechat-nobody', grants: [] },
    { label: 'anonymous', userId: null, grants: [] },
  ];
  return { targets, callers, second };
}

/**
 * Input values aimed at one target: every id field names the target's record; times lie where
 * each field expects them (a meeting in the future, a talk in the past).
 */
export function fillFor(target: Target, now: number): Fill {
  const place = defaultPlaces.places[0];
  const values: Record<string, unknown> = {
    studentId: target.student._id,
    helperId: target.classmate._id,
    helpeeIds: [target.student._id],
    studentIds: [target.student._id],
    presentIds: [target.student._id],
    late: [],
    absent: [],
    leftEarly: [],
    classId: target.cls._id,
    dormId: target.student.dormId,
    collegeId: target.owner.collegeId,
    meetingId: target.ids.meetingId,
    pairingId: target.ids.pairingId,
    planId: target.ids.planId,
    noticeId: target.ids.noticeId,
    warningId: target.ids.warningId,
    runId: target.ids.runId,
    followUpId: target.ids.followUpId,
    placeId: place?.id,
    clientId: fixedUuid(),
    bankAccount: '6217000012345678901',
    signature: SIGNATURE,
    start: '2026-09-07',
    end: '2027-01-17',
    startAt: new Date(now + 2 * 86_400_000).toISOString(),
    proposedAt: new Date(now + 3 * 86_400_000).toISOString(),
    at: new Date(now - 3_600_000).toISOString(),
    deviceAt: new Date(now - 60_000).toISOString(),
    sentAt: new Date(now).toISOString(),
  };
  return (key, path) => {
    if (key === 'clientId') return path.length === 1 ? fixedUuid() : undefined;
    if (key === 'residents') return [{ studentId: target.student._id, status: 'present' }];
    return values[key];
  };
}

/** A pairing form's reason, unique per target: an answer holding it shows the form. */
export const pairingReasonOf = (studentId: string) => `帮扶理由${studentId}`;

/** Targets whose pairing form an answer shows (its reason text). */
export function pairingFormsIn(answer: unknown, targets: readonly Target[]): Target[] {
  const text = JSON.stringify(answer) ?? '';
  return targets.filter((t) => text.includes(pairingReasonOf(t.student._id)));
}

export type Named = { kind: string; studentId: string; owner: Target['owner'] };

/** The target students (and their classmates) an answer names, as whole ids, not inside longer numbers. */
export function targetsIn(answer: unknown, targets: readonly Target[]): Named[] {
  const text = JSON.stringify(answer) ?? '';
  const people = targets.flatMap((t): Named[] => [
    { kind: t.kind, studentId: t.student._id, owner: t.owner },
    { kind: `${t.kind} classmate`, studentId: t.classmate._id, owner: { ...t.owner, studentId: t.classmate._id } },
  ]);
  return people.filter((p) => new RegExp(`(?<![0-9A-Za-z])${p.studentId}(?![0-9])`).test(text));
}
