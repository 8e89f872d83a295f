import { expect } from '@jest/globals';
import { publishDemoHistory } from '../../scripts/demo/history';
import { demoPeople, openHarness, suiteDates, type Harness } from '../support/harness';

/** The demo's finished semesters are the two before today's, on any date. */
const semesters: Record<string, { published: string; draft: string; cohorts: number[] }> = {
  termTime: { published: '2025-2026-1', draft: '2025-2026-2', cohorts: [2024, 2025] },
  winterBreak: { published: '2025-2026-1', draft: '2025-2026-2', cohorts: [2024, 2025] },
  laterYear: { published: '2027-2028-1', draft: '2027-2028-2', cohorts: [2026, 2027] },
};

/** The local demo's history goes through the real functions: publish → warnings → notices. */
describe.each(suiteDates)('demo history at %s (%s)', (name, now) => {
  let h: Harness;
  let p: ReturnType<typeof demoPeople>;
  let result: Awaited<ReturnType<typeof publishDemoHistory>>;
  const want = semesters[name] ?? { published: '', draft: '', cohorts: [] };
  beforeAll(async () => {
    h = await openHarness(now);
    p = demoPeople(h.demo);
    result = await publishDemoHistory(h.store, h.files, h.clock);
  });
  afterAll(() => h.close());

  it('publishes the older finished semester with one notice per warning, and leaves the newer one as a draft', async () => {
    expect([result.publishedSemester, result.draftSemester]).toEqual([want.published, want.draft]);
    expect(h.demo.classes.map((c) => c.cohort).filter((c, i, all) => all.indexOf(c) === i)).toEqual(want.cohorts);
    expect(result.published).toBeGreaterThan(5);
    expect(await h.store.count('warnings', { semester: want.published, status: 'active' })).toBe(result.published);
    expect(await h.store.count('notices')).toBe(result.published);
    const runs = await h.ok(p.clerkUser, 'warnings', 'runs', {});
    expect(runs.map((r) => [r.semester, r.status])).toEqual(
      expect.arrayContaining([
        [want.published, 'published'],
        [want.draft, 'draft'],
      ]),
    );
    expect(runs.find((r) => r.status === 'draft')?.runId).toBe(result.draftRunId);
  });

  it('was published within two weeks of the next semester start, before today', async () => {
    const [warning] = await h.ok(p.leaderUser, 'warnings', 'list', {});
    const publishedAt = Date.parse(warning?.publishedAt ?? '');
    const newerStart = Date.parse(`${h.demo.timeline.finished[1].start}T00:00:00+08:00`);
    expect(publishedAt - newerStart).toBeGreaterThan(0);
    expect(publishedAt - newerStart).toBeLessThan(14 * 86_400_000);
    expect(publishedAt).toBeLessThan(h.clock.now().getTime());
  });

  it('each counselor sees exactly the published warnings of their own classes', async () => {
    const all = await h.ok(p.leaderUser, 'warnings', 'list', {});
    expect(all).toHaveLength(result.published);
    const mine = await h.ok(p.counselorUser, 'warnings', 'list', {});
    const myClasses = new Set(h.demo.classes.filter((c) => c.counselorId === p.counselorUser).map((c) => c._id));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((w) => myClasses.has(w.classId))).toBe(true);
    expect(mine.length).toBe(all.filter((w) => myClasses.has(w.classId)).length);
  });

  it('looks the same as on any other day: same students warned at the same levels, relative to the cohorts', async () => {
    const again = await openHarness(suiteDates[0]?.[1]);
    try {
      await publishDemoHistory(again.store, again.files, again.clock);
      // Student numbers begin with the cohort: compare them relative to the younger cohort.
      const relative = async (hh: Harness) => {
        const younger = Math.max(...hh.demo.classes.map((c) => c.cohort));
        return (await hh.ok(demoPeople(hh.demo).leaderUser, 'warnings', 'list', {}))
          .map((w) => `${Number(w.studentId.slice(0, 4)) - younger}${w.studentId.slice(4)}:${w.level}`)
          .sort();
      };
      expect(await relative(h)).toEqual(await relative(again));
    } finally {
      await again.close();
    }
  });
});
