import { expect } from '@jest/globals';
import { queueCourseTaskReminders } from '../../../cloudfunctions/application/reports/course-task-reminders';
import { queryAll } from '../../../cloudfunctions/platform/store/store';
import { runAndPublish } from '../../support/build/warnings';
import { seedCourseGrades } from '../../support/build/reports';
import type { TwoClasses } from '../../support/build/two-classes';
import { openEmptyHarness, SUITE_DATES, type EmptyHarness } from '../../support/harness';

const S = '2025-2026-1';
const BUILT_AT = '2026-09-01T08:00:00.000+08:00';
const DAY = 86_400_000;
const FOOD_HEAD = 't-dept-food';

/**
 * A department without a head (食品科学与工程系 in seedTwoClasses has none): its course tasks still
 * exist, owned by the college leader (高院长) until a head is appointed, shown and reminded as such;
 * once a head is appointed the tasks pass to them.
 */
describe('course tasks of a department without a head (issue 14)', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  const food = async (user: string) =>
    (await h.ok(user, 'reports', 'courseTasks', { semester: S })).tasks.filter((t) => t.departmentId === 'food');
  const remindersTo = async (userId: string) =>
    (await queryAll(h.store, 'outbox')).filter((m) => m.toUserId === userId && m.kind === 'dutyDueSoon');

  beforeAll(async () => {
    h = await openEmptyHarness(SUITE_DATES.termTime);
    // Over the threshold: MA1011, BI2001, 刘老师 (bioeng, head 梅主任); FS1001, 陈老师 (food, no head).
    p = await seedCourseGrades(h.store, BUILT_AT, S);
    await runAndPublish(h, S);
    await h.ok(p.leaderUser, 'reports', 'openCourseTasks', { semester: S });
  });
  afterAll(() => h.close());

  it('are opened and owned by the college leader, shown as acting until a head is appointed', async () => {
    const tasks = await food(p.leaderUser);
    expect(tasks.map((t) => t.subjectName).sort()).toEqual(['陈老师', '食品化学（FS1001）']);
    for (const t of tasks) expect(t).toMatchObject({ ownerName: '高院长', ownerActing: true });
    const stored = await queryAll(h.store, 'courseTasks');
    expect(stored.filter((t) => t.departmentId === 'food').map((t) => t.ownerId)).toEqual([p.leaderUser, p.leaderUser]);
    // A department with a head: its head, not acting.
    const bioeng = (await h.ok(p.leaderUser, 'reports', 'courseTasks', { semester: S })).tasks.filter(
      (t) => t.departmentId === 'bioeng',
    );
    expect(bioeng).toHaveLength(3);
    for (const t of bioeng) expect(t).toMatchObject({ ownerName: '梅主任', ownerActing: false });
  });

  it('the leader is reminded of them, told the department has no head', async () => {
    h.clock.advance(28 * DAY); // 2026-12-23: within three days of the due day (2026-12-25)
    await queueCourseTaskReminders(h.store, h.clock);
    const toLeader = await remindersTo(p.leaderUser);
    expect(toLeader.map((m) => m.subjectId).sort()).toEqual((await food(p.leaderUser)).map((t) => t.taskId).sort());
    for (const m of toLeader) expect(String(m.data.note)).toContain('代管');
    expect((await remindersTo(p.departmentHeadUser)).length).toBe(3);
  });

  it("the leader standing in may write them, and only them: a headed department task stays its head's", async () => {
    const [mine] = await food(p.leaderUser);
    expect(mine).toMatchObject({ ownerActing: true, canWrite: true });
    const written = await h.ok(p.leaderUser, 'reports', 'writeCourseTask', {
      taskId: mine?.taskId ?? '',
      analysis: '系主任空缺期间由院领导组织分析：实验课时不足',
      measures: '暂由院教学办安排答疑',
      done: false,
    });
    expect(written).toMatchObject({ state: 'due', ownerName: '高院长', ownerActing: true });
    const stored = await h.store.get('courseTasks', mine?.taskId ?? '');
    expect(stored?.history.at(-1)).toMatchObject({ by: p.leaderUser, done: false });

    const headed = (await h.ok(p.leaderUser, 'reports', 'courseTasks', { semester: S })).tasks.find(
      (t) => t.departmentId === 'bioeng',
    );
    expect(headed).toMatchObject({ ownerName: '梅主任', canWrite: false });
    const refused = await h.callAs(p.leaderUser, 'reports', 'writeCourseTask', {
      taskId: headed?.taskId ?? '',
      analysis: '越权填写',
      measures: '越权填写',
    });
    expect(refused).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect((await h.store.get('courseTasks', headed?.taskId ?? ''))?.analysis).not.toBe('越权填写');
  });

  it('once a head is appointed the tasks pass to them (who and when recorded); they are reminded and write them', async () => {
    await h.store.add(
      'users',
      {
        _id: FOOD_HEAD,
        openid: `demo:${FOOD_HEAD}`,
        name: '黄主任',
        grants: [{ role: 'departmentHead', collegeId: 'life', departmentId: 'food' }],
      },
      { by: 'test', at: h.clock.now().toISOString() },
    );
    h.clock.advance(3 * DAY); // 2026-12-26: overdue
    await queueCourseTaskReminders(h.store, h.clock);
    const stored = (await queryAll(h.store, 'courseTasks')).filter((t) => t.departmentId === 'food');
    for (const t of stored)
      expect(t).toMatchObject({ ownerId: FOOD_HEAD, ownerName: '黄主任', updatedBy: 'system:course-task-reminders' });
    const tasks = await food(FOOD_HEAD);
    expect(tasks).toHaveLength(2);
    for (const t of tasks) expect(t).toMatchObject({ ownerName: '黄主任', ownerActing: false, canWrite: true });
    // The overdue reminder goes to the new head; the leader had only the one before.
    expect((await remindersTo(FOOD_HEAD)).map((m) => m.subjectId).sort()).toEqual(tasks.map((t) => t.taskId).sort());
    expect(await remindersTo(p.leaderUser)).toHaveLength(2);
    const [first] = tasks;
    const written = await h.ok(FOOD_HEAD, 'reports', 'writeCourseTask', {
      taskId: first?.taskId ?? '',
      analysis: '实验课时不足',
      measures: '增加实验课与答疑',
      done: true,
    });
    expect(written).toMatchObject({ state: 'done', ownerName: '黄主任', ownerActing: false });
  });

  it('a task opened without an owner (before every department had one) is given one at the next pass', async () => {
    const open = (await queryAll(h.store, 'courseTasks')).find((t) => t.departmentId === 'bioeng' && t.doneAt === null);
    if (!open) throw new Error('no open bioeng task');
    await h.store.update('courseTasks', open._id, { ownerId: null, ownerName: null }, open._version, {
      by: 'test',
      at: h.clock.now().toISOString(),
    });
    await queueCourseTaskReminders(h.store, h.clock);
    expect(await h.store.get('courseTasks', open._id)).toMatchObject({
      ownerId: p.departmentHeadUser,
      ownerName: '梅主任',
    });
  });
});
