import { correctionOutcome, holdingRun } from '../../../cloudfunctions/core/publishing/objection-correction';
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

describe('holdingRun: the published list a warning stands on now', () => {
  const warning = { _id: 'w:r1:s1', studentId: 's1' };
  const wrote = { _id: 'r1', entries: [runEntry({ studentId: 's1' })] };
  const kept = {
    _id: 'r2',
    entries: [runEntry({ studentId: 's1', change: 'unchanged', previousWarningId: 'w:r1:s1' })],
  };
  const replaced = {
    _id: 'r3',
    entries: [runEntry({ studentId: 's1', level: 'written', change: 'escalated', previousWarningId: 'w:r1:s1' })],
  };
  const other = { _id: 'r4', entries: [runEntry({ studentId: 's2' })] };
  it.each([
    ['the run that wrote it', [wrote], 'r1'],
    ['a later run that kept it', [kept, wrote], 'r2'],
    ['a run that replaced it does not hold it', [replaced], null],
    ['runs without the student are skipped', [other, kept, wrote], 'r2'],
    ['no published run', [], null],
  ] as const)('%s', (_name, runs, expected) => {
    expect(holdingRun(runs, warning)?._id ?? null).toBe(expected);
  });
});

describe('correctionOutcome: what correcting the rows does to the warning', () => {
  const warning = { level: 'written', corrections: [] };
  it.each([
    [
      'still a level: the warning takes it, with the new explanation and owed courses',
      runEntry({ studentId: 's1', level: 'oral', levelName: '口头警示', levelRank: 1 }),
      'amend',
      'oral',
    ],
    [
      'the same level: amended in place, audited',
      runEntry({ studentId: 's1', level: 'written', levelName: '书面警示', levelRank: 2 }),
      'amend',
      'written',
    ],
    [
      'no level left: withdrawn',
      runEntry({ studentId: 's1', level: null, levelName: null, levelRank: -1, change: 'none' }),
      'withdraw',
      null,
    ],
    ['not listed any more: withdrawn', null, 'withdraw', null],
  ] as const)('%s', (_name, entry, kind, level) => {
    const outcome = correctionOutcome(policy, warning, entry, audit);
    expect(outcome.kind).toBe(kind);
    expect(outcome.patch.corrections).toEqual([{ ...audit, fromLevel: 'written', toLevel: level }]);
    if (outcome.kind === 'amend') {
      expect(outcome.patch).toMatchObject({
        level,
        failedCourses: entry?.failedCourses,
        triggers: [expect.objectContaining({ text: entry?.triggers[0]?.text })],
      });
      expect(outcome.patch.duties?.length).toBeGreaterThan(0);
    } else expect(outcome.patch.status).toBe('withdrawn');
  });

  it('adds to the corrections already on the warning', () => {
    const earlier = { ...audit, at: '2026-03-01T10:00:00.000+08:00', fromLevel: 'written', toLevel: 'written' };
    const outcome = correctionOutcome(policy, { level: 'written', corrections: [earlier] }, null, audit);
    expect(outcome.patch.corrections).toHaveLength(2);
  });
});
