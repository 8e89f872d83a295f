import type { ApplicationForm, GraduateCourse } from '../../../types/assistant';
import type { Store } from '../../../cloudfunctions/platform/store/store';
import type { EmptyHarness } from '../../support/harness';
import { collegeBuilder } from '../../support/build/college';
import { buildCtx } from '../../support/build/two-classes';

/** The programme's people and the steps the function tests share. */
export const who = {
  clerk: 't-clerk',
  leader: 't-leader',
  affairs: 't-affairs',
  lin: 'g-lin',
  zhou: 'g-zhou',
  chen: 'g-chen',
  zhao: 'g-zhao',
  sun: 'g-sun',
} as const;

/** A clean transcript of a graduate who entered in `year`. */
const clean = (year: number): GraduateCourse[] => [
  { courseName: '高级生物化学', semester: `${year}-${year + 1}-1`, score: '88', attempt: 'regular' },
  { courseName: '现代仪器分析', semester: `${year}-${year + 1}-1`, score: '良好', attempt: 'regular' },
  { courseName: '学术英语', semester: `${year}-${year + 1}-2`, score: '91', attempt: 'regular' },
];

/**
 * The college the programme runs in (`life`): clerk 张秘书, leader 高院长, 学工部, the bioeng head;
 * three classes of one student each, 生工241班 and 生工242班 served by the assistant 王助理,
 * 食品241班 by none; five graduates who may apply: 林雨桐, 周子航 (clean), 陈思远 (a retake of
 * 分子生物学进展), 赵一鸣 (a doctoral student) and 孙可欣 (a part-time counselor).
 */
export async function seedProgrammeCollege(store: Store, at: string) {
  const b = collegeBuilder({
    id: 'life',
    name: '生命科学与工程学院',
    departments: { bioeng: '生物工程系', food: '食品科学与工程系' },
  });
  b.clerk(who.clerk, '张秘书');
  b.leader(who.leader, '高院长');
  b.studentAffairs(who.affairs, '学工部');
  b.departmentHead('t-dept-bioeng', '梅主任', 'bioeng');
  const counselor = b.person('t-counselor', '周辅导');
  const previousAssistant = b.person('t-assistant', '王助理');
  const classes = [
    b.class({
      id: 'c2024-bioeng-1',
      name: '生工241班',
      departmentId: 'bioeng',
      cohort: 2024,
      counselor,
      headTeacher: b.person('t-head-1', '吴班主'),
      assistant: previousAssistant,
    }),
    b.class({
      id: 'c2024-bioeng-2',
      name: '生工242班',
      departmentId: 'bioeng',
      cohort: 2024,
      counselor,
      headTeacher: b.person('t-head-2', '郑班主'),
      assistant: previousAssistant,
    }),
    b.class({
      id: 'c2024-food-1',
      name: '食品241班',
      departmentId: 'food',
      cohort: 2024,
      counselor,
      headTeacher: b.person('t-head-3', '冯班主'),
    }),
  ];
  classes.forEach((c, i) => b.student(c, { id: `202431100${i + 1}`, name: ['孙一鸣', '钱二妹', '李四海'][i] ?? '' }));
  const base = { fullTime: true, enrolled: true, partTimeCounselor: false, degree: 'master', entryYear: 2024 } as const;
  b.graduate(who.lin, '林雨桐', { ...base, graduateId: '2024201001', major: '生物工程', record: clean(2024) });
  b.graduate(who.zhou, '周子航', { ...base, graduateId: '2024201002', major: '食品科学与工程', record: clean(2024) });
  b.graduate(who.chen, '陈思远', {
    ...base,
    graduateId: '2024201003',
    major: '生物工程',
    record: [...clean(2024), { courseName: '分子生物学进展', semester: '2024-2025-2', score: '72', attempt: 'retake' }],
  });
  b.graduate(who.zhao, '赵一鸣', {
    ...base,
    graduateId: '2023202001',
    degree: 'doctor',
    major: '生物化学与分子生物学',
    entryYear: 2023,
    record: clean(2023),
  });
  b.graduate(who.sun, '孙可欣', {
    ...base,
    graduateId: '2024201005',
    major: '食品科学与工程',
    partTimeCounselor: true,
    record: clean(2024),
  });
  const built = await b.save(store, buildCtx(at));
  return { built, classes, counselorUser: counselor.userId, previousAssistantUser: previousAssistant.userId };
}

export const form = (extra: Partial<ApplicationForm> = {}): ApplicationForm => ({
  gender: '女',
  politicalStatus: '共青团员',
  phone: '13800001111',
  undergraduateMajor: '生物技术',
  experience: '本科期间任班长，参加志愿服务 120 小时',
  reason: '愿意帮助本科生提升学业',
  financialNeed: false,
  ...extra,
});

export const allJudgedOk = [
  { item: 'political', ok: true, note: '' },
  { item: 'abilities', ok: true, note: '英语六级 560' },
  { item: 'league', ok: true, note: '2024 年优秀共青团员' },
  { item: 'fitness', ok: true, note: '' },
  { item: 'conduct', ok: true, note: '' },
  { item: 'financialNeed', ok: false, note: '' },
];

export const SCHOOL_YEAR = '2026-2027';
export const CALL_ID = 'call:life:2026-2027';

/** Shanghai wall time → the harness clock. */
export const at = (h: EmptyHarness, local: string) => h.clock.set(`${local}+08:00`);

/** Publish, three applications, the checks (陈思远 refused for a retake), the group's choice. */
export async function throughDecision(h: EmptyHarness): Promise<{ lin: string; zhou: string; chen: string }> {
  const { callId } = await h.ok(who.clerk, 'assistants', 'publishCall', {
    schoolYear: SCHOOL_YEAR,
    deadline: '2026-09-13',
    note: '',
  });
  const lin = (await h.ok(who.lin, 'assistants', 'apply', { callId, form: form() })).applicationId;
  const zhou = (await h.ok(who.zhou, 'assistants', 'apply', { callId, form: form({ gender: '男' }) })).applicationId;
  const chen = (await h.ok(who.chen, 'assistants', 'apply', { callId, form: form() })).applicationId;
  for (const id of [lin, zhou, chen])
    await h.ok(who.clerk, 'assistants', 'checkEligibility', { applicationId: id, judged: allJudgedOk });
  await h.ok(who.leader, 'assistants', 'decide', { callId, selected: [lin, zhou] });
  return { lin, zhou, chen };
}

/** …then both publicities run out without objection and the list is confirmed. */
export async function throughConfirmation(h: EmptyHarness): Promise<{ lin: string; zhou: string; chen: string }> {
  const ids = await throughDecision(h);
  await h.ok(who.clerk, 'assistants', 'startCollegePublicity', { callId: CALL_ID });
  at(h, '2026-09-06T08:00:00');
  await h.ok(who.leader, 'assistants', 'submit', { callId: CALL_ID });
  await h.ok(who.affairs, 'assistants', 'review', { callId: CALL_ID, decision: 'approve', opinion: '' });
  await h.ok(who.affairs, 'assistants', 'startSchoolPublicity', { callId: CALL_ID });
  at(h, '2026-09-09T08:00:00');
  await h.ok(who.affairs, 'assistants', 'confirm', { callId: CALL_ID });
  return ids;
}
