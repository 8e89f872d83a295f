import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses } from '../../support/build/two-classes';
import { addStudents } from '../../support/build/outbox';
import { makeWarning, publishWarning } from '../../support/notices-factories';
import { queueDeadlineMessages } from '../../../cloudfunctions/application/deadlines/deadline-pass';
import type { Query, Store, Where } from '../../../cloudfunctions/platform/store/store';

/** The harness store, counting the reads made outside transactions, per collection. */
function countingStore(inner: Store) {
  const gets = new Map<string, number>();
  const queries = new Map<string, number>();
  const bump = (m: Map<string, number>, c: string) => m.set(c, (m.get(c) ?? 0) + 1);
  const store: Store = {
    get: (c, id) => (bump(gets, c), inner.get(c, id)),
    query: (c, q?: Query) => (bump(queries, c), inner.query(c, q)),
    count: (c, w?: Where) => inner.count(c, w),
    add: (c, doc, ctx) => inner.add(c, doc, ctx),
    addMany: (c, docs, ctx) => inner.addMany(c, docs, ctx),
    update: (c, id, patch, v, ctx) => inner.update(c, id, patch, v, ctx),
    remove: (c, id) => inner.remove(c, id),
    transaction: (fn) => inner.transaction(fn),
    close: () => inner.close(),
  };
  return { store, gets, queries };
}

describe('the deadline pass (every minute, over every open notice)', () => {
  let h: EmptyHarness;
  beforeEach(async () => {
    h = await openEmptyHarness();
  });
  afterEach(async () => h.close());

  it('checks what is already queued with one outbox query, not one read per message, and queues each message once', async () => {
    // 生工251班 with 8 students: 孙一鸣 (parent bound), 钱二妹, 赵三强, then five more of whom the
    // first, third and fifth have a bound parent — 4 bound parents in all; one counselor, 周辅导.
    const { built } = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', (b, c) =>
      addStudents(b, c.firstClass, 5, { firstId: 2025311004, parents: 'everyOther' }),
    );
    const students = built.students.filter((s) => s.classId === 'c2025-bioeng-1');
    expect(students).toHaveLength(8);
    for (const s of students) await publishWarning(h.store, makeWarning(s));
    h.clock.advance(7 * 86_400_000 + 1000);

    const first = countingStore(h.store);
    const r1 = await queueDeadlineMessages(first.store, h.clock);
    // 8 notices; 4 of the students have a bound parent (receiptDue + receiptOverdue); the counselor one digest.
    expect(r1).toEqual({ notices: 8, queued: 4 * 2 + 1 });
    expect(first.gets.get('outbox') ?? 0).toBe(0);
    expect(first.queries.get('outbox')).toBe(1);

    const second = countingStore(h.store);
    expect(await queueDeadlineMessages(second.store, h.clock)).toEqual({ notices: 8, queued: 0 });
    expect(second.gets.get('outbox') ?? 0).toBe(0);
    expect(second.queries.get('outbox')).toBe(1);
    const kinds = (await h.store.query('outbox', { limit: 1000 })).map((m) => m.kind);
    expect(kinds.filter((k) => k === 'parentContactOverdue')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'receiptOverdue')).toHaveLength(4);
  });
});
