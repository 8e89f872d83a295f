import { queryAll } from '../../cloudfunctions/platform/store/store';
import { type Notice } from '../../types/notice';
import type { Student } from '../../types/domain';
import { Journey, openJourneyApp, type JourneyApp } from '../support/journey';
import { demoPeople } from '../support/harness';
import { noticedStudents, parentBound } from './steps/choose';
import { tryBinding } from './steps/parent';
import { publishWaitingDraft, rerunAndPublish } from './steps/publish';
import { staff, student as asStudent } from './steps/people';

jest.setTimeout(240_000);

/**
 * One notice's life, as the people walk it: the clerk publishes, the student reads and signs,
 * the parent binds and returns the receipt, the clerk re-runs with no change. The three journeys
 * run in order on one product.
 */
describe('journey: a warning notice from publishing to the parent receipt, and a re-run that keeps it', () => {
  let app: JourneyApp;
  let j: Journey;
  let semester: string;
  let student: Student;
  let notice: Notice;
  const warningMessages = async (userId: string) =>
    (await queryAll(app.store, 'inbox', { where: { toUserId: userId } })).filter((m) =>
      m._id.startsWith('msg:warningIssued:'),
    );

  beforeAll(async () => {
    app = await openJourneyApp();
    semester = app.demo.timeline.finished[1].id;
  });
  afterEach(async () => {
    await j?.close();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('student: 消息 → the warning message → the notice → signs with a finger; the counselor sees 已签收', async () => {
    const people = demoPeople(app.demo);
    j = new Journey(app, 'student-signs');
    const { confirmedAt } = await publishWaitingDraft(j, semester);

    // Whom to follow: a student of the first class on the list whose parent is not enrolled yet.
    const noticed = (await noticedStudents(app, people.firstClass._id, semester)).filter(
      (n) => !parentBound(app, n.studentId),
    );
    const first = noticed[0];
    const found = app.demo.students.find((s) => s._id === first?.studentId);
    if (!first || !found)
      throw new Error(`no notice in ${people.firstClass.name} for a student with an unbound parent`);
    notice = first;
    student = found;
    j.note(`following ${student.name}（${student._id}）, notice ${notice._id}`);

    // publish (the 确定 tap) → the student's local inbox, through the outbox and the 5 s local timer.
    let toInbox = -1;
    while (performance.now() - confirmedAt < 20_000) {
      if ((await warningMessages(`s-${student._id}`)).some((m) => m._id === `msg:warningIssued:${notice._id}`)) {
        toInbox = performance.now() - confirmedAt;
        break;
      }
      await new Promise((ok) => setTimeout(ok, 50));
    }
    j.note(
      `publish (确定 tapped) → local inbox: ${Math.round(toInbox)} ms (outbox in the publish transaction, 5 s local timer)`,
    );
    expect(toInbox).toBeGreaterThanOrEqual(0);

    const me = await j.signIn('学生', asStudent(app.demo, student._id));
    await me.tap('消息');
    const message = me.page
      .locator('.inbox-item')
      .filter({ hasText: '学业警示通知' })
      .filter({ hasText: semester })
      .first();
    await me.see('学业警示通知', message);
    await me.tap(message, '学业警示通知（消息）');
    await me.see('学业警示通知单（学生联）');
    await me.see('不是纪律处分');
    await me.notSee('无权查看');
    await me.sign('student-signature');
    await me.tap('签收通知');
    await me.see('已签名确认收到');
    const signature = await app.store.get('noticeSignatures', `${notice._id}:student`);
    expect(signature?.image ?? '').not.toBe('');

    // The next person: the class's counselor sees the signature on the tracker.
    const counselor = await j.signIn('辅导员', staff(app.demo, people.counselorUser));
    await counselor.tap('警示通知跟踪（家长告知）');
    await counselor.tap(people.firstClass.name);
    const row = counselor.page.locator(`#row-${student._id}`);
    await counselor.see('已签收', row);
    await counselor.see('家长未绑定', row);
  });

  it('counselor makes a binding code; a new WeChat binds (wrong code, wrong proof, right), opens 家长联, returns the receipt; the tracker shows 已回执', async () => {
    const people = demoPeople(app.demo);
    if (!student) throw new Error('the signing journey found no student to follow');
    j = new Journey(app, 'parent-binds');

    const counselor = await j.signIn('辅导员', staff(app.demo, people.counselorUser));
    await counselor.tap('警示通知跟踪（家长告知）');
    await counselor.tap(people.firstClass.name);
    const row = counselor.page.locator(`#row-${student._id}`);
    await counselor.tap(row.getByText(student.name, { exact: false }).first(), student.name);
    await counselor.tap(counselor.page.locator(`#create-code-${student._id}`), '生成家长绑定码');
    await counselor.see('家长绑定码');
    const code = (await counselor.page.locator('#binding-code').first().innerText()).trim();
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    // The counselor phones the parent: the number on file is shown (the proof is no longer its digits).
    await counselor.see(student.parentPhone, counselor.page.locator('#binding-code-dialog'));
    j.note(`the counselor reads the code ${code} to the parent on the phone`);
    await counselor.tap('我已告知家长');

    const parent = await j.newWechat('家长');
    await parent.tap('我是家长，输入绑定码');
    const wrongCode = code.startsWith('A') ? 'BBBB-CCCC' : 'AAAA-CCCC';
    await tryBinding(parent, wrongCode, student);
    await parent.see('绑定码不正确，请核对后重新输入');
    // The refusal names the code: the code field is framed, its reason under it.
    await parent.see(
      '绑定码不正确，请核对后重新输入',
      parent.page.locator('.form-field-code.form-field-wrong .form-field-fault'),
    );
    await tryBinding(parent, code, student, true);
    await parent.see(/与学院登记的信息不一致/);
    await tryBinding(parent, code, student);
    await parent.see('绑定成功');
    await parent.see(student.name);
    await parent.tap('查看通知并回执');
    await parent.see('学业警示通知单（家长联）');
    await parent.notSee('无权查看');
    await parent.tap(
      parent.page.getByText('我已知悉孩子的学业警示情况', { exact: false }).first(),
      '我已知悉孩子的学业警示情况…',
    );
    await parent.type(
      parent.page.locator('textarea').locator('visible=true').first(),
      '已和孩子谈过，会督促他按计划重修。',
      '给辅导员的留言',
    );
    await parent.sign('parent-signature');
    await parent.tap('提交回执');
    await parent.see('已回执');
    const stored = await app.store.get('notices', notice._id);
    expect(stored?.receipt).toMatchObject({ message: '已和孩子谈过，会督促他按计划重修。' });

    // The counselor comes back to the class's tracker: all green for this student.
    await counselor.back();
    await counselor.tap(people.firstClass.name);
    await counselor.see('已回执', row);
    await counselor.see('家长已绑定', row);
    await counselor.notSee('已逾期', row);
  });

  it('clerk re-runs with no grade change and publishes: signature and receipt are still there, no second notice, no second message', async () => {
    const people = demoPeople(app.demo);
    if (!student) throw new Error('the signing journey found no student to follow');
    j = new Journey(app, 'republish-keeps');
    const before = await warningMessages(`s-${student._id}`);

    const clerk = await j.signIn('教学秘书', staff(app.demo, people.clerkUser));
    await rerunAndPublish(clerk, semester);
    // Give the local timer two rounds to send anything the publish queued.
    await clerk.page.waitForTimeout(11_000);

    const notices = (await queryAll(app.store, 'notices', { where: { studentId: student._id } })).filter(
      (n) => n.semester === semester,
    );
    j.note(
      `notices of ${student._id} for ${semester} after the re-publish: ${notices.map((n) => `${n._id} ${n.status}`).join(', ')}`,
    );
    expect(notices.filter((n) => n.status === 'issued').map((n) => n._id)).toEqual([notice._id]);
    expect((await warningMessages(`s-${student._id}`)).length).toBe(before.length);

    const me = await j.signIn('学生', asStudent(app.demo, student._id));
    await me.tap('学业警示通知');
    await me.see(semester);
    expect(await me.page.locator('.nut-cell').filter({ hasText: semester }).locator('visible=true').count()).toBe(1);
    await me.tap(me.page.locator('.nut-cell').filter({ hasText: semester }).first(), `${semester} 通知`);
    await me.see('已签名确认收到');
    await me.back();
    await me.back();
    await me.tap('消息');
    await me.see('学业警示通知');
    expect(
      await me.page.locator('.inbox-item').filter({ hasText: '学业警示通知' }).filter({ hasText: semester }).count(),
    ).toBe(1);

    const counselor = await j.signIn('辅导员', staff(app.demo, people.counselorUser));
    await counselor.tap('警示通知跟踪（家长告知）');
    await counselor.tap(people.firstClass.name);
    const row = counselor.page.locator(`#row-${student._id}`);
    await counselor.see('已签收', row);
    await counselor.see('已回执', row);
    expect(await counselor.page.locator(`#row-${student._id}`).count()).toBe(1);
  });
});
