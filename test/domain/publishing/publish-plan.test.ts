import { planPublication, publicationChange, warningIdOf } from '../../../cloudfunctions/core/publishing/publish-plan';
import { presets } from '../../../cloudfunctions/core/rules';
import { runEntry } from '../../support/warnings-entries';

const policy = presets['lzut-life'];
if (!policy) throw new Error('lzut-life preset');
const run = { runId: 'r2', collegeId: 'life', semester: '2025-2026-2', policyId: 'lzut-life' };
const by = { userId: 't-clerk', at: '2026-03-02T09:00:00.000+08:00' };

describe('publicationChange: what a publication does to one student', () => {
  it.each([
    ['new', 'oral', null, 'publish'],
    ['escalated', 'written', 'w1', 'publish'],
    ['deescalated', 'oral', 'w1', 'publish'],
    ['unchanged', 'oral', 'w1', 'keep'],
    ['lifted', null, 'w1', 'lift'],
    ['none', null, null, 'nothing'],
  ] as const)('%s (level %s, earlier warning %s) → %s', (change, level, previousWarningId, expected) => {
    expect(publicationChange({ change, level, levelName: level === null ? null : '某级', previousWarningId })).toBe(
      expected,
    );
  });
});

describe('planPublication', () => {
  it.each([
    ['a new warning', runEntry({ studentId: 's1' }), { kind: 'publish', supersede: null }],
    [
      'an escalation supersedes the earlier warning',
      runEntry({
        studentId: 's2',
        level: 'written',
        levelName: '书面警示',
        levelRank: 2,
        change: 'escalated',
        previousLevel: 'oral',
        previousWarningId: 'w:r1:s2',
      }),
      { kind: 'publish', supersede: 'w:r1:s2' },
    ],
    [
      'an unchanged warning is kept as it is (notice, signature, receipt, plan stay)',
      runEntry({ studentId: 's3', change: 'unchanged', previousLevel: 'oral', previousWarningId: 'w:r1:s3' }),
      { kind: 'keep', warningId: 'w:r1:s3' },
    ],
    [
      'an unchanged carried-over warning is kept',
      runEntry({
        studentId: 's7',
        change: 'unchanged',
        source: 'carried',
        previousLevel: 'oral',
        previousWarningId: 'w:r0:s7',
      }),
      { kind: 'keep', warningId: 'w:r0:s7' },
    ],
    [
      'a de-escalation supersedes the earlier warning',
      runEntry({ studentId: 's8', change: 'deescalated', previousLevel: 'written', previousWarningId: 'w:r1:s8' }),
      { kind: 'publish', supersede: 'w:r1:s8' },
    ],
    [
      'a student removed by hand from an earlier warning is lifted',
      runEntry({
        studentId: 's9',
        level: null,
        levelName: null,
        levelRank: -1,
        change: 'lifted',
        previousLevel: 'oral',
        previousWarningId: 'w:r1:s9',
        manual: {
          action: 'remove',
          level: null,
          reason: null,
          reasonLabel: null,
          note: '转专业',
          by: 't-clerk',
          byName: '梁',
        },
      }),
      { kind: 'lift', warningId: 'w:r1:s9' },
    ],
    [
      'a lifted warning is lifted',
      runEntry({
        studentId: 's4',
        level: null,
        levelName: null,
        levelRank: -1,
        change: 'lifted',
        previousLevel: 'oral',
        previousWarningId: 'w:r1:s4',
      }),
      { kind: 'lift', warningId: 'w:r1:s4' },
    ],
  ])('%s', (_name, entry, expected) => {
    const [step] = planPublication(run, policy, [entry], by);
    expect(step).toMatchObject({ studentId: entry.studentId, ...expected });
  });

  it('writes nothing for a student removed by hand who had no warning', () => {
    const removed = runEntry({
      studentId: 's5',
      level: null,
      levelName: null,
      levelRank: -1,
      change: 'none',
      manual: {
        action: 'remove',
        level: null,
        reason: null,
        reasonLabel: null,
        note: '转专业',
        by: 't-clerk',
        byName: '梁',
      },
    });
    expect(planPublication(run, policy, [removed], by)).toEqual([]);
  });

  it('builds the warning: deterministic id, duties of the level and the lower ones, manual mark kept', () => {
    const entry = runEntry({
      studentId: 's6',
      level: 'written',
      levelName: '书面警示',
      levelRank: 2,
      source: 'manual',
      manual: {
        action: 'add',
        level: 'written',
        reason: 'attendance',
        reasonLabel: '考勤',
        note: '旷课',
        by: 't-counselor-2024',
        byName: '王',
      },
    });
    const [step] = planPublication(run, policy, [entry], by);
    if (step?.kind !== 'publish') throw new Error('expected a warning');
    expect(step.warning._id).toBe(warningIdOf('r2', 's6'));
    expect(step.warning).toMatchObject({
      status: 'active',
      change: 'new',
      level: 'written',
      levelRank: 2,
      publishedAt: by.at,
      publishedBy: 't-clerk',
      semester: '2025-2026-2',
    });
    expect(step.warning.manual).toEqual({
      reason: 'attendance',
      reasonLabel: '考勤',
      note: '旷课',
      by: 't-counselor-2024',
    });
    const duties = step.warning.duties ?? [];
    const all = policy.levels.flatMap((l) => l.duties);
    expect(duties).toEqual(all);
    expect(step.warning.triggers).toEqual([
      { rule: 'makeup-fail', text: entry.triggers[0]?.text, courses: ['MA1'], credits: 4 },
    ]);
  });

  it('is deterministic: the same entries give the same steps', () => {
    const entries = [
      runEntry({ studentId: 'a' }),
      runEntry({
        studentId: 'b',
        change: 'lifted',
        level: null,
        levelName: null,
        levelRank: -1,
        previousWarningId: 'w:x:b',
      }),
    ];
    expect(planPublication(run, policy, entries, by)).toEqual(planPublication(run, policy, entries, by));
  });
});
