/**
 * Duty compliance at university scale (issue 14): 30 colleges of 60 classes (1,800 classes,
 * 54,000 students, 6,000 staff users) and 100,000 duty records per college (3 M in all). The
 * records are NOT stored: at this size adding them would take most of an hour, so each college's
 * class × month digests are built straight from its generated records (the same digestsOfSources
 * the rebuild uses) and stored; the boards read only digests anyway.
 * Measures, cold (a fresh instance each time): one college's leader board through the handler,
 * and the 学工部 school view — which the app does not have as a screen yet — as every college's
 * board evaluated in turn (what such a view would compute), with round trips, documents and time.
 * Run: npx tsx bench/duties-university.ts [colleges] [records per college]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestsOfSources } from '../cloudfunctions/application/digests/rebuild-duty-digests';
import { packEntries } from '../cloudfunctions/core/compliance/duty-digest';
import { compliancePerClass } from '../cloudfunctions/core/duties';
import { fixedClock } from '../cloudfunctions/core/time/clock';
import { toIso } from '../cloudfunctions/core/time/shanghai';
import { dutiesFunction } from '../cloudfunctions/duties/function';
import { evaluateScope } from '../cloudfunctions/application/duty-data/evaluate-scope';
import { localFiles } from '../cloudfunctions/platform/files/local-files';
import { openSqliteStore } from '../cloudfunctions/platform/store/sqlite-store';
import type { Store } from '../cloudfunctions/platform/store/store';
import { countingStore } from '../test/support/checkins-counting-store';
import { dutyCollege, NOW } from './duty-college';

const COLLEGES = Number(process.argv[2] ?? 30);
const RECORDS = Number(process.argv[3] ?? 100_000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-university-'));
  const raw: Store = openSqliteStore(join(dir, 'bench.sqlite'));
  try {
    const ctx = { by: 'bench', at: toIso(new Date(Date.parse(NOW) - 3_600_000)) };
    const seedStart = performance.now();
    let records = 0;
    let digests = 0;
    for (let i = 0; i < COLLEGES; i++) {
      const data = dutyCollege({ collegeId: `c${i}`, prefix: `c${i}-`, records: RECORDS, seed: 20260110 + i });
      await raw.addMany('users', data.users, ctx);
      await raw.addMany('classes', data.classes, ctx);
      await raw.addMany('students', data.students, ctx);
      await raw.addMany('dorms', data.dorms, ctx);
      await raw.addMany('warnings', data.warnings, ctx);
      const built = digestsOfSources(data.records.map((doc) => ({ collection: 'dutyRecords' as const, doc })));
      const docs = [...built].map(([id, d]) => ({
        _id: id,
        classId: d.classId,
        collegeId: d.collegeId,
        month: d.month,
        entries: packEntries(d.entries),
      }));
      await raw.addMany('dutyDigests', docs, ctx);
      records += data.records.length;
      digests += docs.length;
    }
    console.log(
      `seeded ${COLLEGES} colleges, ${COLLEGES * 60} classes, ${COLLEGES * 1800} students, ${records} records as ${digests} digests (records not stored) in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`,
    );

    const clock = fixedClock(NOW);
    const files = localFiles(dir);
    const college = `c${Math.min(7, COLLEGES - 1)}`;
    for (const action of ['staffCompliance', 'classCompliance'] as const) {
      const times: number[] = [];
      let summary = '';
      for (let run = 0; run < 3; run++) {
        const counted = countingStore(raw);
        const start = performance.now();
        const answer = await dutiesFunction.dispatch(
          { action, input: {} },
          { store: counted.store, clock, files, openid: `bench:${college}-leader` },
        );
        times.push(performance.now() - start);
        if (!answer.ok) throw new Error(`${action}: ${answer.code} ${answer.message}`);
        const t = counted.trips;
        summary = `round trips: ${t.query} queries + ${t.get} gets (${[...t.byCollection].map(([c, n]) => `${c} ${n}`).join(', ')}), ${t.rows} documents read`;
      }
      console.log(
        `\none college's leader (${college}), ${action} cold: median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${times.length} runs)`,
      );
      console.log(`  ${summary}`);
    }

    // The school view: every college's compliance per class, each read and evaluated as its leader's board is.
    const counted = countingStore(raw);
    const start = performance.now();
    let classes = 0;
    let items = 0;
    let peak = 0;
    for (let i = 0; i < COLLEGES; i++) {
      const e = await evaluateScope(counted.store, { collegeId: `c${i}` }, Date.parse(NOW), undefined, 'digests');
      classes += compliancePerClass(e.evaluations).length;
      items += e.evaluations.reduce((n, ev) => n + ev.items.length, 0);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const t = counted.trips;
    console.log(
      `\n学工部 school view (${COLLEGES} colleges, one after another), cold: ${(performance.now() - start).toFixed(0)} ms; ${classes} class rows, ${items} duty items`,
    );
    console.log(
      `  round trips: ${t.query} queries + ${t.get} gets (${[...t.byCollection].map(([c, n]) => `${c} ${n}`).join(', ')}), ${t.rows} documents read; heap peak ${(peak / 2 ** 20).toFixed(0)} MB`,
    );
  } finally {
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
