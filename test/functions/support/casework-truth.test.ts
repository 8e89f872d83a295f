import { randomUUID } from 'node:crypto';
import { migrateQuickTalks } from '../../../cloudfunctions/checkins/migrate-quick-talks';
import { queueDutyReminders } from '../../../cloudfunctions/application/duties/reminders-job';
import { toIso } from '../../../cloudfunctions/core/time/shanghai';
import { type DutyRecordDoc } from '../../../types/checkin';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { CASEWORK_BUILT_AT } from '../../support/build/casework';
import { sentFrom } from '../../support/checkins-factories';
import { makeWarning, publishWarning } from '../../support/notices-factories';
import { talkInput } from '../../support/support-factories';

const DAY = 86_400_000;
const TALK_14 = '警示公布后 14 天内与学生谈话';

/** Issue 11, defects 1–3: one talk history; late is 逾期完成; level duties everywhere, from one evaluator. */
describe('casework and duties that tell the truth', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  let noticeId: string;
  beforeAll(async () => {
    h = await openEmptyHarness(); // 2026-11-23 09:00, the warning's publication
    people = await seedTwoClasses(h.store, CASEWORK_BUILT_AT); // 孙一鸣 of 生工251班 is warned
    const { notice } = await publishWarning(
      h.store,
      makeWarning(people.student, { level: 'oral', levelName: '口头警示' }),
    );
    noticeId = notice._id;
    h.clock.advance(3600_000);
  });
  afterAll(() => h.close());

  const caseOf = (user: string) => h.ok(user, 'support', 'caseView', { studentId: people.student._id });

  it('1. a quick talk (签到与记录 → 面对面谈话) is the one talk record: case, timeline, caseload, n-th number, duties — counted once', async () => {
    const quick = await h.ok(people.counselorUser, 'checkins', 'talk', {
      ...sentFrom(h.clock),
      studentId: people.student._id,
      mode: 'faceToFace',
      minutes: 25,
      notes: '谈学习安排',
    });
    const view = await caseOf(people.counselorUser);
    expect(view.talks).toEqual([
      expect.objectContaining({
        _id: quick.recordId,
        nth: 1,
        content: '谈学习安排',
        minutes: 25,
        talkerRole: 'counselor',
      }),
    ]);
    expect(view.timeline.some((e) => e.kind === 'talk' && e.refId === quick.recordId)).toBe(true);
    const row = (await h.ok(people.counselorUser, 'support', 'caseload', {})).find(
      (r) => r.studentId === people.student._id,
    );
    expect(row?.talks).toBe(1);
    // The full form's next talk is the second with this talker.
    expect(
      (await h.ok(people.counselorUser, 'support', 'talkDefaults', { studentId: people.student._id })).nextNth,
    ).toBe(2);
    // The counselor's 14-day talk is met by it, once.
    const line = view.duties.find((d) => d.title === TALK_14 && d.role === '辅导员');
    expect(line).toMatchObject({ status: 'done', progress: 1 });
    const mine = await h.ok(people.counselorUser, 'duties', 'myDuties', { scope: 'semester' });
    const item = mine.items.find(
      (i) => i.ruleId === 'level-lzut-life-talk-counselor-14d' && i.unit.id === people.student._id,
    );
    expect(item).toMatchObject({ status: 'done', progress: 1, recordIds: [quick.recordId] });
    const twice = mine.items.find(
      (i) => i.ruleId === 'counselor-talks-warned-twice-semester' && i.unit.id === people.student._id,
    );
    expect(twice?.progress).toBe(1);
    // A resend of the same phone id is the same talk.
    const again = await h.ok(people.counselorUser, 'checkins', 'talk', {
      ...sentFrom(h.clock, { clientId: (await h.store.get('talks', quick.recordId))?.clientId ?? '' }),
      studentId: people.student._id,
      mode: 'faceToFace',
      minutes: 25,
    });
    expect(again).toMatchObject({ recordId: quick.recordId, duplicate: true });
    expect((await caseOf(people.counselorUser)).talks).toHaveLength(1);
  });

  it('2–3. the head teacher’s 14-day talk is in 我的职责 and the reminders; recorded late it is 逾期完成 on the case, in 我的职责 and on the dashboard', async () => {
    const before = await h.ok(people.headTeacherUser, 'duties', 'myDuties', { scope: 'semester' });
    expect(
      before.items.find((i) => i.ruleId === 'level-lzut-life-talk-headteacher-14d' && i.unit.id === people.student._id),
    ).toMatchObject({ status: 'due', dueAt: '2026-12-08T00:00:00.000+08:00' });

    // Day 11: the reminder for the level duty is queued like any other duty's.
    h.clock.advance(11 * DAY);
    await queueDutyReminders(h.store, h.clock);
    const outbox = await h.store.query('outbox', { where: { toUserId: people.headTeacherUser } });
    expect(outbox.some((m) => m._id.includes('level-lzut-life-talk-headteacher-14d'))).toBe(true);

    // Day 30: the talk happens long after the deadline.
    h.clock.advance(19 * DAY);
    await h.ok(
      people.headTeacherUser,
      'support',
      'recordTalk',
      talkInput(people.student._id, { talkerRole: 'headTeacher', at: h.clock.now().toISOString() }),
    );
    const line = (await caseOf(people.headTeacherUser)).duties.find((d) => d.title === TALK_14 && d.role === '班主任');
    expect(line).toMatchObject({ status: 'lateDone', progress: 1 });
    const mine = await h.ok(people.headTeacherUser, 'duties', 'myDuties', { scope: 'semester' });
    expect(
      mine.items.find((i) => i.ruleId === 'level-lzut-life-talk-headteacher-14d' && i.unit.id === people.student._id),
    ).toMatchObject({ status: 'lateDone', lateRecordIds: [expect.any(String)] });
    expect(mine.tally.lateDone).toBeGreaterThanOrEqual(1);
    const board = await h.ok(people.leaderUser, 'duties', 'staffCompliance', { sort: 'worst' });
    const row = board.rows.find((r) => r.id === people.headTeacherUser);
    expect(row?.lateDone).toBeGreaterThanOrEqual(1);
  });

  it('3. a phone call recorded on the notice counts toward the parent-contact duty of whoever called, in 我的职责', async () => {
    await h.ok(people.counselorUser, 'notices', 'recordPhoneContact', {
      noticeId,
      at: h.clock.now().toISOString(),
      summary: '电话告知家长',
    });
    const mine = await h.ok(people.counselorUser, 'duties', 'myDuties', { scope: 'semester' });
    const follow = mine.items.find(
      (i) => i.ruleId === 'counselor-parent-follow-up-of-warned' && i.unit.id === people.student._id,
    );
    expect(follow).toMatchObject({ status: 'done', progress: 1 });
    // The 7-day notice to parents was missed, then made: 逾期完成, not on time.
    expect(
      mine.items.find((i) => i.ruleId === 'counselor-notify-parents-of-warned' && i.unit.id === people.student._id),
    ).toMatchObject({ status: 'lateDone' });
  });

  it('1. migration: an old quick talk in dutyRecords becomes the talk record, once', async () => {
    const student = people.classmate;
    const old: DutyRecordDoc = {
      _id: `rec_${people.counselorUser}_${randomUUID()}`,
      kind: 'talk',
      actorId: people.counselorUser,
      at: toIso(h.clock.now()),
      receivedAt: toIso(h.clock.now()),
      collegeId: student.collegeId,
      classId: student.classId,
      studentId: student._id,
      minutes: 20,
      mode: 'phone',
      documented: true,
      clientId: 'c1',
      deviceAt: h.clock.now().toISOString(),
      sentAt: h.clock.now().toISOString(),
      flags: [],
      details: { form: 'talk', notes: '旧记录' },
    };
    await h.store.add('dutyRecords', old, { by: 'test', at: h.clock.now().toISOString() });
    expect(await migrateQuickTalks(h.store, h.clock)).toBe(1);
    expect(await migrateQuickTalks(h.store, h.clock)).toBe(0);
    expect(await h.store.get('dutyRecords', old._id)).toBeNull();
    expect(await h.store.get('talks', old._id)).toMatchObject({
      studentId: student._id,
      form: 'quick',
      mode: 'phone',
      content: '旧记录',
      talkerRole: 'counselor',
      nth: 1,
    });
  });
});

describe('a saved talk opens in a detail view', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    people = await seedTwoClasses(h.store, CASEWORK_BUILT_AT);
  });
  afterAll(() => h.close());

  it('staff with notes see the first impression; the student sees content and measures only; a parent and another class are refused', async () => {
    const saved = await h.ok(
      people.counselorUser,
      'support',
      'recordTalk',
      talkInput(people.student._id, { firstImpression: '情绪低落', content: '谈补考安排', measures: '每周复盘' }),
    );
    const staff = await h.ok(people.counselorUser, 'support', 'talk', { talkId: saved._id });
    expect(staff).toMatchObject({ content: '谈补考安排', measures: '每周复盘', firstImpression: '情绪低落', nth: 1 });
    const own = await h.ok(people.studentUser, 'support', 'talk', { talkId: saved._id });
    expect(own).toMatchObject({ content: '谈补考安排', measures: '每周复盘' });
    expect('firstImpression' in own).toBe(false);
    expect(await h.callAs(people.parentUser, 'support', 'talk', { talkId: saved._id })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    expect(await h.callAs(people.otherCounselorUser, 'support', 'talk', { talkId: saved._id })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    expect(await h.callAs(people.classmateUser, 'support', 'talk', { talkId: saved._id })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
  });
});
