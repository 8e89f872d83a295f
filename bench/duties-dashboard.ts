/**
 * The leader's compliance dashboard from the store, through the handler: a college of 60 classes,
 * 200 staff users and ≈100k duty records of semester 2025-2026-1 in a temp SQLite file (fixed
 * seed). Times classCompliance / staffCompliance as dispatched by the runtime (caller lookup,
 * load, batch evaluation, rows) and counts store round trips with a counting proxy.
 * Run: npx tsx bench/duties-dashboard.ts [records]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dutiesFunction } from '../cloudfunctions/duties/function';
import { dutySubjects } from '../cloudfunctions/core/compliance/directory';
import { evaluateDutiesBatch } from '../cloudfunctions/core/duties';
import { defaultDutyConfig } from '../cloudfunctions/core/duties/defaults';
import { ruleCalendar } from '../cloudfunctions/core/calendar';
import { loadDutyData } from '../cloudfunctions/application/duty-data/load-duty-data';
import { rebuildDutyDigests } from '../cloudfunctions/application/digests/rebuild-duty-digests';
import { fixedClock } from '../cloudfunctions/core/time/clock';
import { localFiles } from '../cloudfunctions/platform/files/local-files';
import { toIso } from '../cloudfunctions/core/time/shanghai';
import { openSqliteStore } from '../cloudfunctions/platform/store/sqlite-store';
import type { Store } from '../cloudfunctions/platform/store/store';
import { countingStore } from '../test/support/checkins-counting-store';
import { dutyCollege, NOW } from './duty-college';

const RECORDS = Number(process.argv[2] ?? 100_000);
const COLLEGE = 'bench';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-duties-'));
  const raw: Store = openSqliteStore(join(dir, 'bench.sqlite'));
  try {
    const data = dutyCollege({ collegeId: COLLEGE, prefix: '', records: RECORDS, seed: 20260110 });
    const ctx = { by: 'bench', at: NOW };
    const seedStart = performance.now();
    await raw.addMany('users', data.users, ctx);
    await raw.addMany('classes', data.classes, ctx);
    await raw.addMany('students', data.students, ctx);
    await raw.addMany('dorms', data.dorms, ctx);
    await raw.addMany('warnings', data.warnings, ctx);
    for (let i = 0; i < data.records.length; i += 5000)
      await raw.addMany('dutyRecords', data.records.slice(i, i + 5000), ctx);
    console.log(
      `seeded ${data.classes.length} classes, ${data.users.length - 1} staff users, ${data.students.length} students, ${data.warnings.length} warnings, ${data.records.length} records in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    // The records were added straight to the store (as an import would): their digests are built once, then proved.
    const buildStart = performance.now();
    // Written an hour before the dashboard opens (a warm instance then asks only for digests updated since).
    const built = await rebuildDutyDigests(raw, {
      write: true,
      ctx: { by: 'bench', at: toIso(new Date(Date.parse(NOW) - 3_600_000)) },
    });
    const proof = await rebuildDutyDigests(raw, { write: false });
    console.log(
      `built ${built.written} duty digests (${built.rows} rows) in ${((performance.now() - buildStart) / 1000).toFixed(1)} s; rebuild proof: ${proof.matching} of ${proof.digests} match, ${proof.mismatched.length + proof.missing.length + proof.extra.length} differ, ${proof.outdated.length} in an older text format`,
    );

    const clock = fixedClock(NOW);
    const files = localFiles(dir);
    const warm = countingStore(raw);
    for (const action of ['staffCompliance', 'classCompliance'] as const) {
      for (const mode of ['cold', 'warm'] as const) {
        const times: number[] = [];
        let summary = '';
        for (let run = 0; run < 5; run++) {
          // Cold: a new instance (a fresh store wrapper, so no cached records); warm: the same one again.
          const counted = mode === 'cold' ? countingStore(raw) : warm;
          if (mode === 'warm' && run === 0)
            await dutiesFunction.dispatch(
              { action, input: {} },
              { store: counted.store, clock, files, openid: 'bench:leader' },
            );
          counted.reset();
          const start = performance.now();
          const answer = await dutiesFunction.dispatch(
            { action, input: {} },
            { store: counted.store, clock, files, openid: 'bench:leader' },
          );
          times.push(performance.now() - start);
          if (!answer.ok) throw new Error(`${action}: ${answer.code} ${answer.message}`);
          const rows =
            typeof answer.data === 'object' &&
            answer.data !== null &&
            'rows' in answer.data &&
            Array.isArray(answer.data.rows)
              ? answer.data.rows.length
              : 0;
          const t = counted.trips;
          summary = `${rows} rows; round trips per call: ${t.query} queries + ${t.get} gets (${[...t.byCollection].map(([c, n]) => `${c} ${n}`).join(', ')}), ${t.rows} documents read`;
        }
        console.log(
          `\n${action} ${mode}: median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${times.length} runs)`,
        );
        console.log(`  ${summary}`);
      }
    }

    // Where the cold time goes, in the same run for both sources: reading the store vs evaluating in memory.
    const from = '2025-07-13T00:00:00.000+08:00';
    const calendar = ruleCalendar(2024, 2028);
    for (const source of ['records', 'digests'] as const) {
      const loads: number[] = [];
      const evaluations: number[] = [];
      let docs = 0;
      for (let run = 0; run < 3; run++) {
        const counted = countingStore(raw);
        let start = performance.now();
        const data = await loadDutyData(counted.store, { collegeId: COLLEGE }, from, Date.parse(NOW), source);
        loads.push(performance.now() - start);
        docs = counted.trips.rows;
        start = performance.now();
        const result = evaluateDutiesBatch({
          rules: defaultDutyConfig.rules,
          calendar,
          now: NOW,
          subjects: dutySubjects(data.directory),
          records: data.records,
        });
        evaluations.push(performance.now() - start);
        if (run === 0)
          console.log(
            `\nfrom ${source}: evaluated ${result.length} people, ${result.reduce((n, ev) => n + ev.items.length, 0)} duty items, ${data.records.length} records`,
          );
      }
      console.log(
        `  cold store load median ${median(loads).toFixed(0)} ms (${docs} documents); batch evaluation median ${median(evaluations).toFixed(0)} ms`,
      );
    }
  } finally {
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
