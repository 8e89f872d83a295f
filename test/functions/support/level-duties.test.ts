import { dutiesForLevel, presetPolicy } from '../../../cloudfunctions/core/rules';
import type { DutyLine } from '../../../types/api/support';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { CASEWORK_BUILT_AT } from '../../support/build/casework';
import { makeWarning, publishWarning } from '../../support/notices-factories';

const PARENT_LINE = '警示公布后 14 天内与家长沟通';
const DAY = 86_400_000;

function writtenDuties() {
  const policy = presetPolicy('lzut-life');
  if (!policy) throw new Error('lzut-life preset missing');
  return dutiesForLevel(policy, 'written');
}

describe('support: a written warning’s one-off duties in the case view', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  let noticeId: string;
  beforeAll(async () => {
    h = await openEmptyHarness(); // 2026-11-23 09:00, the warning's publication
    people = await seedTwoClasses(h.store, CASEWORK_BUILT_AT); // 孙一鸣 of 生工251班, head teacher 吴班主
    const { notice } = await publishWarning(h.store, makeWarning(people.student, { duties: writtenDuties() }));
    noticeId = notice._id;
    h.clock.advance(3600_000);
  });
  afterAll(() => h.close());

  async function parentLine(): Promise<{ line: DutyLine | undefined; next: string[] }> {
    const view = await h.ok(people.headTeacherUser, 'support', 'caseView', { studentId: people.student._id });
    return { line: view.duties.find((d) => d.title === PARENT_LINE), next: view.next };
  }

  it('the head teacher’s parent contact is due, untouched by the counselor’s call, done after the head teacher’s', async () => {
    expect((await parentLine()).line).toEqual({
      title: PARENT_LINE,
      role: '班主任',
      personName: '吴班主',
      required: 1,
      progress: 0,
      status: 'due',
      dueAt: '2026-12-08T00:00:00.000+08:00',
    });

    // The counselor's call meets the counselor's own 7-day rule, not the head teacher's duty.
    await h.ok(people.counselorUser, 'notices', 'recordPhoneContact', {
      noticeId,
      at: '2026-11-23T09:30:00+08:00',
      summary: '已电话告知家长',
    });
    expect((await parentLine()).line).toMatchObject({ status: 'due', progress: 0 });

    await h.ok(people.headTeacherUser, 'notices', 'recordPhoneContact', {
      noticeId,
      at: '2026-11-23T09:45:00+08:00',
      summary: '班主任与家长沟通补考安排',
    });
    expect((await parentLine()).line).toMatchObject({ status: 'done', progress: 1 });
  });

  it('after the 14 days, the missing talks lead "what is next" and the done contact stays done', async () => {
    h.clock.advance(16 * DAY);
    const { line, next } = await parentLine();
    expect(line).toMatchObject({ status: 'done' });
    expect(next).toEqual(
      expect.arrayContaining([expect.stringMatching(/^已逾期：警示公布后 14 天内与学生谈话（.+，截止 2026-12-07）$/)]),
    );
    expect(next.some((s) => s.includes(PARENT_LINE))).toBe(false);
    const caseload = await h.ok(people.headTeacherUser, 'support', 'caseload', {});
    expect(caseload.find((r) => r.studentId === people.student._id)?.next).toEqual(
      expect.arrayContaining([expect.stringMatching(/^已逾期：警示公布后 14 天内与学生谈话/)]),
    );
  });

  it('students and parents get no duty lines', async () => {
    for (const user of [people.studentUser, people.parentUser]) {
      const view = await h.ok(user, 'support', 'caseView', { studentId: people.student._id });
      expect(view.duties).toEqual([]);
    }
  });
});
