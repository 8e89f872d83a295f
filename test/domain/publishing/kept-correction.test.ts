import { expect } from '@jest/globals';
import { keptCorrectionOutcome } from '../../../cloudfunctions/core/publishing/kept-correction';
import { presets } from '../../../cloudfunctions/core/rules';
import { runEntry } from '../../support/warnings-entries';

const policy = presets['lzut-life'];
if (!policy) throw new Error('lzut-life preset');
const audit = {
  at: '2026-03-03T10:00:00.000+08:00',
  by: 't-clerk',
  byName: '梁秘书',
  reason: '补考成绩录入错误',
  correctionIds: ['gc:1'],
};
/** Semester A's oral warning, which B's published list kept. */
const warning = {
  _id: 'w:rA:s1',
  level: 'oral',
  failedCourses: [{ code: 'MA1', name: '高等数学', credits: 4 }],
  corrections: [],
};
const runB = { runId: 'rB', collegeId: 'life', semester: '2025-2026-2', policyId: 'lzut-life' };
const ownStill = runEntry({ studentId: 's1' });
const inB = (overrides: Parameters<typeof runEntry>[0]) => ({ run: runB, entry: runEntry(overrides) });

/** What correcting a semester's rows does to a warning a later list kept (rules: 004-3.4). */
describe('keptCorrectionOutcome', () => {
  it('B keeps it: the warning stands as it was, only the correction recorded', () => {
    const outcome = keptCorrectionOutcome(
      policy,
      warning,
      ownStill,
      inB({ studentId: 's1', change: 'unchanged', previousWarningId: warning._id, previousLevel: 'oral' }),
      audit,
    );
    expect(outcome).toEqual({
      kind: 'stand',
      patch: { corrections: [{ ...audit, fromLevel: 'oral', toLevel: 'oral' }] },
    });
  });

  it('B leaves no level: lifted by B’s run, not withdrawn', () => {
    const outcome = keptCorrectionOutcome(
      policy,
      warning,
      ownStill,
      inB({ studentId: 's1', level: null, levelName: null, levelRank: -1, previousWarningId: warning._id }),
      audit,
    );
    expect(outcome).toMatchObject({ kind: 'lift', patch: { status: 'lifted', liftedByRun: 'rB', liftedAt: audit.at } });
  });

  it('B gives a higher level: B’s new warning replaces it', () => {
    const outcome = keptCorrectionOutcome(
      policy,
      warning,
      ownStill,
      inB({
        studentId: 's1',
        level: 'written',
        levelName: '书面警示',
        levelRank: 2,
        change: 'escalated',
        previousWarningId: warning._id,
        previousLevel: 'oral',
      }),
      audit,
    );
    if (outcome.kind !== 'replace') throw new Error(`expected replace, got ${outcome.kind}`);
    expect(outcome.next).toMatchObject({ level: 'written', semester: '2025-2026-2', studentId: 's1' });
    expect(outcome.patch).toMatchObject({ status: 'superseded', supersededBy: outcome.next._id });
  });

  it('its own semester leaves no level but B gives one: withdrawn, and B’s warning written new', () => {
    const outcome = keptCorrectionOutcome(policy, warning, null, inB({ studentId: 's1', change: 'new' }), audit);
    if (outcome.kind !== 'replace') throw new Error(`expected replace, got ${outcome.kind}`);
    expect(outcome.patch).toMatchObject({ status: 'withdrawn' });
    expect(outcome.next).toMatchObject({ level: 'oral', semester: '2025-2026-2' });
  });

  it('neither semester leaves a level: withdrawn', () => {
    const outcome = keptCorrectionOutcome(policy, warning, null, { run: runB, entry: null }, audit);
    expect(outcome).toMatchObject({ kind: 'withdraw', patch: { status: 'withdrawn' } });
  });
});
