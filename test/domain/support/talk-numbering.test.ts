import fc from 'fast-check';
import { nthAt, numberTalks } from '../../../cloudfunctions/core/support/talk-numbering';

const talk = (id: string, actorId: string, at: string, studentId = 's1') => ({ _id: id, studentId, actorId, at });

describe('n-th talk', () => {
  it('counts per talker and student, in time order, whatever the entry order', () => {
    const talks = [
      talk('c', 'counselor', '2026-10-20T10:00:00.000+08:00'),
      talk('a', 'counselor', '2026-09-20T10:00:00.000+08:00'),
      talk('h', 'head', '2026-10-01T10:00:00.000+08:00'),
      talk('x', 'counselor', '2026-09-25T10:00:00.000+08:00', 's2'),
    ];
    expect(Object.fromEntries(numberTalks(talks))).toEqual({ a: 1, c: 2, h: 1, x: 1 });
    expect(nthAt(talks, 's1', 'counselor', '2026-11-01T10:00:00.000+08:00')).toBe(3);
    expect(nthAt(talks, 's1', 'counselor', '2026-10-01T10:00:00.000+08:00')).toBe(2);
    expect(nthAt(talks, 's1', 'nobody', '2026-11-01T10:00:00.000+08:00')).toBe(1);
  });

  it('numbers each talker’s talks 1..n with no gap or repeat', () => {
    const arb = fc.array(
      fc.tuple(fc.constantFrom('t1', 't2'), fc.constantFrom('s1', 's2'), fc.integer({ min: 0, max: 1e6 })),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const talks = rows.map(([actor, student, minute], i) =>
          talk(
            `id${String(i).padStart(3, '0')}`,
            actor,
            new Date(Date.UTC(2026, 8, 1) + minute * 60_000).toISOString(),
            student,
          ),
        );
        const numbers = numberTalks(talks);
        for (const actor of ['t1', 't2']) {
          for (const student of ['s1', 's2']) {
            const mine = talks
              .filter((t) => t.actorId === actor && t.studentId === student)
              .map((t) => numbers.get(t._id));
            expect([...mine].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(mine.map((_, i) => i + 1));
          }
        }
      }),
    );
  });
});
