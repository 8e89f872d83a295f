import { openEmptyHarness } from '../test/support/harness';
import { seedMatrix } from '../test/support/access-matrix';
import { probeInputs } from '../test/support/input-probe';

/**
 * The larger run of the property probe in test/functions/hardening/input-properties.test.ts:
 * `npx tsx bench/input-probe.ts [runsPerAction=200] [seed=20261201]` prints the case counts, the
 * slowest actions and every failure (an answer that is not an envelope, INTERNAL, a throw, a
 * write on an error, an unreadable time stored). Exit 1 when anything failed.
 */
async function main(): Promise<void> {
  const numRuns = Number(process.argv[2] ?? 200);
  const seed = Number(process.argv[3] ?? 20261201);
  const h = await openEmptyHarness();
  let logged = 0;
  // Handlers log what they answer INTERNAL to; counted here, each one is also a failure below.
  console.error = () => {
    logged += 1;
  };
  try {
    const m = await seedMatrix(h);
    const report = await probeInputs(h, m, { numRuns, seed });
    console.log(
      `input probe: ${report.actions} actions × ${numRuns} runs (seed ${seed}) = ${report.cases} cases in ${report.seconds.toFixed(1)} s`,
    );
    console.log(`  ${report.errors} error answers, ${report.oks} ok answers, ${logged} errors logged by handlers`);
    console.log(`  slowest: ${report.slowest.map((s) => `${s.action} ${Math.round(s.ms)} ms`).join(', ')}`);
    console.log(`  failures: ${report.failures.length}`);
    for (const f of report.failures.slice(0, 50)) console.log(`  - ${f.action}: ${f.problem}\n      input ${f.input}`);
    process.exitCode = report.failures.length === 0 ? 0 : 1;
  } finally {
    await h.close();
  }
}

void main();
