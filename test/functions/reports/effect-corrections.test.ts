import { expect } from '@jest/globals';
import type { EffectReport } from '../../../types/api/reports';
import { parseScore } from '../../../cloudfunctions/core/rules';
import { queryAll } from '../../../cloudfunctions/platform/store/store';
import { failRegular, regularFailCode } from '../../support/build/duties';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { failAfterMakeup, runAndPublish } from '../../support/build/warnings';
import { openEmptyHarness, SUITE_DATES, type EmptyHarness } from '../../support/harness';

const S = '2025-2026-1';
const NEXT = '2025-2026-2';
const BUILT_AT = '2026-09-01T08:00:00.000+08:00';
const R1 = regularFailCode(S, 1);
const R2 = regularFailCode(S, 2);

/**
 * An objection corrects grade rows of the next semester: the effect report's "after" (the level
 * after, and each owed course retaken or passed) reads the rows as corrected, as the warnings do.
 * 孙一鸣 fails R1–R3 in S (学业警示). In NEXT he retakes R1 (80) and R2 (entered 50, really 75) and
 * fails MF1 and MF2 after the make-up (书面警示, above 学业警示 in lzut-life); the clerk corrects R2's
 * retake to 75 and MF1's make-up to 72, so he has one failed make-up left (口头警示).
 * 钱二妹 fails R1–R3 in S (学业警示) and MF1 after the make-up in NEXT (口头警示, superseding it);
 * her make-up is corrected to 70: no level is left, the 口头警示 is withdrawn.
 */
describe('effect report after an objection corrected grades (issue 14)', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  let nextRun: string;

  const mine = async () => {
    const r: EffectReport = await h.ok(p.leaderUser, 'reports', 'effect', { semester: S });
    const s = r.students.find((x) => x.studentId === p.student._id);
    if (!s) throw new Error('孙一鸣 is not in the report');
    return s;
  };

  /** From the raw records: the next warning that stands, and each owed course against the rows as corrected. */
  const fromRecords = async () => {
    const id = p.student._id;
    const corrections = (await queryAll(h.store, 'gradeCorrections')).filter((c) => c.studentId === id);
    const rows = (await queryAll(h.store, 'grades'))
      .filter((g) => g.studentId === id && g.semester > S)
      .flatMap((g) => {
        const c = corrections
          .filter((x) => x.gradeId === `${g.studentId}:${g.courseCode}:${g.semester}:${g.attempt}`)
          .sort((a, b) => (a.at < b.at ? -1 : 1))
          .pop();
        if (!c) return [g];
        return c.action === 'exclude' ? [] : [{ ...g, score: c.score ?? g.score }];
      });
    const next = (await queryAll(h.store, 'warnings')).filter(
      (w) => w.studentId === id && w.semester === NEXT && w.status !== 'withdrawn',
    );
    const owed = ['R1', 'R2', 'R3'].map((_, i) => regularFailCode(S, i + 1));
    return {
      levelAfter: next.sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : 1)).pop()?.levelName ?? null,
      lines: owed.map((code) => {
        const later = rows.filter((g) => g.courseCode === code).map((g) => parseScore(g.score, 60).outcome);
        return { code, retaken: later.some((o) => o !== 'none'), passed: later.includes('pass') };
      }),
    };
  };
  const linesOf = (s: Awaited<ReturnType<typeof mine>>) =>
    s.lines.map((l) => ({ code: l.courseCode, retaken: l.retaken, passed: l.passed }));

  beforeAll(async () => {
    h = await openEmptyHarness(SUITE_DATES.termTime);
    p = await seedTwoClasses(h.store, BUILT_AT, (b, c) => {
      failRegular(b, c.student, S, 3);
      const retake = (courseCode: string, score: string) =>
        b.grade(c.student, { courseCode, courseName: '专业课', credits: 3, score, semester: NEXT, attempt: 'retake' });
      retake(R1, '80');
      retake(R2, '50');
      failAfterMakeup(b, c.student, 2, NEXT);
      failRegular(b, c.classmate, S, 3);
      for (let i = 1; i <= 3; i++)
        b.grade(c.classmate, {
          courseCode: regularFailCode(S, i),
          courseName: '专业课',
          credits: 3,
          score: '80',
          semester: NEXT,
          attempt: 'retake',
        });
      failAfterMakeup(b, c.classmate, 1, NEXT);
    });
    await runAndPublish(h, S);
    h.clock.advance(86_400_000);
    nextRun = await runAndPublish(h, NEXT);
  });
  afterAll(() => h.close());

  it('before the correction: 书面警示 after, R2 retaken and not passed', async () => {
    const s = await mine();
    expect(s).toMatchObject({ levelBefore: '学业警示', levelAfter: '书面警示', outcome: 'escalated' });
    expect(linesOf(s)).toEqual((await fromRecords()).lines);
    expect(s.lines.find((l) => l.courseCode === R2)).toMatchObject({ retaken: true, passed: false });
  });

  it('after the correction: the corrected level after, and R2 passed', async () => {
    const noticeId = `notice-w:${nextRun}:${p.student._id}`;
    await h.ok(p.studentUser, 'notices', 'object', { noticeId, reason: '重修和补考成绩录入有误' });
    h.clock.advance(3_600_000);
    await h.ok(p.clerkUser, 'notices', 'resolveObjection', {
      noticeId,
      decision: 'correct',
      note: '按试卷更正',
      grades: [
        { gradeId: `${p.student._id}:${R2}:${NEXT}:retake`, action: 'correct', score: '75' },
        { gradeId: `${p.student._id}:MF1:${NEXT}:makeup`, action: 'correct', score: '72' },
      ],
    });
    const s = await mine();
    const x = await fromRecords();
    expect(s.levelAfter).toBe(x.levelAfter);
    expect(s).toMatchObject({ levelAfter: '口头警示', outcome: 'escalated' });
    expect(linesOf(s)).toEqual(x.lines);
    expect(s.lines.find((l) => l.courseCode === R2)).toMatchObject({ retaken: true, passed: true });
  });

  it('a next warning withdrawn by the correction: the next list, read with the corrected grades, lifts the earlier one', async () => {
    const noticeId = `notice-w:${nextRun}:${p.classmate._id}`;
    const before = (await h.ok(p.leaderUser, 'reports', 'effect', { semester: S })).students.find(
      (x) => x.studentId === p.classmate._id,
    );
    expect(before).toMatchObject({ levelBefore: '学业警示', levelAfter: '口头警示', outcome: 'escalated' });
    await h.ok(p.classmateUser, 'notices', 'object', { noticeId, reason: '补考成绩录入有误' });
    h.clock.advance(3_600_000);
    await h.ok(p.clerkUser, 'notices', 'resolveObjection', {
      noticeId,
      decision: 'correct',
      note: '按试卷更正',
      grades: [{ gradeId: `${p.classmate._id}:MF1:${NEXT}:makeup`, action: 'correct', score: '70' }],
    });
    // From the raw records: her next warning withdrawn, none standing in NEXT, the earlier one superseded.
    const hers = (await queryAll(h.store, 'warnings')).filter((w) => w.studentId === p.classmate._id);
    expect(hers.map((w) => [w.semester, w.status]).sort()).toEqual([
      [S, 'superseded'],
      [NEXT, 'withdrawn'],
    ]);
    const r: EffectReport = await h.ok(p.leaderUser, 'reports', 'effect', { semester: S });
    const after = r.students.find((x) => x.studentId === p.classmate._id);
    expect(after).toMatchObject({ levelBefore: '学业警示', levelAfter: null, outcome: 'lifted' });
    const cls = r.byClass.find((c) => c.key === p.firstClass._id);
    expect(cls).toMatchObject({ warned: 2, lifted: 1 });
  });
});
