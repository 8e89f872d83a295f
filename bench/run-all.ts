import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Runs every benchmark in its own process (each measures its own memory), one after another. */
const benches = [
  'warnings-engine.ts',
  'store-import.ts',
  'duties-compliance.ts',
  'duties-dashboard.ts',
  'duties-university.ts',
  'roster-import.ts',
  'documents-class.ts',
  'reports-effect.ts',
  'store-read.ts',
  'input-probe.ts',
];
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', resolve(__dirname, bench)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
