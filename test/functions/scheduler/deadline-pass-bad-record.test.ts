import { join } from 'node:path';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses } from '../../support/build/two-classes';
import { addStudents } from '../../support/build/outbox';
import { makeWarning, publishWarning } from '../../support/notices-factories';
import { storeAsIs } from '../../support/stored-as-is';
import { queueDeadlineMessages } from '../../../cloudfunctions/application/deadlines/deadline-pass';

describe('the deadline pass survives one bad notice', () => {
  let h: EmptyHarness;
  beforeEach(async () => {
    h = await openEmptyHarness();
  });
  afterEach(async () => h.close());

  it('skips a notice stored without phone contacts or names and still queues every other message', async () => {
    // 生工251班's first four: 孙一鸣 (parent bound), 钱二妹, 赵三强, and one more with a bound parent.
    const { built } = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', (b, c) =>
      addStudents(b, c.firstClass, 1, { firstId: 2025311004, parents: 'everyOther' }),
    );
    const students = built.students.filter((s) => s.classId === 'c2025-bioeng-1');
    expect(students).toHaveLength(4);
    const notices = [];
    for (const s of students) notices.push((await publishWarning(h.store, makeWarning(s))).notice);
    // An older version (or a hand edit) left a record without the arrays and names the pass reads.
    const bad = notices[0]!;
    await storeAsIs(join(h.dir, 'test.sqlite'), 'notices', bad._id, { phoneContacts: null, studentName: null });
    h.clock.advance(7 * 86_400_000 + 1000);

    const result = await queueDeadlineMessages(h.store, h.clock);
    expect(result.notices).toBe(3);
    const outbox = await h.store.query('outbox', { limit: 1000 });
    const about = (id: string) => outbox.filter((m) => m.subjectId === id && m.kind !== 'warningIssued');
    expect(about(bad._id)).toEqual([]);
    // The three readable notices still get their messages, and the counselor their digest.
    const digests = outbox.filter((m) => m.kind === 'parentContactOverdue');
    expect(digests).toHaveLength(1);
    expect(digests[0]?.data).toMatchObject({ count: '3' });
    // Students whose parent is bound get the receipt reminders, as without the bad record.
    const bound = notices
      .slice(1)
      .filter((n) => outbox.some((m) => m.subjectId === n._id && m.kind === 'receiptOverdue'));
    expect(bound.length).toBeGreaterThan(0);
  });
});
