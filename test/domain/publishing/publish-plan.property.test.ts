import fc from 'fast-check';
import { planPublication } from '../../../cloudfunctions/core/publishing/publish-plan';
import { presets } from '../../../cloudfunctions/core/rules';
import type { RunEntry } from '../../../types/api/warnings';
import { runEntry } from '../../support/warnings-entries';

const policy = presets['lzut-life'];
if (!policy) throw new Error('lzut-life preset');
const levels = policy.levels;

/** An entry as a run can hold it: a level or none, with or without an earlier warning. */
const entry = fc
  .record({
    studentId: fc.stringMatching(/^[0-9]{4,10}$/),
    level: fc.option(fc.integer({ min: 0, max: levels.length - 1 }), { nil: null }),
    previous: fc.option(fc.integer({ min: 0, max: levels.length - 1 }), { nil: null }),
  })
  .map(({ studentId, level, previous }): RunEntry => {
    const l = level === null ? undefined : levels[level];
    const p = previous === null ? undefined : levels[previous];
    const change = !p
      ? l
        ? 'new'
        : 'none'
      : !l
        ? 'lifted'
        : level === previous
          ? 'unchanged'
          : (level ?? -1) > (previous ?? -1)
            ? 'escalated'
            : 'deescalated';
    return runEntry({
      studentId,
      level: l?.id ?? null,
      levelName: l?.name ?? null,
      levelRank: level ?? -1,
      previousLevel: p?.id ?? null,
      previousWarningId: p ? `w:old:${studentId}` : null,
      change,
    });
  });

const entries = fc.uniqueArray(entry, { selector: (e) => e.studentId, maxLength: 40 });

describe('planPublication (property)', () => {
  it('writes one active warning per new or moved level, keeps the unchanged, lifts exactly the earlier warnings of the others, and never touches a student twice', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const steps = planPublication(
          { runId: 'r', collegeId: 'c', semester: '2025-2026-2', policyId: policy.id },
          policy,
          list,
          { userId: 'u', at: '2026-03-02T09:00:00.000+08:00' },
        );
        const moved = list.filter((e) => e.level !== null && e.change !== 'unchanged');
        const unchanged = list.filter((e) => e.level !== null && e.change === 'unchanged');
        const toLift = list.filter((e) => e.level === null && e.previousWarningId !== null);
        expect(steps.filter((s) => s.kind === 'publish')).toHaveLength(moved.length);
        expect(steps.filter((s) => s.kind === 'keep').map((s) => s.studentId)).toEqual(
          unchanged.map((e) => e.studentId),
        );
        expect(steps.filter((s) => s.kind === 'lift').map((s) => s.studentId)).toEqual(toLift.map((e) => e.studentId));
        expect(new Set(steps.map((s) => s.studentId)).size).toBe(steps.length);
        for (const s of steps) {
          if (s.kind !== 'publish') continue;
          expect(s.warning.status).toBe('active');
          expect(s.warning.duties?.length).toBeGreaterThan(0);
          expect(s.supersede).toBe(list.find((e) => e.studentId === s.studentId)?.previousWarningId ?? null);
        }
      }),
    );
  });
});
