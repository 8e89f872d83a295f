/**
 * Rebuilds the digests from the documents they summarise and proves the kept ones match: the
 * warning digests (semester × class) from the warnings, the duty digests (class × month) from the
 * check-ins, talks, meetings, notices and study plans. Prints the counts and every digest that
 * differs; exit 1 when any differs (without --write, which replaces them). Duty digests kept in an
 * older text format match but are listed as `outdated`; --write rewrites them in the current one.
 * Run: npx tsx scripts/rebuild-digests.ts [data/xueye.sqlite] [--write]
 */
import { openSqliteStore } from '../cloudfunctions/platform/store/sqlite-store';
import { rebuildWarningDigests } from '../cloudfunctions/application/digests/rebuild-warning-digests';
import { rebuildDutyDigests } from '../cloudfunctions/application/digests/rebuild-duty-digests';
import { systemClock } from '../cloudfunctions/core/time/clock';
import { toIso } from '../cloudfunctions/core/time/shanghai';

async function main() {
  const args = process.argv.slice(2);
  const write = args.includes('--write');
  const file = args.find((a) => !a.startsWith('--')) ?? 'data/xueye.sqlite';
  const store = openSqliteStore(file);
  try {
    const options = write
      ? ({ write: true, ctx: { by: 'script:rebuild-digests', at: toIso(systemClock.now()) } } as const)
      : ({ write: false } as const);
    const warnings = await rebuildWarningDigests(store, options);
    const duties = await rebuildDutyDigests(store, options);
    console.log(JSON.stringify({ warnings, duties }, null, 2));
    const differs = [warnings, duties].reduce((n, c) => n + c.mismatched.length + c.missing.length + c.extra.length, 0);
    process.exit(differs > 0 && !write ? 1 : 0);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
