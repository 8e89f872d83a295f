import { queryAll } from '../../cloudfunctions/platform/store/store';
import { Journey, openJourneyApp, type JourneyApp } from '../support/journey';
import { publishWaitingDraft } from './steps/publish';
import { awaitMessage, delivered } from './steps/messages';
import { staff, student as asStudent } from './steps/people';

jest.setTimeout(240_000);

describe('journey: a study plan written, returned, resubmitted and approved', () => {
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

  it('student writes a line per owed course and signs; the head teacher returns it from 学习计划审核; the student resubmits; approved; the student is told', async () => {
    const semester = app.demo.timeline.finished[1].id;
    const secondYear = app.demo.classes.find((c) => c.cohort === app.demo.timeline.cohorts[1]);
    if (!secondYear) throw new Error('no second-year class in the demo');
    j = new Journey(app, 'study-plan');
    await publishWaitingDraft(j, semester);

    // Whom to follow: a second-year student (the head teacher reviews) owing at least two courses.
    const warned = (
      await queryAll(app.store, 'warnings', { where: { classId: secondYear._id, status: 'active' } })
    ).filter((w) => w.semester === semester && w.failedCourses.length >= 2);
    const warning = warned.sort((a, b) => a.studentId.localeCompare(b.studentId))[0];
    if (!warning) throw new Error(`no student of ${secondYear.name} owes two courses in ${semester}`);
    const [firstCourse, ...otherCourses] = warning.failedCourses;
    const lastCourse = otherCourses[otherCourses.length - 1];
    if (!firstCourse || !lastCourse) throw new Error('two courses expected');
    j.note(
      `following ${warning.studentName}（${warning.studentId}）of ${secondYear.name}, owing ${warning.failedCourses.map((c) => c.name).join('、')}`,
    );

    const me = await j.signIn('学生', asStudent(app.demo, warning.studentId));
    await me.tap('我的学习计划');
    for (const c of warning.failedCourses) await me.see(`${c.name}（${c.code}，${c.credits} 学分）`);
    // Every line but the last, then sign: refused with the missing course named.
    for (const c of warning.failedCourses.slice(0, -1))
      await me.type(`.retake-${c.code}`, `${c.name}：第 3–16 周随下一级重修，每周二答疑`, `重修计划（${c.name}）`);
    await me.type('.plan-signature', warning.studentName, '学生签名');
    await me.tap('签名并提交');
    await me.see(new RegExp(`尚缺：.*${lastCourse.name}`));
    // The server's refusal names the field (lines): the retake plans are framed, its reason under them.
    await me.see(
      new RegExp(`请为每门未通过课程写明重修计划，尚缺：.*${lastCourse.name}`),
      me.page.locator('.form-field-lines.form-field-wrong .form-field-fault'),
    );
    await me.type(`.retake-${lastCourse.code}`, '参加学院组织的辅导班', `重修计划（${lastCourse.name}）`);
    await me.tap('签名并提交');
    await me.see('待审核');

    const head = await j.signIn('班主任', staff(app.demo, secondYear.headTeacherId));
    await head.tap('学习计划审核');
    await head.tap(
      head.page.locator('.plan-row').filter({ hasText: warning.studentName }).first(),
      `${warning.studentName} 的计划`,
    );
    await head.notSee('无权查看');
    await head.see('参加学院组织的辅导班');
    const told = (await delivered(j, `s-${warning.studentId}`, 'planReviewed')).length;
    await head.type('.review-opinion', `${lastCourse.name}的计划不够具体，请写明每周安排`, '审核意见');
    await head.tap('退回修改');
    await head.see('已退回修改');

    // The student is told, reads why, edits the line and resubmits.
    await awaitMessage(j, `s-${warning.studentId}`, 'planReviewed', told);
    await me.back();
    await me.tap('消息');
    const returned = me.page.locator('.inbox-item').filter({ hasText: '学习计划审核结果' }).first();
    await me.see('学习计划审核结果', returned);
    await me.tap(returned, '学习计划审核结果（消息）');
    await me.see('已退回修改');
    await me.see('的计划不够具体');
    await me.type(
      `.retake-${lastCourse.code}`,
      '每周四晚参加学院辅导班，周日完成一套习题并交任课老师批改',
      `重修计划（${lastCourse.name}）`,
    );
    await me.type('.plan-signature', warning.studentName, '学生签名');
    await me.tap('签名并提交');
    await me.see('待审核');

    await head.back();
    await head.back();
    await head.tap('学习计划审核');
    await head.tap(
      head.page.locator('.plan-row').filter({ hasText: warning.studentName }).first(),
      `${warning.studentName} 的计划`,
    );
    await head.see('每周四晚参加学院辅导班');
    const toldBefore = (await delivered(j, `s-${warning.studentId}`, 'planReviewed')).length;
    await head.type('.review-opinion', '计划具体可行，按周落实', '审核意见');
    await head.tap('通过');
    await head.see('已通过');
    await awaitMessage(j, `s-${warning.studentId}`, 'planReviewed', toldBefore);

    await me.back();
    await me.back();
    await me.tap('消息');
    const approved = me.page
      .locator('.inbox-item')
      .filter({ hasText: '学习计划审核结果' })
      .filter({ hasText: /通过/ })
      .first();
    await me.see('学习计划审核结果', approved);
    await me.tap(approved, '学习计划审核结果（消息）');
    await me.see('已通过');
    await me.see('计划具体可行，按周落实');

    const [plan] = await queryAll(app.store, 'studyPlans', { where: { studentId: warning.studentId } });
    expect(plan).toMatchObject({
      status: 'approved',
      reviewerRole: 'headTeacher',
      review: { byId: secondYear.headTeacherId, opinion: '计划具体可行，按周落实' },
    });
  });
});
