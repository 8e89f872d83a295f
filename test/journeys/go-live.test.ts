import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Student } from '../../types/domain';
import { queryAll } from '../../cloudfunctions/platform/store/store';
import { BOOTSTRAP_CLERK, SEMESTER, writeCollegeFiles } from '../support/college-files';
import { Journey, type JourneyApp, type Person } from '../support/journey';
import { openFreshApp } from './steps/fresh-app';
import { publishOnReview } from './steps/publish';
import { tryBinding } from './steps/parent';

jest.setTimeout(300_000);

/**
 * Go-live (issue 13): a fresh install, no demo, brought live from the college's own files. The
 * deployer's bootstrap made one clerk and printed an invite code; everyone else comes from files.
 */
describe('journey: a college goes live from its own files', () => {
  let app: JourneyApp;
  let clerkCode = '';
  let j: Journey;

  beforeAll(async () => {
    ({ app, clerkCode } = await openFreshApp());
  });
  afterAll(async () => {
    await j?.close();
    await app?.close();
  });

  /** A new WeChat joins with the invite code the clerk read out, and lands on their home. */
  async function joins(label: string, code: string, number: string, name: string): Promise<Person> {
    const person = await j.newWechat(label);
    await person.tap('我是学生或教职工，输入邀请码');
    await person.type(person.page.locator('#join-code'), code, '邀请码');
    await person.type(person.page.locator('#join-number'), number, '工号或学号');
    await person.type(person.page.locator('#join-name'), name, '姓名');
    await person.tap(person.page.locator('#join-submit'), '加入');
    return person;
  }

  /** The clerk's 人员与邀请码: one person's code, as shown once on screen. */
  async function inviteFor(clerk: Person, number: string): Promise<string> {
    await clerk.type('.nut-searchbar input', number, '搜索姓名、工号或学号');
    const card = clerk.page.locator(`.person-${number}`);
    await clerk.tap(card.locator('.make-invite'), `生成邀请码（${number}）`);
    await clerk.see(`（${number}）的邀请码`);
    const code = (await clerk.page.locator('.invite-code').first().innerText()).trim();
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    j.note(`the clerk reads ${number}'s invite code ${code} out to them`);
    return code;
  }

  async function importRoster(clerk: Person, kind: string, file: string, counts: RegExp): Promise<void> {
    await clerk.tap(kind);
    await clerk.chooseFile(clerk.page.locator('.choose-roster-file'), file, `选择${kind}文件`);
    await clerk.see(counts);
    await clerk.tap('确认导入');
    await clerk.see('导入完成');
  }

  it('the clerk imports staff, classes, students and a 正方 export; six imported people sign in to their own data; a concern is raised and closed', async () => {
    const files = writeCollegeFiles(mkdtempSync(join(tmpdir(), 'xueye-college-files-')));
    j = new Journey(app, 'go-live');

    // The clerk joins with the code the bootstrap script printed.
    const clerk = await joins('教学秘书', clerkCode, BOOTSTRAP_CLERK.staffNo, BOOTSTRAP_CLERK.name);
    await clerk.see('张秘书 · 教学秘书');
    await clerk.tap('名册导入（学生 · 班级 · 教职工）');
    // The staff list first: the bootstrap clerk is on it already (their phone and office are new).
    await importRoster(clerk, '教职工名单', files.staff, /新增 6 · 变更 1 · 不变 0 · 文件中没有 0 · 有问题 0/);
    await clerk.see('新增 6 · 变更 1 · 不变 0 · 标记离开 0 · 有问题 0');
    await importRoster(clerk, '班级名单', files.classes, /新增 2 · 变更 0/);
    await importRoster(clerk, '学生名单', files.students, /新增 5 · 变更 0/);
    await clerk.see('孙一鸣');
    await clerk.back();

    // The 正方 export, by its own field names; the voided (成绩作废) row is left out.
    await clerk.tap('导入成绩');
    await clerk.chooseFile('选择成绩文件', files.grades);
    await clerk.see('可导入 8 行，有问题 0 行；成绩作废 1 行不导入');
    await clerk.tap('开始导入');
    await clerk.see('已处理 8 行 · 新增 8 · 已存在 0 · 更正 0 · 问题 0');
    await clerk.tap('去运行警示规则');
    expect(await clerk.page.locator('.semester-input input').inputValue()).toBe(SEMESTER);
    await clerk.tap(clerk.page.locator('.run-policy'), '运行警示规则');
    await clerk.see(`${SEMESTER} 学业警示名单`);
    await clerk.see(/本学期正考不及格 3 门/);
    await publishOnReview(clerk);
    // Review → run → grade import → home.
    await clerk.back();
    await clerk.back();
    await clerk.back();

    // The university's thresholds for gxu-ee are the college's to set (the seed leaves them open): audited.
    await clerk.tap('警示政策参数（学校阈值）');
    await clerk.see('本科生学业帮扶（电气工程学院）');
    await clerk.type(
      clerk.page.locator('.param-semester-failed-credits input, input.param-semester-failed-credits').first(),
      '8',
      '预警：本学期不及格学分',
    );
    await clerk.type('.param-reason', '按学校 2026 年新规调整', '调整原因');
    await clerk.tap('保存');
    await clerk.see('预警：本学期不及格学分：10 → 8');
    await clerk.see('张秘书：按学校 2026 年新规调整');
    await clerk.back();

    // Invite codes for the imported people.
    await clerk.tap('人员与邀请码');
    const codes: Record<string, string> = {};
    for (const number of ['T1001', 'T1002', 'T1004', 'T1005', '2024310101'])
      codes[number] = await inviteFor(clerk, number);

    const counselor = await joins('辅导员', codes.T1001 ?? '', 'T1001', '周辅导');
    await counselor.see('周辅导 · 辅导员');
    await counselor.see('生工2401班');
    await counselor.see('生工2402班');

    const head = await joins('班主任', codes.T1002 ?? '', 'T1002', '吴班主');
    await head.see('吴班主 · 班主任');
    await head.see('生工2401班');
    await head.notSee('生工2402班');

    const assistant = await joins('学业助理', codes.T1004 ?? '', 'T1004', '王助理');
    await assistant.see('王助理 · 学业助理');
    await assistant.see('生工2402班');

    const student = await joins('学生', codes['2024310101'] ?? '', '2024310101', '孙一鸣');
    await student.see('孙一鸣');
    await student.see('学业警示');

    // The course teacher (李明, 有机化学 by the export's 授课教师) sees who of their students is warned.
    const teacher = await joins('任课教师', codes.T1005 ?? '', 'T1005', '李明');
    await teacher.see('李明 · 任课教师');
    await teacher.tap('任课学生 · 学业警示 · 反映情况');
    await teacher.see('有机化学（SW201）');
    await teacher.see('学业警示学生（1 人）');
    await teacher.see('学业警示', teacher.page.locator('.warned-2024310101'));
    const mine = teacher.page.locator('.mine-2024310102');
    await teacher.tap(mine.locator('.concern-open'), '反映情况…（钱二妹）');
    await teacher.tap(mine.getByText('缺勤', { exact: true }), '缺勤');
    await teacher.type(mine.locator('textarea'), '第 10–12 周有机化学缺勤 3 次', '情况说明');
    await teacher.tap(mine.locator('.concern-submit'), '提交给辅导员');
    await teacher.see('已提交给辅导员');

    // The parent binds with the counselor's code (the parent's phone on file came from the roster).
    await counselor.tap('警示通知跟踪（家长告知）');
    await counselor.tap('生工2401班');
    const row = counselor.page.locator('#row-2024310101');
    await counselor.tap(row.getByText('孙一鸣', { exact: false }).first(), '孙一鸣');
    await counselor.tap(counselor.page.locator('#create-code-2024310101'), '生成家长绑定码');
    const bindingCode = (await counselor.page.locator('#binding-code').first().innerText()).trim();
    await counselor.see('13900000101', counselor.page.locator('#binding-code-dialog'));
    await counselor.tap('我已告知家长');
    const parent = await j.newWechat('家长');
    await parent.tap('我是家长，输入绑定码');
    const child = {
      _id: '2024310101',
      name: '孙一鸣',
      parentName: '孙建国',
      parentPhone: '13900000101',
    } satisfies Pick<Student, '_id' | 'name' | 'parentName' | 'parentPhone'>;
    await tryBinding(parent, bindingCode, {
      ...child,
      gender: '男',
      classId: '',
      collegeId: 'life',
      cohort: 2024,
      dormId: '',
    });
    await parent.see('绑定成功');
    await parent.see('孙一鸣');
    await parent.tap('查看通知并回执');
    await parent.see('学业警示通知单（家长联）');

    // The counselor's queue holds the concern; closed with an outcome, the teacher is told.
    await counselor.back();
    await counselor.back();
    await counselor.tap('任课教师反映');
    const concern = counselor.page.locator('.concern-2024310102');
    await counselor.see('第 10–12 周有机化学缺勤 3 次', concern);
    await counselor.see('李明老师', concern);
    await counselor.tap(concern.locator('.concern-handle'), '处理…');
    await counselor.type(concern.locator('textarea'), '已与钱二妹谈话，本周起按时上课', '处理结果');
    await counselor.tap(concern.locator('.concern-close'), '处理完毕');
    await counselor.see('已处理，已通知任课教师');
    const [closed] = await queryAll(app.store, 'concerns', { where: { studentId: '2024310102' } });
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: '已与钱二妹谈话，本周起按时上课',
      closedByName: '周辅导',
      teacherName: '李明',
    });

    await teacher.tap('我反映的情况与处理结果');
    await teacher.see('处理结果（周辅导）：已与钱二妹谈话，本周起按时上课');
    // The local timer delivers the outbox message into the teacher's inbox (WeChat subscribeMessage in the cloud).
    await teacher.until(
      'the outcome message in the inbox',
      async () => (await queryAll(app.store, 'inbox', { where: { toUserId: 't-T1005' } })).length > 0,
    );
  });
});
