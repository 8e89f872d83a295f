import type { ApplicationForm } from '../../../types/assistant';
import type { Harness } from '../../support/harness';

/** The programme's people in the demo college and the steps the function tests share. */
export const who = { clerk: 't-clerk', leader: 't-leader', affairs: 't-affairs', lin: 'g-lin', zhou: 'g-zhou', chen: 'g-chen', zhao: 'g-zhao', sun: 'g-sun' } as const;

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
export const at = (h: Harness, local: string) => h.clock.set(`${local}+08:00`);

/** Publish, three applications, the checks (陈思远 refused for a retake), the group's choice. */
export async function throughDecision(h: Harness): Promise<{ lin: string; zhou: string; chen: string }> {
  const { callId } = await h.ok(who.clerk, 'assistants', 'publishCall', { schoolYear: SCHOOL_YEAR, deadline: '2026-09-13', note: '' });
  const lin = (await h.ok(who.lin, 'assistants', 'apply', { callId, form: form() })).applicationId;
  const zhou = (await h.ok(who.zhou, 'assistants', 'apply', { callId, form: form({ gender: '男' }) })).applicationId;
  const chen = (await h.ok(who.chen, 'assistants', 'apply', { callId, form: form() })).applicationId;
  for (const id of [lin, zhou, chen]) await h.ok(who.clerk, 'assistants', 'checkEligibility', { applicationId: id, judged: allJudgedOk });
  await h.ok(who.leader, 'assistants', 'decide', { callId, selected: [lin, zhou] });
  return { lin, zhou, chen };
}

/** …then both publicities run out without objection and the list is confirmed. */
export async function throughConfirmation(h: Harness): Promise<{ lin: string; zhou: string; chen: string }> {
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
