import { publishDemoHistory } from '../../scripts/demo/history';
import { demoPeople, openHarness, type Harness } from './../support/harness';

/** The local demo's history goes through the real functions: publish → warnings → notices. */
describe('demo history', () => {
  let h: Harness;
  let p: ReturnType<typeof demoPeople>;
  let result: { published: number; draftRunId: string };
  beforeAll(async () => {
    h = await openHarness();
    p = demoPeople(h.demo);
    result = await publishDemoHistory(h.store, h.files, h.clock);
  });
  afterAll(() => h.close());

  it('publishes 2025-2026-1 with one notice per warning, and leaves 2025-2026-2 as a draft', async () => {
    expect(result.published).toBeGreaterThan(5);
    expect(await h.store.count('warnings', { semester: '2025-2026-1', status: 'active' })).toBe(result.published);
    expect(await h.store.count('notices')).toBe(result.published);
    const runs = await h.ok(p.clerkUser, 'warnings', 'runs', {});
    expect(runs.map((r) => [r.semester, r.status])).toEqual(expect.arrayContaining([['2025-2026-1', 'published'], ['2025-2026-2', 'draft']]));
    expect(runs.find((r) => r.status === 'draft')?.runId).toBe(result.draftRunId);
  });

  it("each counselor sees exactly the published warnings of their own classes", async () => {
    const all = await h.ok(p.leaderUser, 'warnings', 'list', {});
    expect(all).toHaveLength(result.published);
    const mine = await h.ok(p.counselorUser, 'warnings', 'list', {});
    const myClasses = new Set(h.demo.classes.filter((c) => c.counselorId === p.counselorUser).map((c) => c._id));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((w) => myClasses.has(w.classId))).toBe(true);
    expect(mine.length).toBe(all.filter((w) => myClasses.has(w.classId)).length);
  });

  it('is deterministic: the same demo gives the same warnings', async () => {
    const again = await openHarness();
    try {
      const second = await publishDemoHistory(again.store, again.files, again.clock);
      const ids = async (hh: Harness) => (await hh.ok(p.leaderUser, 'warnings', 'list', {})).map((w) => `${w.studentId}:${w.level}`).sort();
      expect(second.published).toBe(result.published);
      expect(await ids(again)).toEqual(await ids(h));
    } finally {
      await again.close();
    }
  });
});
