import { randomUUID } from 'node:crypto';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';

/** Issue 11 defect 6 (rules: 000-2.3): an assistant reports a learning difficulty; it lands in the counselor's queue. */
describe('an assistant reports a learning difficulty', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    // 王助理 assists 生工251班, whose counselor is 周辅导; 孙一鸣 is its student.
    people = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
  });
  afterAll(() => h.close());

  it('reaches the counselor’s follow-ups and workbench once; the counselor sets the type on the case; a student cannot report', async () => {
    const clientId = randomUUID();
    const sent = {
      clientId,
      studentId: people.student._id,
      difficulty: 'adaptation' as const,
      note: '上课常走神，作业拖欠',
    };
    const first = await h.ok(people.assistantUser, 'checkins', 'reportDifficulty', sent);
    expect(first.duplicate).toBe(false);
    expect(await h.ok(people.assistantUser, 'checkins', 'reportDifficulty', sent)).toEqual({
      followUpId: first.followUpId,
      duplicate: true,
    });
    const open = await h.ok(people.counselorUser, 'checkins', 'followUps', {});
    expect(open.filter((f) => f.followUpId === first.followUpId)).toEqual([
      expect.objectContaining({
        reason: 'difficultyReport',
        summary: '反映学习困难（适应型困难）：上课常走神，作业拖欠',
        studentName: people.student.name,
      }),
    ]);
    const bench = await h.ok(people.counselorUser, 'duties', 'workbenchList', { key: 'followUpsOpen' });
    expect(bench.rows.map((r) => r.id)).toContain(first.followUpId);

    const assistantCase = await h.ok(people.assistantUser, 'support', 'caseView', { studentId: people.student._id });
    expect(assistantCase.difficultyAction).toBe('report');
    const counselorCase = await h.ok(people.counselorUser, 'support', 'caseView', { studentId: people.student._id });
    expect(counselorCase.difficultyAction).toBe('set');
    await h.ok(people.counselorUser, 'support', 'setDifficulty', {
      studentId: people.student._id,
      type: 'adaptation',
      note: '助理反映后谈话确认',
    });
    expect(
      (await h.ok(people.counselorUser, 'support', 'caseView', { studentId: people.student._id })).difficulty?.label,
    ).toBe('适应型困难');

    expect(
      await h.callAs(people.studentUser, 'checkins', 'reportDifficulty', { ...sent, clientId: randomUUID() }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect(
      await h.callAs(people.assistantUser, 'checkins', 'reportDifficulty', {
        ...sent,
        clientId: randomUUID(),
        note: '',
      }),
    ).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'note' });
  });
});
