import fc from 'fast-check';
import { evaluateDuties, type DutyStatus } from '../../../cloudfunctions/core/duties';
import { clipWindows, steppedWindows } from '../../../cloudfunctions/core/duties/windows';
import { resolveTerm } from '../../../cloudfunctions/core/duties/term';
import { defaultDutyConfig } from '../../../cloudfunctions/core/duties/defaults';
import { calendar, counselorOf, warned, at } from '../../support/duties-factories';
import { dutyRecordArb, dutyRecordsArb, instant, nowArb } from '../../support/duties-arbitraries';
import { toIso } from '../../../cloudfunctions/core/time/shanghai';

const counselorRules = defaultDutyConfig.rules.filter((r) => r.role === 'counselor');
const person = counselorOf({ warnedStudents: [warned({ since: at('2025-09-20 10:00') })] });
// A late record can turn overdue into lateDone (better), never lateDone back into overdue.
const rank: Record<DutyStatus, number> = { overdue: 0, due: 1, lateDone: 1, done: 2 };
const evaluate = (records: Parameters<typeof evaluateDuties>[0]['records'], now: number) =>
  evaluateDuties({ rules: counselorRules, calendar, now, subject: person, records });

describe('properties of the evaluator', () => {
  it('adding a record never lowers progress and never makes an item worse (done never turns overdue)', () => {
    fc.assert(
      fc.property(dutyRecordsArb, dutyRecordArb, nowArb, (records, extra, now) => {
        const before = evaluate(records, now);
        const after = evaluate([...records, { ...extra, _id: 'extra' }], now);
        expect(after.items.map((i) => i.key)).toEqual(before.items.map((i) => i.key));
        after.items.forEach((item, n) => {
          const old = before.items[n];
          if (!old) throw new Error('item lists differ');
          expect(item.progress).toBeGreaterThanOrEqual(old.progress);
          expect(rank[item.status]).toBeGreaterThanOrEqual(rank[old.status]);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('the order of records does not matter', () => {
    fc.assert(
      fc.property(dutyRecordsArb, nowArb, (records, now) => {
        expect(evaluate([...records].reverse(), now)).toEqual(evaluate(records, now));
      }),
      { numRuns: 40 },
    );
  });

  it('every counted record is the person’s own and lies inside its window', () => {
    fc.assert(
      fc.property(dutyRecordsArb, nowArb, (records, now) => {
        const byId = new Map(records.map((r) => [r._id, r]));
        for (const item of evaluate(records, now).items) {
          for (const id of item.done) {
            const record = byId.get(id);
            expect(record?.actorId).toBe('staff-1');
            const t = Date.parse(record?.at ?? '');
            // A record after a one-off deadline counts only as 逾期完成, and is listed as late.
            if (item.late.includes(id))
              expect(item.status === 'lateDone' && t >= Date.parse(item.window.end)).toBe(true);
            else expect(t >= Date.parse(item.window.start) && t < Date.parse(item.window.end)).toBe(true);
          }
          expect(item.due).toBe(Math.max(0, item.required - item.progress));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('properties of windows', () => {
  const term = resolveTerm(calendar, Date.parse(at('2030-01-01')), '2025-2026-1');
  it('cut to any range inside the semester, windows tile exactly that range', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'week' | 'twoWeeks' | 'month' | 'quarter'>('week', 'twoWeeks', 'month', 'quarter'),
        instant,
        instant,
        (period, a, b) => {
          const range = {
            start: Math.max(Math.min(a, b), term.semesterSpan.start),
            end: Math.min(Math.max(a, b), term.semesterSpan.end),
          };
          fc.pre(range.start < range.end);
          const windows = clipWindows(steppedWindows(period, term), range);
          expect(windows[0]?.start).toBe(range.start);
          expect(windows[windows.length - 1]?.end).toBe(range.end);
          windows.slice(1).forEach((w, i) => expect(w.start).toBe(windows[i]?.end));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an item key names the first day of its window', () => {
    const evaluation = evaluate([], Date.parse(at('2025-12-01 00:00')));
    for (const item of evaluation.items)
      expect(item.key.endsWith(`|${toIso(item.window.start).slice(0, 10)}`)).toBe(true);
  });
});
