import { rebuildWarningDigests } from '../../../cloudfunctions/application/digests/rebuild-warning-digests';
import { openHarness, SUITE_DATES, type Harness } from '../../support/harness';
import { publishSemester } from '../../support/warnings-runs';

describe('warning digests (issue 14): kept in the warning’s transaction, rebuilt from the records', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(SUITE_DATES.termTime);
    await publishSemester(h, '2025-2026-1');
    h.clock.advance(86_400_000);
    await publishSemester(h, '2025-2026-2');
  });
  afterAll(() => h.close());

  it('every digest kept while publishing (new, superseded, lifted) equals the one rebuilt from the warnings', async () => {
    const check = await rebuildWarningDigests(h.store, { write: false });
    expect(check.digests).toBeGreaterThan(0);
    expect(check).toMatchObject({ mismatched: [], missing: [], extra: [], matching: check.digests });
    // One document per semester × class, not per warning.
    expect(await h.store.count('warningDigests')).toBe(check.digests);
    expect(check.digests).toBeLessThanOrEqual(2 * h.demo.classes.length);
  });

  it('a digest that drifted is found and repaired', async () => {
    const [some] = await h.store.query('warningDigests', { limit: 1 });
    if (!some) throw new Error('no digest');
    await h.store.update('warningDigests', some._id, { students: {} }, some._version, {
      by: 'test',
      at: '2026-11-25T10:00:00+08:00',
    });
    expect((await rebuildWarningDigests(h.store, { write: false })).mismatched).toEqual([some._id]);
    expect(
      (await rebuildWarningDigests(h.store, { write: true, ctx: { by: 'test', at: '2026-11-25T10:00:00+08:00' } }))
        .written,
    ).toBe(1);
    expect(await rebuildWarningDigests(h.store, { write: false })).toMatchObject({
      mismatched: [],
      missing: [],
      extra: [],
    });
  });
});
