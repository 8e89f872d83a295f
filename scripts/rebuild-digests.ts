/**
 * Rebuilds the warning digests (one per semester × class) from the warnings and proves the kept
 * ones match: prints the counts and every digest that differs; exit 1 when any differs.
 * Run: npx tsx scripts/rebuild-digests.ts [data/xueye.sqlite] [--write]
 */
import { openSqliteStore } from '../cloudfunctions/platform/store/sqlite-store';
import { rebuildWarningDigests } from '../cloudfunctions/reports/rebuild-digests';
import { systemClock } from '../cloudfunctions/core/time/clock';
import { toIso } from '../cloudfunctions/core/time/shanghai';

async function main() {
  const args = process.argv.slice(2);
  const write = args.includes('--write');
  const file = args.find((a) => !a.startsWith('--')) ?? 'data/xueye.sqlite';
  const store = openSqliteStore(file);
  try {
    const check = await rebuildWarningDigests(store, write ? { write: true, ctx: { by: 'script:rebuild-digests', at: toIso(systemClock.now()) } } : { write: false });
    console.log(JSON.stringify(check, null, 2));
    const differs = check.mismatched.length + check.missing.length + check.extra.length;
    process.exit(differs > 0 && !write ? 1 : 0);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
