import { levelDutyDueAt, levelDutyLines, type LevelDutyEvidence, type LevelDutyInput } from '../../../cloudfunctions/core/support/level-duty-lines';
import { defaultDutyConfig } from '../../../cloudfunctions/core/duties/defaults';
import { dutiesForLevel, presetPolicy } from '../../../cloudfunctions/core/rules';
import { shanghaiLocal, toIso } from '../../../cloudfunctions/core/time/shanghai';
import type { Meeting } from '../../../types/support';

function lzutLife() {
  const policy = presetPolicy('lzut-life');
  if (!policy) throw new Error('lzut-life preset missing');
  return policy;
}
const policy = lzutLife();

const PUBLISHED = '2026-09-15T10:00:00.000+08:00';
const BEFORE = '2026-09-14T10:00:00.000+08:00';
const EARLY = '2026-09-20T10:00:00.000+08:00'; // inside every deadline
const LATE = '2026-10-20T10:00:00.000+08:00'; // after the 14- and 30-day deadlines
const STAFF = [
  { personId: 't-c', role: 'counselor' as const, name: '林老师' },
  { personId: 't-h', role: 'headTeacher' as const, name: '王老师' },
];
const NONE: LevelDutyEvidence = { talks: [], notices: [], meetings: [], plan: null };

function input(level: string, evidence: Partial<LevelDutyEvidence>, now: string, overrides: Partial<LevelDutyInput['warning']> = {}): LevelDutyInput {
  return {
    warning: { _id: 'w1', studentId: 's1', classId: 'c1', status: 'active', publishedAt: PUBLISHED, policyId: 'lzut-life', level, duties: dutiesForLevel(policy, level), ...overrides },
    staff: STAFF,
    evidence: { ...NONE, ...evidence },
    rules: defaultDutyConfig.rules,
    now,
  };
}

const notice = (phone: { at: string; by: string }[], receiptAt: string | null = null) => ({ receipt: receiptAt === null ? null : { at: receiptAt }, phoneContacts: phone });
const parentMeeting = (at: string, actorId: string, held = true): Pick<Meeting, 'kind' | 'status' | 'at' | 'actorId' | 'record'> => ({
  kind: 'parentMeeting', status: held ? 'held' : 'scheduled', at, actorId, record: held ? { summary: '面谈', minutes: 30, presentIds: [], at } : null,
});

/** The line of one duty, found by its role label and wording. */
function line(lines: ReturnType<typeof levelDutyLines>, role: string, text: string) {
  const found = lines.filter((l) => l.role === role && l.title.includes(text));
  const [first, ...rest] = found;
  if (!first || rest.length > 0) throw new Error(`expected one ${role} line with “${text}”, got ${found.length}`);
  return first;
}

describe('level duty lines: one-off duties of a warning level', () => {
  it('a written warning (building on lower levels) shows the plan, both talks and the head teacher’s parent contact', () => {
    const lines = levelDutyLines(input('written', {}, EARLY));
    expect(lines.map((l) => [l.role, l.title, l.status])).toEqual([
      ['班主任', '警示公布后 30 天内指导学生制定个人学习计划', 'due'],
      ['班主任', '警示公布后 14 天内与学生谈话', 'due'],
      ['辅导员', '警示公布后 14 天内与学生谈话', 'due'],
      ['班主任', '警示公布后 14 天内与家长沟通', 'due'],
    ]);
    // Per-semester/month duties and the counselor's 7-day parent contact are the config rules' lines.
    expect(lines.some((l) => l.role === '辅导员' && l.title.includes('家长'))).toBe(false);
    expect(line(lines, '班主任', '家长')).toMatchObject({ personName: '王老师', required: 1, progress: 0, dueAt: '2026-09-30T00:00:00.000+08:00' });
  });

  it('the deadline is the end of the N-th Shanghai day after publication, also late in the evening', () => {
    expect(levelDutyDueAt('2026-09-15T23:30:00.000+08:00', 14)).toBe('2026-09-30T00:00:00.000+08:00');
    expect(levelDutyDueAt('2026-09-15T00:00:00.000+08:00', 30)).toBe(toIso(shanghaiLocal('2026-10-16')));
  });

  it.each<[string, string, string, Partial<LevelDutyEvidence>, string, 'done' | 'due' | 'overdue', number]>([
    ['talk done before the deadline', '班主任', '谈话', { talks: [{ talkerRole: 'headTeacher', at: EARLY }] }, EARLY, 'done', 1],
    ['talk done after the deadline still counts', '班主任', '谈话', { talks: [{ talkerRole: 'headTeacher', at: LATE }] }, LATE, 'done', 1],
    ['no talk, deadline passed', '班主任', '谈话', {}, LATE, 'overdue', 0],
    ['a counselor’s talk does not meet the head teacher’s', '班主任', '谈话', { talks: [{ talkerRole: 'counselor', at: EARLY }] }, LATE, 'overdue', 0],
    ['an assistant’s talk does not meet the counselor’s', '辅导员', '谈话', { talks: [{ talkerRole: 'assistant', at: EARLY }] }, EARLY, 'due', 0],
    ['a talk before publication does not count', '辅导员', '谈话', { talks: [{ talkerRole: 'counselor', at: BEFORE }] }, EARLY, 'due', 0],
    ['head teacher’s phone call', '班主任', '家长', { notices: [notice([{ at: EARLY, by: 't-h' }])] }, EARLY, 'done', 1],
    ['the counselor’s phone call is not the head teacher’s', '班主任', '家长', { notices: [notice([{ at: EARLY, by: 't-c' }])] }, LATE, 'overdue', 0],
    ['a call by someone outside the class staff', '班主任', '家长', { notices: [notice([{ at: EARLY, by: 't-other' }])] }, EARLY, 'due', 0],
    ['a call before publication does not count', '班主任', '家长', { notices: [notice([{ at: BEFORE, by: 't-h' }])] }, LATE, 'overdue', 0],
    ['the parent’s written receipt', '班主任', '家长', { notices: [notice([], EARLY)] }, EARLY, 'done', 1],
    ['a parent meeting held by the head teacher', '班主任', '家长', { meetings: [parentMeeting(EARLY, 't-h')] }, EARLY, 'done', 1],
    ['a parent meeting only scheduled', '班主任', '家长', { meetings: [parentMeeting(EARLY, 't-h', false)] }, EARLY, 'due', 0],
    ['a parent meeting held by the counselor', '班主任', '家长', { meetings: [parentMeeting(EARLY, 't-c')] }, EARLY, 'due', 0],
    ['plan submitted', '班主任', '学习计划', { plan: { warningId: 'w1', status: 'submitted' } }, EARLY, 'done', 1],
    ['plan approved after the deadline', '班主任', '学习计划', { plan: { warningId: 'w1', status: 'approved' } }, LATE, 'done', 1],
    ['plan still a draft, deadline passed', '班主任', '学习计划', { plan: { warningId: 'w1', status: 'draft' } }, LATE, 'overdue', 0],
    ['plan returned for changes', '班主任', '学习计划', { plan: { warningId: 'w1', status: 'returned' } }, EARLY, 'due', 0],
    ['plan of an earlier warning', '班主任', '学习计划', { plan: { warningId: 'w0', status: 'approved' } }, EARLY, 'due', 0],
  ])('%s', (_label, role, text, evidence, now, status, progress) => {
    expect(line(levelDutyLines(input('written', evidence, now)), role, text)).toMatchObject({ status, progress });
  });

  it('is overdue from the first instant after the deadline day, not before', () => {
    const lastMinute = levelDutyLines(input('oral', {}, '2026-09-29T23:59:00.000+08:00'));
    const nextDay = levelDutyLines(input('oral', {}, '2026-09-30T00:00:00.000+08:00'));
    expect(line(lastMinute, '班主任', '谈话').status).toBe('due');
    expect(line(nextDay, '班主任', '谈话').status).toBe('overdue');
  });

  it('levels without one-off duties, warnings no longer active and warnings without duties give no lines', () => {
    expect(levelDutyLines(input('warning', {}, EARLY)).map((l) => l.title)).toEqual(['警示公布后 30 天内指导学生制定个人学习计划']);
    expect(levelDutyLines(input('written', {}, EARLY, { status: 'superseded' }))).toEqual([]);
    expect(levelDutyLines(input('written', {}, EARLY, { duties: undefined }))).toEqual([]);
  });

  it('without the config rule the counselor’s 7-day parent contact becomes a line of its own', () => {
    const lines = levelDutyLines({ ...input('warning', { notices: [notice([{ at: EARLY, by: 't-c' }])] }, EARLY), rules: [] });
    expect(line(lines, '辅导员', '7 天内与家长沟通')).toMatchObject({ status: 'done', progress: 1 });
  });
});
