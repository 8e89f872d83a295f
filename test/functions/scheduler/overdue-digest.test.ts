import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses } from '../../support/build/two-classes';
import { addStudents } from '../../support/build/outbox';
import { makeWarning, publishWarning } from '../../support/notices-factories';
import { queueDeadlineMessages } from '../../../cloudfunctions/application/deadlines/deadline-pass';
import { sendDue } from '../../../cloudfunctions/platform/messenger/send-pass';
import { localSender } from '../../../cloudfunctions/platform/messenger/local-sender';

const DAY = 86_400_000;

/** Issue 9: a counselor received 25+ separate 家长告知已逾期 messages at once. */
describe('家长告知已逾期: one digest per counselor per day', () => {
  let h: EmptyHarness;
  beforeEach(async () => {
    h = await openEmptyHarness();
  });
  afterEach(async () => h.close());

  /** 周辅导 counsels 生工251班 (孙一鸣, 钱二妹, 赵三强 and 10 more: 13) and 生工252班 (13). */
  const seedCounselorOfTwoClasses = () =>
    seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', (b, c) => {
      addStudents(b, c.firstClass, 10, { firstId: 2025311004 });
      const second = b.class({
        id: 'c2025-bioeng-2',
        name: '生工252班',
        departmentId: 'bioeng',
        cohort: 2025,
        major: '生物工程',
        counselor: b.person('t-counselor', '周辅导'),
        headTeacher: b.person('t-head', '吴班主'),
      });
      addStudents(b, second, 13, { firstId: 2025312001 });
    });

  const counselorMessages = async (userId: string) =>
    (await h.store.query('outbox', { where: { kind: 'parentContactOverdue', toUserId: userId }, limit: 1000 })).sort(
      (a, b) => a.sendAfter.localeCompare(b.sendAfter),
    );

  it('26 overdue notices in two classes reach their counselor as one message, counted, once that day', async () => {
    const { built, counselorUser: counselor } = await seedCounselorOfTwoClasses();
    const classes = built.classes.filter((c) => c.counselorId === counselor);
    expect(classes.map((c) => c.name)).toEqual(['生工251班', '生工252班']);
    const students = classes.flatMap((c) => built.students.filter((s) => s.classId === c._id).slice(0, 13));
    expect(students).toHaveLength(26);
    for (const s of students) await publishWarning(h.store, makeWarning(s));
    h.clock.advance(7 * DAY + 1000);

    await queueDeadlineMessages(h.store, h.clock);
    const [digest, ...others] = await counselorMessages(counselor);
    expect(others).toHaveLength(0);
    expect(digest).toMatchObject({
      page: 'packages/staff/notices/index',
      data: { count: '26', note: '新增26人，请尽快联系家长并记录' },
    });
    expect(digest?.data.className).toBe(`${classes[0]?.name}等2个班`);

    // The rest of the day: nothing more, however often the pass runs.
    for (let i = 0; i < 3; i++) {
      h.clock.advance(3 * 3600_000);
      await queueDeadlineMessages(h.store, h.clock);
    }
    expect(await counselorMessages(counselor)).toHaveLength(1);

    // What the counselor reads (the local inbox shows what WeChat would): fitted fields, no names list.
    await sendDue(h.store, localSender(h.store), h.clock, 'test');
    const [item] = await h.store.query('inbox', { where: { toUserId: counselor }, limit: 10 });
    expect(item?.lines.map((l) => `${l.label}：${l.value}`)).toEqual([
      '逾期人数：26',
      `班级：${classes[0]?.name}等2个班`,
      '最早截止：2026年11月30日 09:00',
      '处理建议：新增26人，请尽快联系家长并记录',
    ]);
  });

  it('the next day: no message while nothing new is overdue; one when more become overdue', async () => {
    const people = await seedCounselorOfTwoClasses();
    const counselor = people.counselorUser;
    const students = people.built.students.filter((s) => s.classId === people.firstClass._id);
    for (const s of students.slice(0, 3)) await publishWarning(h.store, makeWarning(s));
    h.clock.advance(7 * DAY + 1000);
    await queueDeadlineMessages(h.store, h.clock);
    expect(await counselorMessages(counselor)).toHaveLength(1);

    h.clock.advance(DAY);
    await queueDeadlineMessages(h.store, h.clock);
    expect(await counselorMessages(counselor)).toHaveLength(1);

    // Two more published a day later than the first three become overdue now.
    const later = new Date(h.clock.now().getTime() - 7 * DAY + 1000).toISOString();
    for (const s of students.slice(3, 5)) await publishWarning(h.store, makeWarning(s, { publishedAt: later }));
    h.clock.advance(2000);
    await queueDeadlineMessages(h.store, h.clock);
    const all = await counselorMessages(counselor);
    expect(all).toHaveLength(2);
    expect(all[1]?.data).toMatchObject({
      count: '5',
      note: '新增2人，请尽快联系家长并记录',
      className: people.firstClass.name,
    });
    expect(all[1]?.page).toBe(`packages/staff/notices/index?classId=${encodeURIComponent(people.firstClass._id)}`);
  });
});
