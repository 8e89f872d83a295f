import { queryAll } from '../../cloudfunctions/platform/store/store';
import { Journey, openJourneyApp, type JourneyApp, type Person } from '../support/journey';
import { demoPeople } from '../support/harness';
import { publishOnReview, publishWaitingDraft } from './steps/publish';
import { awaitMessage } from './steps/messages';
import { student as asStudent } from './steps/people';

jest.setTimeout(300_000);

/** The student opens their notice from 学业警示通知 and objects with a reason. */
async function object(me: Person, semester: string, reason: string): Promise<void> {
  await me.tap('学业警示通知');
  await me.tap(me.page.locator('.nut-cell').filter({ hasText: semester }).first(), `${semester} 通知`);
  await me.see('学业警示通知单（学生联）');
  await me.tap('内容有误，提出异议');
  await me.type(me.page.locator('textarea').locator('visible=true').first(), reason, '异议原因');
  await me.tap('提交异议');
  await me.see('异议核实中');
}

describe('journey: two students object; the clerk keeps one and corrects the other; the next run keeps the correction', () => {
  let app: JourneyApp;
  let j: Journey;

  beforeAll(async () => {
    app = await openJourneyApp();
  });
  afterEach(async () => {
    await j?.close();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('each student is told and sees the answer; the corrected grade holds in the next run', async () => {
    const people = demoPeople(app.demo);
    const semester = app.demo.timeline.finished[1].id;
    j = new Journey(app, 'objections');
    const { clerk } = await publishWaitingDraft(j, semester);

    // Whom to follow: two warned students of the first class, the second owing exactly one course.
    const warnings = (
      await queryAll(app.store, 'warnings', { where: { classId: people.firstClass._id, status: 'active' } })
    )
      .filter((w) => w.semester === semester)
      .sort((a, b) => a.studentId.localeCompare(b.studentId));
    const corrected = warnings.find((w) => w.failedCourses.length === 1 && w.triggers.length === 1);
    const kept = warnings.find((w) => w.studentId !== corrected?.studentId);
    const course = corrected?.failedCourses[0];
    if (!corrected || !kept || !course) throw new Error(`${people.firstClass.name} has too few warned students`);
    j.note(
      `kept: ${kept.studentName}（${kept.studentId}）; corrected: ${corrected.studentName}（${corrected.studentId}）, course ${course.name}（${course.code}）`,
    );

    const keptStudent = await j.signIn(`学生${kept.studentName}`, asStudent(app.demo, kept.studentId));
    await object(keptStudent, semester, '我认为警示等级偏高，请再核实');
    const correctedStudent = await j.signIn(`学生${corrected.studentName}`, asStudent(app.demo, corrected.studentId));
    await object(correctedStudent, semester, `${course.name}补考成绩应为 75 分，成绩录入有误`);

    // The clerk answers both from 通知异议处理, reading the disputed course's grade rows.
    await clerk.back();
    await clerk.back();
    await clerk.tap('通知异议处理');
    const keptCard = clerk.page.locator('.objection').filter({ hasText: kept.studentId });
    await clerk.see('我认为警示等级偏高', keptCard);
    await clerk.type(keptCard.locator('textarea').first(), '经核对成绩单，警示等级无误', '答复学生');
    await clerk.tap(keptCard.getByText('核实无误，维持', { exact: true }), '核实无误，维持');
    await clerk.see('已维持', keptCard);

    const fixCard = clerk.page.locator('.objection').filter({ hasText: corrected.studentId });
    const rows = fixCard.locator('.objection-grade').filter({ hasText: course.code });
    await clerk.see(`${course.name}（${course.code}）`, fixCard);
    await clerk.tap(fixCard.getByText('需要更正…', { exact: true }), '需要更正…');
    const makeup =
      (await rows.filter({ hasText: '补考' }).count()) > 0 ? rows.filter({ hasText: '补考' }).last() : rows.last();
    await clerk.tap(makeup.getByText('改成绩', { exact: true }), `改成绩（${course.name}）`);
    await clerk.type(makeup.locator('.grade-score'), '75', '更正后的成绩');
    await clerk.type(fixCard.locator('textarea').first(), '经核对教务系统，补考成绩为 75 分，已更正', '答复学生');
    await clerk.tap(fixCard.getByText('发出更正', { exact: true }), '发出更正');
    await clerk.see('已更正', fixCard);

    // Each student is told (消息) and sees the answer on their notice.
    await awaitMessage(j, `s-${kept.studentId}`, 'objectionAnswered', 0);
    await awaitMessage(j, `s-${corrected.studentId}`, 'objectionAnswered', 0);
    await keptStudent.back();
    await keptStudent.back();
    await keptStudent.tap('消息');
    const keptMessage = keptStudent.page.locator('.inbox-item').filter({ hasText: '警示通知异议处理结果' }).first();
    await keptStudent.see('警示通知异议处理结果', keptMessage);
    await keptStudent.tap(keptMessage, '警示通知异议处理结果（消息）');
    await keptStudent.see('已核实：维持原通知');
    await keptStudent.see('经核对成绩单，警示等级无误');

    await correctedStudent.back();
    await correctedStudent.back();
    await correctedStudent.tap('消息');
    const fixMessage = correctedStudent.page.locator('.inbox-item').filter({ hasText: '警示通知异议处理结果' }).first();
    await correctedStudent.see('警示通知异议处理结果', fixMessage);
    await correctedStudent.notSee(/学业警示通知$/, fixMessage);
    await correctedStudent.tap(fixMessage, '警示通知异议处理结果（消息）');
    await correctedStudent.see('补考成绩为 75 分');
    await correctedStudent.notSee('异议核实中');

    // The next run keeps the correction: the course no longer counts, so the student is not listed again.
    await clerk.back();
    await clerk.tap('运行警示规则 · 审核发布名单');
    await clerk.tap(clerk.page.locator('.run-policy'), '运行警示规则');
    await clerk.see(`${semester} 学业警示名单`);
    await clerk.tap(people.firstClass.name);
    const entry = clerk.page.locator(`.entry-${corrected.studentId}`);
    await clerk.until(
      `${corrected.studentName} not warned for ${course.name}`,
      async () => (await entry.count()) === 0 || !(await entry.innerText()).includes(`未通过课程：${course.name}`),
    );
    await publishOnReview(clerk);
    const active = (
      await queryAll(app.store, 'warnings', { where: { studentId: corrected.studentId, status: 'active' } })
    ).filter((w) => w.semester === semester);
    j.note(
      `${corrected.studentId}'s active warnings for ${semester} after the next publish: ${active.map((w) => `${w.levelName} ${w.failedCourses.map((c) => c.code).join('、')}`).join('; ') || 'none'}`,
    );
    expect(active.flatMap((w) => w.failedCourses.map((c) => c.code))).not.toContain(course.code);
  });
});
