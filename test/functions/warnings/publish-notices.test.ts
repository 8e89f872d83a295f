import { queueDeadlineMessages } from '../../../cloudfunctions/scheduler/deadline-pass';
import type { OutboxMessage } from '../../../types/message';
import type { Notice } from '../../../types/notice';
import type { Warning } from '../../../types/warning';
import { demoPeople, openHarness, type Harness } from '../../support/harness';
import { entriesOf, publishSemester } from '../../support/warnings-runs';

const DAY = 24 * 3600_000;

describe('warnings: the next publication retires the notices of the warnings it replaces or lifts', () => {
  let h: Harness;
  let p: ReturnType<typeof demoPeople>;
  let firstRun: string;
  let secondRun: string;
  let corrected: { studentId: string; v1: string; v2: string };
  beforeAll(async () => {
    h = await openHarness();
    p = demoPeople(h.demo);
    firstRun = await publishSemester(h, '2025-2026-1');
    // A notice corrected after an objection (v2) before the next publication: v2 is the one in force.
    const draft = await h.ok(p.clerkUser, 'warnings', 'run', { semester: '2025-2026-2' });
    secondRun = draft.runId;
    const carried = (await entriesOf(h, secondRun)).find((e) => e.level !== null && e.previousWarningId !== null);
    if (!carried?.previousWarningId) throw new Error('the demo carries a warning over to 2025-2026-2');
    const v1 = `notice-${carried.previousWarningId}`;
    await h.ok(`s-${carried.studentId}`, 'notices', 'object', { noticeId: v1, reason: '成绩有误' });
    const fix = await h.ok(p.clerkUser, 'notices', 'resolveObjection', { noticeId: v1, decision: 'correct', note: '已核实更正', explanation: ['更正后的原因'] });
    corrected = { studentId: carried.studentId, v1, v2: fix.newNoticeId ?? '' };
    await h.ok(p.clerkUser, 'warnings', 'publish', { runId: secondRun });
  });
  afterAll(() => h.close());

  it('leaves only the new warnings\' notices issued; replaced ones point at the new notice, lifted ones at none', async () => {
    const entries = await entriesOf(h, secondRun);
    const lifted = entries.filter((e) => e.change === 'lifted');
    const carried = entries.filter((e) => e.level !== null && e.previousWarningId !== null);
    expect(lifted.length).toBeGreaterThan(0);
    expect(carried.length).toBeGreaterThan(0);
    for (const e of carried) {
      if (e.studentId === corrected.studentId) continue;
      const old = await h.store.get<Notice>('notices', `notice-${e.previousWarningId}`);
      expect(old).toMatchObject({ status: 'superseded', supersededBy: `notice-w:${secondRun}:${e.studentId}` });
    }
    for (const e of lifted) {
      const old = await h.store.get<Notice>('notices', `notice-${e.previousWarningId}`);
      expect(old?.status).toBe('superseded');
      expect(old?.supersededBy).toBeUndefined();
    }
    const issued = await h.store.query<Notice>('notices', { where: { status: 'issued' }, limit: 1000 });
    const current = await h.store.query<Warning>('warnings', { where: { status: 'active' }, limit: 1000 });
    expect(issued.map((n) => n.warningId).sort()).toEqual(current.map((w) => w._id).sort());
    expect(current.every((w) => w.runId === secondRun)).toBe(true);
    expect(await h.store.count('notices', { warningId: { in: (await h.store.query<Warning>('warnings', { where: { runId: firstRun }, limit: 1000 })).map((w) => w._id) }, status: 'issued' })).toBe(0);
  });

  it('retires the corrected version in force, keeping the correction chain', async () => {
    expect(corrected.v2).toMatch(/-v2$/);
    await expect(h.store.get<Notice>('notices', corrected.v1)).resolves.toMatchObject({ status: 'superseded', supersededBy: corrected.v2 });
    await expect(h.store.get<Notice>('notices', corrected.v2)).resolves.toMatchObject({ status: 'superseded', supersededBy: `notice-w:${secondRun}:${corrected.studentId}` });
  });

  it('sends no reminder or overdue note for a retired notice after the deadline', async () => {
    const replaced = (await h.store.query<Warning>('warnings', { where: { runId: firstRun }, limit: 1000 })).map((w) => w._id);
    const retired = new Set((await h.store.query<Notice>('notices', { where: { warningId: { in: replaced } }, limit: 1000 })).map((n) => n._id));
    expect(retired.size).toBeGreaterThan(replaced.length); // the corrected student's v2 as well
    h.clock.advance(8 * DAY);
    await queueDeadlineMessages(h.store, h.clock);
    const outbox = await h.store.query<OutboxMessage>('outbox', { where: { kind: { in: ['receiptDue', 'receiptOverdue', 'parentContactOverdue'] } }, limit: 1000 });
    // The new notices are overdue too: the pass ran, and only for them.
    expect(outbox.filter((m) => m.kind === 'parentContactOverdue').length).toBeGreaterThan(0);
    expect(outbox.filter((m) => retired.has(m.subjectId)).map((m) => `${m.kind}:${m.subjectId}`)).toEqual([]);
  });
});
