import { queryAll } from '../../cloudfunctions/platform/store/store';
import { talkTopicLabel } from '../../types/support';
import { Journey, openJourneyApp, type JourneyApp } from '../support/journey';
import { demoPeople } from '../support/harness';
import { staff, student as asStudent } from './steps/people';

jest.setTimeout(180_000);

describe('journey: casework on a phone — a talk that survives closing the app, meetings, pairing approvals', () => {
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

  it('the head teacher records a talk; closing the app and coming back restores the draft', async () => {
    j = new Journey(app, 'talk-draft');
    const head = await j.signIn('班主任', staff(app.demo, people.headTeacherUser));
    await head.tap('帮扶名单与个案');
    const row = head.page.locator('.case-row').first();
    await head.see('谈话', row);
    const name = (await row.locator('.case-name').innerText()).trim();
    const studentId = app.demo.students.find((s) => s.name === name && s.classId === people.firstClass._id)?._id ?? '';
    expect(studentId).not.toBe('');
    await head.tap(row, name);
    await head.tap('记录谈话');
    await head.see('谈心谈话登记');
    await head.tap('电话');
    // Topics start from the last talk's: the head teacher leaves exactly 学业 and 就业及规划 chosen.
    for (const [topic, label] of Object.entries(talkTopicLabel)) {
      const chip = head.page.locator('.chip', { has: head.page.getByText(label, { exact: true }) }).first();
      if ((await chip.count()) === 0) continue;
      const on = (await chip.getAttribute('class'))?.includes('chip-on') ?? false;
      if (on !== (topic === 'academics' || topic === 'career')) await head.tap(chip, label);
    }
    await head.type('.talk-place', '电话（学生在家）', '谈话地点');
    await head.type('.talk-impression', '语气低落，回避谈成绩', '第一印象');
    await head.type('.talk-content', '了解补考未过原因，约定每周日晚汇报复习进度', '谈话内容');
    await head.until('the draft kept on the phone', async () =>
      head.page.evaluate(() => JSON.stringify(window.localStorage).includes('每周日晚汇报')),
    );

    // Closing the app loses nothing: open it again from its root and walk back to the form.
    await head.open();
    await head.tap('帮扶名单与个案');
    await head.tap(head.page.locator('.case-row').filter({ hasText: name }).first(), name);
    await head.tap('记录谈话');
    await head.see('已恢复上次未提交的草稿');
    expect(await head.page.locator('.talk-content textarea').first().inputValue()).toContain('每周日晚汇报');
    await head.tap('我确认以上记录属实（谈话人签名）');
    await head.tap('保存谈话记录');
    await head.see(/班主任.*第 \d+ 次谈话（电话）/);

    const talks = await queryAll(app.store, 'talks', { where: { studentId } });
    expect(talks.find((t) => t.firstImpression === '语气低落，回避谈成绩')).toMatchObject({
      actorId: people.headTeacherUser,
      talkerRole: 'headTeacher',
      mode: 'phone',
      topics: ['academics', 'career'],
    });
  });

  it('a head teacher invites two students to a 座谈会; each sees only their own reply', async () => {
    j = new Journey(app, 'meeting-invitees');
    const teacher = await j.signIn('班主任', staff(app.demo, people.headTeacherUser));
    await teacher.tap('约谈与会议');
    await teacher.tap(
      teacher.page.locator('.chip').filter({ hasText: people.firstClass.name }).first(),
      people.firstClass.name,
    );
    await teacher.tap(teacher.page.locator('.chip').filter({ hasText: '座谈会' }).first(), '座谈会');
    const roster = teacher.page.locator('.meeting-invitees');
    await teacher.see(people.student.name, roster);
    await teacher.type('input[placeholder="主题"]', '学业座谈会', '主题');
    await teacher.type('.meeting-place', '生科楼 302', '地点');
    // None picked: said on the phone, nothing sent.
    await teacher.tap('安排并提醒');
    await teacher.see('座谈会请至少选择一名学生');
    await teacher.tap(roster.locator('.chip').filter({ hasText: people.student.name }).first(), people.student.name);
    await teacher.tap(
      roster.locator('.chip').filter({ hasText: people.classmate.name }).first(),
      people.classmate.name,
    );
    await teacher.see('已选 2 人', roster);
    await teacher.tap('安排并提醒');
    // Issue 11: the card names whom it invites.
    await teacher.see(
      new RegExp(
        `邀请 (${people.student.name}、${people.classmate.name}|${people.classmate.name}、${people.student.name})`,
      ),
    );
    const [meeting] = await queryAll(app.store, 'meetings', { where: { kind: 'collectiveTalk', title: '学业座谈会' } });
    expect([...(meeting?.studentIds ?? [])].sort()).toEqual([people.student._id, people.classmate._id].sort());

    // The classmate asks to move it, with a private reason.
    const classmate = await j.signIn('学生（同班）', asStudent(app.demo, people.classmate._id));
    await classmate.tap('我的帮扶与约谈');
    const theirCard = classmate.page.locator('.meeting-card').filter({ hasText: '学业座谈会' });
    await classmate.type(theirCard.locator('input').first(), '家里有事想请假', '改期原因');
    await classmate.tap(theirCard.getByText('申请改期', { exact: true }), '申请改期');
    await classmate.see('家里有事想请假', theirCard.locator('.meeting-my-reply'));

    // The student sees no reply of theirs (and nothing of the classmate's) until they answer.
    const me = await j.signIn('学生', asStudent(app.demo, people.student._id));
    await me.tap('我的帮扶与约谈');
    const card = me.page.locator('.meeting-card').filter({ hasText: '学业座谈会' });
    await me.see('学业座谈会', card);
    expect(await card.locator('.meeting-my-reply').count()).toBe(0);
    await me.notSee('家里有事想请假');
    await me.tap(card.getByText('确认参加', { exact: true }), '确认参加');
    await me.see('确认参加', card.locator('.meeting-my-reply'));
    await me.notSee('家里有事想请假');
  });

  it('the college leader and the student-affairs office reach pairing approvals from their home; assistants see no plan review', async () => {
    j = new Journey(app, 'pairing-approvals');
    for (const [user, title] of [
      [people.leaderUser, '朋辈帮扶审核（院系审核）'],
      ['t-affairs', '朋辈帮扶审核（学校审核）'],
    ] as const) {
      const person = await j.signIn(title.includes('院系') ? '院领导' : '学工部', staff(app.demo, user));
      await person.tap(title);
      await person.see('朋辈帮扶');
    }
    const assistant = await j.signIn('学业助理', staff(app.demo, people.assistantUser));
    await assistant.see('帮扶名单与个案');
    await assistant.notSee('学习计划审核');
    const head = await j.signIn('班主任', staff(app.demo, people.headTeacherUser));
    await head.see('学习计划审核');
  });
});
