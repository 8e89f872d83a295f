import { queryAll } from '../../cloudfunctions/platform/store/store';
import { Journey, openJourneyApp, type JourneyApp, type Person } from '../support/journey';
import { demoPeople } from '../support/harness';
import { makeWarning, publishWarning } from '../support/notices-factories';
import { northOf, placeNamed } from '../support/checkins-factories';
import { staff, student as asStudent } from './steps/people';
import { awaitMessage, delivered } from './steps/messages';

jest.setTimeout(300_000);

/** Counts what a person does with their fingers: every tap and every typed field. */
function counted(person: Person) {
  let inputs = 0;
  return {
    get inputs() {
      return inputs;
    },
    async tap(...args: Parameters<Person['tap']>) {
      inputs += 1;
      await person.tap(...args);
    },
    async type(...args: Parameters<Person['type']>) {
      inputs += 1;
      await person.type(...args);
    },
  };
}

/** Issue 11: one talk record, late deadlines shown as 逾期完成, from taps on a phone. */
describe('journey: casework that tells the truth', () => {
  let app: JourneyApp;
  let j: Journey;
  let people: ReturnType<typeof demoPeople>;

  beforeAll(async () => {
    app = await openJourneyApp();
    people = demoPeople(app.demo);
  });
  afterEach(async () => {
    await j?.close();
  });
  afterAll(async () => {
    await app?.close();
  });

  const talksOf = (studentId: string) => queryAll(app.store, 'talks', { where: { studentId } });

  it('the counselor records a routine talk from the caseload in at most 8 inputs', async () => {
    j = new Journey(app, 'routine-talk');
    const counselor = await j.signIn('辅导员', staff(app.demo, people.counselorUser));
    await counselor.tap('帮扶名单与个案');
    const row = counselor.page.locator('.case-row').first();
    await counselor.see('谈话', row);
    const name = (await row.locator('.case-name').innerText()).trim();
    const before = (await queryAll(app.store, 'talks', { where: { actorId: people.counselorUser } })).length;

    // From the caseload on, every tap and typed field counts.
    const hand = counted(counselor);
    await hand.tap(row, name);
    await hand.tap('记录谈话');
    await counselor.see('谈心谈话登记');
    if ((await counselor.page.locator('.talk-place input').first().inputValue()) === '')
      await hand.type('.talk-place', '辅导员办公室', '谈话地点');
    await hand.type('.talk-content', '了解补考准备情况，约定每周汇报复习进度', '谈话内容');
    await hand.tap('我确认以上记录属实（谈话人签名）');
    await hand.tap('保存谈话记录');
    await counselor.see(/辅导员.*第 \d+ 次谈话/);
    j.note(`routine talk from the caseload: ${hand.inputs} inputs (taps and typed fields)`);
    console.log(`routine talk from the caseload: ${hand.inputs} inputs`);
    expect(hand.inputs).toBeLessThanOrEqual(8);
    expect((await queryAll(app.store, 'talks', { where: { actorId: people.counselorUser } })).length).toBe(before + 1);
  });

  it('a quick talk from 我的职责 → 去记录 has its student chosen, appears in the case and counts once', async () => {
    j = new Journey(app, 'quick-talk-from-duties');
    const counselor = await j.signIn('辅导员', staff(app.demo, people.counselorUser));
    await counselor.tap('我的职责');
    await counselor.tap('本学期');
    const duty = counselor.page
      .locator('.duty-row')
      .filter({ hasText: '与学业警示学生谈话（每学期不少于 2 次）' })
      .filter({ hasText: '去记录' })
      .first();
    await counselor.see('与学业警示学生谈话（每学期不少于 2 次）', duty);
    const description = (await duty.locator('.nut-cell-description').innerText()).trim();
    // The unit reads 姓名（班级）.
    const name = (description.split(' · ')[0] ?? '').replace(/（.*$/, '');
    const student = app.demo.students.find(
      (s) =>
        s.name === name &&
        (s.classId === people.firstClass._id ||
          app.demo.classes.some((c) => c._id === s.classId && c.counselorId === people.counselorUser)),
    );
    expect(student).toBeDefined();
    const studentId = student?._id ?? '';
    const before = (await talksOf(studentId)).length;
    await counselor.tap(duty.getByText('去记录', { exact: true }), '去记录');
    await counselor.see('面对面谈话');
    // The student is already chosen: no tap on the roster.
    await counselor.until(
      `${name} chosen`,
      async () => (await counselor.page.locator('.chip-on').filter({ hasText: name }).count()) > 0,
    );
    await counselor.type('.other-summary', '简单了解近况', '谈话内容');
    await counselor.tap('保存记录');
    await counselor.see('谈心谈话已登记');
    const after = await talksOf(studentId);
    expect(after.length).toBe(before + 1);
    const quick = after.find((t) => t.form === 'quick' && t.content === '简单了解近况');
    expect(quick).toMatchObject({ actorId: people.counselorUser, talkerRole: 'counselor' });

    // In the case: on the timeline, and its detail opens.
    await counselor.back();
    await counselor.back();
    await counselor.tap('帮扶名单与个案');
    await counselor.tap(counselor.page.locator('.case-row').filter({ hasText: name }).first(), name);
    const entry = counselor.page
      .locator('.timeline-talk')
      .filter({ hasText: `第 ${quick?.nth ?? 0} 次谈话` })
      .first();
    await counselor.see(`第 ${quick?.nth ?? 0} 次谈话`, entry);
    await counselor.tap(entry, '这次谈话');
    await counselor.see('简单了解近况');
    // Counted once: exactly one talk record, one duty record id.
    const talks = (await talksOf(studentId)).filter((t) => t.content === '简单了解近况');
    expect(talks).toHaveLength(1);
  });

  it('the head teacher’s 14-day talk recorded late shows 逾期完成 on the case, in 我的职责 and on the dashboard', async () => {
    j = new Journey(app, 'late-head-teacher-talk');
    // A student of the class warned (口头警示) on 1 November: the 14 days ended on 15 November.
    const warnings = await queryAll(app.store, 'warnings', { where: { classId: people.firstClass._id } });
    const unwarned = app.demo.students.find(
      (s) => s.classId === people.firstClass._id && !warnings.some((w) => w.studentId === s._id),
    );
    if (!unwarned) throw new Error('every student of the class is warned');
    await publishWarning(
      app.store,
      makeWarning(unwarned, { level: 'oral', levelName: '口头警示', publishedAt: '2026-11-01T10:00:00.000+08:00' }),
    );
    const name = unwarned.name;
    const head = await j.signIn('班主任', staff(app.demo, people.headTeacherUser));
    await head.tap('帮扶名单与个案');
    await head.tap(head.page.locator('.case-row').filter({ hasText: name }).first(), name);
    const line = head.page
      .locator('.nut-cell')
      .filter({ hasText: '警示公布后 14 天内与学生谈话' })
      .filter({ hasText: '班主任' })
      .locator('visible=true')
      .first();
    await head.see('已逾期', line);
    await head.tap('记录谈话');
    if ((await head.page.locator('.talk-place input').first().inputValue()) === '')
      await head.type('.talk-place', '班主任办公室', '谈话地点');
    await head.type('.talk-content', '补谈：了解补考准备', '谈话内容');
    await head.tap('我确认以上记录属实（谈话人签名）');
    await head.tap('保存谈话记录');
    await head.see(
      '逾期完成',
      head.page
        .locator('.nut-cell')
        .filter({ hasText: '警示公布后 14 天内与学生谈话' })
        .filter({ hasText: '班主任' })
        .locator('visible=true')
        .first(),
    );

    await head.open();
    await head.tap('我的职责');
    await head.tap('本学期');
    await head.see(
      '逾期完成',
      head.page
        .locator('.duty-row')
        .filter({ hasText: '警示公布后 14 天内与学生谈话' })
        .filter({ hasText: name })
        .locator('visible=true')
        .first(),
    );
    await head.see(/逾期完成 [1-9]/);

    await head.open();
    await head.tap('班级职责完成情况');
    await head.see(/逾期完成 [1-9]/);
  });

  it('the assistant’s next dorm starts empty, hygiene must be scored, and the forms offer only the assistant’s own kinds', async () => {
    j = new Journey(app, 'checkin-forms');
    const building = app.demo.dorms.find((d) => d.classIds.includes(people.firstClass._id))?.building ?? '';
    const { latitude, longitude } = northOf(placeNamed(building), 10);
    const me = await j.signIn('学业助理', staff(app.demo, people.assistantUser), {
      geolocation: { latitude, longitude },
    });
    await me.tap('查寝 · 查课 · 工作记录');
    await me.tap(me.page.locator('.dorm-choices .chip').first(), '第一间寝室');
    await me.see('在位情况');
    await me.tap('定位并签到');
    await me.see('请为内务卫生评分');
    await me.type('.hygiene-score', '85', '内务卫生评分');
    await me.type('.hygiene-notes', '桌面较乱', '卫生情况说明');
    await me.tap('定位并签到');
    await me.see('查寝已登记');
    await me.tap(me.page.locator('.dorm-choices .chip').nth(1), '第二间寝室');
    await me.see('在位情况');
    expect(await me.page.locator('.hygiene-score input').first().inputValue()).toBe('');
    expect(await me.page.locator('.hygiene-notes textarea').first().inputValue()).toBe('');

    // The other records: only what an assistant's duties count; a short talk says it will not count.
    await me.tap('听课 / 班会 / 活动 / 谈话');
    await me.see('主题活动');
    for (const notMine of ['班主任工作会', '听课', '家长联系']) await me.notSee(new RegExp(`^${notMine}$`));
    await me.tap('面对面谈话');
    await me.type('.other-minutes', '10', '时长（分钟）');
    await me.see('面对面交流满 30 分钟才计入');
  });

  it('a meeting is scheduled → the reminder is in 消息 → the student accepts → minutes are refused before the start and recorded after it', async () => {
    j = new Journey(app, 'meeting-reminder-minutes');
    const teacher = await j.signIn('班主任', staff(app.demo, people.headTeacherUser));
    await teacher.tap('约谈与会议');
    await teacher.tap(
      teacher.page.locator('.chip').filter({ hasText: people.firstClass.name }).first(),
      people.firstClass.name,
    );
    await teacher.tap(teacher.page.locator('.chip').filter({ hasText: '座谈会' }).first(), '座谈会');
    const roster = teacher.page.locator('.meeting-invitees');
    await teacher.tap(roster.locator('.chip').filter({ hasText: people.student.name }).first(), people.student.name);
    await teacher.type('input[placeholder="主题"]', '补考复习座谈', '主题');
    await teacher.type('.meeting-place', '生科楼 305', '地点');
    const before = (await delivered(j, people.studentUser, 'meeting')).length;
    await teacher.tap('安排并提醒');
    const card = teacher.page
      .locator('.meeting-card')
      .filter({ hasText: '补考复习座谈' })
      .locator('visible=true')
      .first();
    await teacher.see(`邀请 ${people.student.name}`);

    // The reminder reaches the student's 消息 (the default lead time is a day; the meeting is tomorrow: now).
    await awaitMessage(j, people.studentUser, 'meeting', before);
    const me = await j.signIn('学生', asStudent(app.demo, people.student._id));
    await me.tap('消息');
    await me.see('补考复习座谈');
    await me.back();
    await me.tap('我的帮扶与约谈');
    const mine = me.page.locator('.meeting-card').filter({ hasText: '补考复习座谈' });
    await me.tap(mine.getByText('确认参加', { exact: true }), '确认参加');
    await me.see('确认参加', mine.locator('.meeting-my-reply'));

    // Before the start the minutes are refused, said on the phone.
    await teacher.open();
    await teacher.tap('约谈与会议');
    await teacher.see(`${people.student.name}：确认参加`, card);
    await teacher.type(card.locator('textarea').first(), '讨论补考复习计划', '会议纪要');
    await teacher.tap(card.getByText('保存记录', { exact: true }), '保存记录');
    await teacher.see('会谈尚未开始');
    // The next day, after it was held: recorded.
    app.clock.advance(25 * 60 * 60 * 1000);
    j.note('a day later (the session of yesterday has expired: sign in again)');
    const again = await j.signIn('班主任（次日）', staff(app.demo, people.headTeacherUser));
    await again.tap('约谈与会议');
    const held = again.page
      .locator('.meeting-card')
      .filter({ hasText: '补考复习座谈' })
      .locator('visible=true')
      .first();
    await again.type(held.locator('textarea').first(), '讨论补考复习计划，约定每周互查', '会议纪要');
    await again.tap(held.getByText('保存记录', { exact: true }), '保存记录');
    await again.see('纪要：讨论补考复习计划，约定每周互查');
  });

  it('a pairing with two helpees goes class → college → school; the bank account is masked except for the school approver', async () => {
    j = new Journey(app, 'pairing-two-helpees');
    const saved = process.env.FIELD_KEY;
    process.env.FIELD_KEY = 'ab'.repeat(32);
    try {
      const warnings = (
        await queryAll(app.store, 'warnings', { where: { classId: people.firstClass._id, status: 'active' } })
      ).sort((a, b) => a.studentId.localeCompare(b.studentId));
      const [first, second] = warnings;
      if (!first || !second) throw new Error('the class has fewer than two warned students');
      const helper = app.demo.students.find(
        (s) => s.classId === people.firstClass._id && !warnings.some((w) => w.studentId === s._id),
      );
      if (!helper) throw new Error('no unwarned student to help');
      const head = await j.signIn('班主任', staff(app.demo, people.headTeacherUser));
      await head.tap('帮扶名单与个案');
      await head.tap(
        head.page.locator('.case-row').filter({ hasText: first.studentName }).locator('visible=true').first(),
        first.studentName,
      );
      await head.tap('朋辈帮扶');
      await head.see('朋辈帮扶申请');
      await head.tap(
        head.page.locator('.chip').filter({ hasText: second.studentName }).locator('visible=true').first(),
        second.studentName,
      );
      await head.see('已选 2 人');
      await head.type('input[placeholder="帮扶人学号"]', helper._id, '帮扶人学号');
      await head.type('textarea[placeholder="学业困难原因"]', '高数与物理基础薄弱', '学业困难原因');
      await head.type('textarea[placeholder="帮扶计划"]', '每周二、四晚自习集中辅导', '帮扶计划');
      await head.type('input[placeholder="帮扶人中国银行账号（加密保存）"]', '6217000012345678901', '银行账号');
      await head.tap('提交申请');
      const card = head.page.locator('.pairing-card').filter({ hasText: helper.name }).locator('visible=true').first();
      await head.see(`${helper.name} → ${first.studentName}、${second.studentName}`, card);
      await head.see('**** 8901', card);
      await head.type(card.locator('textarea').first(), '同学互助意愿强', '班级评议意见');
      await head.tap(card.getByText('同意', { exact: true }), '同意（班级评议）');
      await head.see('班级评议：同意');

      const leader = await j.signIn('院领导', staff(app.demo, people.leaderUser));
      await leader.tap('朋辈帮扶审核（院系审核）');
      const atCollege = leader.page
        .locator('.pairing-card')
        .filter({ hasText: helper.name })
        .locator('visible=true')
        .first();
      await leader.see('**** 8901', atCollege);
      await leader.type(atCollege.locator('textarea').first(), '同意', '院系审核意见');
      await leader.tap(atCollege.getByText('同意', { exact: true }), '同意（院系审核）');
      await leader.see('院系审核：同意');

      const school = await j.signIn('学工部', staff(app.demo, 't-affairs'));
      await school.tap('朋辈帮扶审核（学校审核）');
      const atSchool = school.page
        .locator('.pairing-card')
        .filter({ hasText: helper.name })
        .locator('visible=true')
        .first();
      await school.see('6217000012345678901', atSchool);
      await school.type(atSchool.locator('textarea').first(), '同意，按月发放', '学校审核意见');
      await school.tap(atSchool.getByText('同意', { exact: true }), '同意（学校审核）');
      await school.see('学校审核：同意');
      expect(await head.screenText()).not.toContain('6217000012345678901');
    } finally {
      if (saved === undefined) delete process.env.FIELD_KEY;
      else process.env.FIELD_KEY = saved;
    }
  });
});
