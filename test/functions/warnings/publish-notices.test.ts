import { queueDeadlineMessages } from '../../../cloudfunctions/application/deadlines/deadline-pass';
import type { RunEntry } from '../../../types/api/warnings';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { fourMoves, runAndPublish, runEntries } from '../../support/build/warnings';

const DAY = 24 * 3600_000;
const S1 = '2025-2026-1';
const S2 = '2025-2026-2';

describe('warnings: the next publication retires the notices of the warnings it replaces or lifts, and keeps the unchanged ones', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  let firstRun: string;
  let secondRun: string;
  let entries: RunEntry[];
  let corrected: { studentId: string; v1: string; v2: string };
  beforeAll(async () => {
    h = await openEmptyHarness();
    // 孙一鸣 lifted, 钱二妹 escalated, 赵三强 and 李四海 kept (fourMoves states the grades).
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', fourMoves);
    firstRun = await runAndPublish(h, S1);
    // A notice corrected after an objection (v2) before the next publication: v2 is the one in force.
    const first = await runEntries(h, firstRun);
    const objector = first.find((e) => e.level !== null);
    if (!objector) throw new Error('the first run warns all four');
    const v1 = `notice-w:${firstRun}:${objector.studentId}`;
    await h.ok(`s-${objector.studentId}`, 'notices', 'object', { noticeId: v1, reason: '成绩有误' });
    const [row] = (await h.ok(p.clerkUser, 'notices', 'objections', {})).find((o) => o.noticeId === v1)?.grades ?? [];
    if (!row) throw new Error('the objection shows the disputed rows');
    const fix = await h.ok(p.clerkUser, 'notices', 'resolveObjection', {
      noticeId: v1,
      decision: 'correct',
      note: '已核实更正',
      grades: [{ gradeId: row.gradeId, action: 'correct', score: row.score, credits: row.credits + 1 }],
    });
    corrected = { studentId: objector.studentId, v1, v2: fix.newNoticeId ?? '' };
    const draft = await h.ok(p.clerkUser, 'warnings', 'run', { semester: S2 });
    secondRun = draft.runId;
    entries = await runEntries(h, secondRun);
    await h.ok(p.clerkUser, 'warnings', 'publish', { runId: secondRun });
  });
  afterAll(() => h.close());

  it("leaves the new and kept warnings' notices issued; replaced ones point at the new notice, lifted ones at none", async () => {
    // The four moves stated in the setup.
    expect(Object.fromEntries(entries.map((e) => [e.studentId, [e.level, e.change]]))).toEqual({
      [p.student._id]: [null, 'lifted'],
      [p.classmate._id]: ['written', 'escalated'],
      [p.third._id]: ['oral', 'unchanged'],
      [p.outsider._id]: ['written', 'unchanged'],
    });
    const lifted = entries.filter((e) => e.change === 'lifted');
    const moved = entries.filter((e) => e.level !== null && e.previousWarningId !== null && e.change !== 'unchanged');
    const kept = entries.filter((e) => e.level !== null && e.change === 'unchanged');
    expect(lifted.length).toBeGreaterThan(0);
    expect(moved.length).toBeGreaterThan(0);
    expect(kept.length).toBeGreaterThan(0);
    for (const e of moved) {
      if (e.studentId === corrected.studentId) continue;
      const old = await h.store.get('notices', `notice-${e.previousWarningId}`);
      expect(old).toMatchObject({ status: 'superseded', supersededBy: `notice-w:${secondRun}:${e.studentId}` });
    }
    for (const e of kept) {
      if (e.studentId === corrected.studentId) continue;
      await expect(h.store.get('notices', `notice-${e.previousWarningId}`)).resolves.toMatchObject({
        status: 'issued',
      });
    }
    for (const e of lifted) {
      if (e.studentId === corrected.studentId) continue;
      const old = await h.store.get('notices', `notice-${e.previousWarningId}`);
      expect(old?.status).toBe('superseded');
      expect(old?.supersededBy).toBeUndefined();
    }
    // Exactly one notice in force per active warning.
    const issued = await h.store.query('notices', { where: { status: 'issued' }, limit: 1000 });
    const current = await h.store.query('warnings', { where: { status: 'active' }, limit: 1000 });
    expect(issued.map((n) => n.warningId).sort()).toEqual(current.map((w) => w._id).sort());
    expect(
      current
        .filter((w) => w.runId === firstRun)
        .map((w) => w.studentId)
        .sort(),
    ).toEqual(kept.map((e) => e.studentId).sort());
  });

  it('keeps the corrected version in force while the level stays; else retires it, keeping the correction chain', async () => {
    expect(corrected.v2).toMatch(/-v2$/);
    await expect(h.store.get('notices', corrected.v1)).resolves.toMatchObject({
      status: 'superseded',
      supersededBy: corrected.v2,
    });
    const entry = entries.find((e) => e.studentId === corrected.studentId);
    const v2 = await h.store.get('notices', corrected.v2);
    if (entry?.change === 'unchanged') expect(v2).toMatchObject({ status: 'issued' });
    else if (entry?.level)
      expect(v2).toMatchObject({ status: 'superseded', supersededBy: `notice-w:${secondRun}:${corrected.studentId}` });
    else expect(v2).toMatchObject({ status: 'superseded' });
  });

  it('sends no reminder or overdue note for a retired notice after the deadline', async () => {
    const retired = new Set(
      (await h.store.query('notices', { where: { status: 'superseded' }, limit: 1000 })).map((n) => n._id),
    );
    expect(retired.size).toBeGreaterThan(0);
    h.clock.advance(8 * DAY);
    await queueDeadlineMessages(h.store, h.clock);
    const outbox = await h.store.query('outbox', {
      where: { kind: { in: ['receiptDue', 'receiptOverdue', 'parentContactOverdue'] } },
      limit: 1000,
    });
    // The notices in force are overdue too: the pass ran, and only for them.
    expect(outbox.filter((m) => m.kind === 'parentContactOverdue').length).toBeGreaterThan(0);
    expect(outbox.filter((m) => retired.has(m.subjectId)).map((m) => `${m.kind}:${m.subjectId}`)).toEqual([]);
  });
});
