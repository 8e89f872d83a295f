import { runAndPublish } from '../../support/build/warnings';
import { rebuildWarningDigests } from '../../../cloudfunctions/application/digests/rebuild-warning-digests';
import { openEmptyHarness, SUITE_DATES, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses } from '../../support/build/two-classes';
import { failRegular, passOne } from '../../support/build/duties';

/**
 * Two classes: in 2025-2026-1 孙一鸣 and 钱二妹 (生工251班) and 李四海 (食品241班) fail three courses each
 * (学业警示); in 2025-2026-2 only 孙一鸣 fails again, the other two pass (their warnings are lifted).
 */
describe('warning digests (issue 14): kept in the warning’s transaction, rebuilt from the records', () => {
  let h: EmptyHarness;
  const classes = 2;
  beforeAll(async () => {
    h = await openEmptyHarness(SUITE_DATES.termTime);
    await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', (b, c) => {
      for (const s of [c.student, c.classmate, c.outsider]) failRegular(b, s, '2025-2026-1', 3);
      failRegular(b, c.student, '2025-2026-2', 3);
      passOne(b, c.classmate, '2025-2026-2');
      passOne(b, c.outsider, '2025-2026-2');
    });
    await runAndPublish(h, '2025-2026-1');
    h.clock.advance(86_400_000);
    await runAndPublish(h, '2025-2026-2');
  });
  afterAll(() => h.close());

  it('every digest kept while publishing (new, superseded, lifted) equals the one rebuilt from the warnings', async () => {
    const check = await rebuildWarningDigests(h.store, { write: false });
    expect(check).toMatchObject({ mismatched: [], missing: [], extra: [], matching: check.digests });
    // One document per semester × class, not per warning: both classes were warned in the first semester.
    expect(await h.store.count('warningDigests')).toBe(check.digests);
    expect(check.digests).toBeGreaterThanOrEqual(classes);
    expect(check.digests).toBeLessThanOrEqual(2 * classes);
    expect(await h.store.count('warnings')).toBeGreaterThan(check.digests);
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
