import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedMatrix, type Matrix } from '../../support/access-matrix';
import { probeInputs } from '../../support/input-probe';

/**
 * Issue 12 §12: a property test of every action, inputs generated around its zod schema. Fixed
 * seed and run count so a failure replays; `npx tsx bench/input-probe.ts` runs a larger sample.
 */
describe('every action answers any input with an envelope and writes nothing on an error', () => {
  let h: EmptyHarness;
  let m: Matrix;
  beforeAll(async () => {
    h = await openEmptyHarness();
    m = await seedMatrix(h);
  }, 60_000);
  afterAll(() => h.close());

  it('holds for a fixed sample of generated inputs', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const report = await probeInputs(h, m, { numRuns: 60, seed: 20261201 });
    console.log(
      `input properties: ${report.actions} actions, ${report.cases} cases (${report.errors} error answers, ${report.oks} ok), ${report.failures.length} failures, ${report.seconds.toFixed(1)} s; slowest ${report.slowest.map((s) => `${s.action} ${Math.round(s.ms)} ms`).join(', ')}`,
    );
    expect(report.failures).toEqual([]);
    expect(report.actions).toBeGreaterThanOrEqual(80);
    expect(report.errors).toBeGreaterThan(report.cases / 2);
    // No time limit here: speed is a figure `bench/input-probe.ts` prints, not a test that load can fail.
  }, 300_000);
});
