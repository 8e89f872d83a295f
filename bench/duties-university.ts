/**
 * Duty compliance at university scale (issue 14): 30 colleges of 60 classes (1,800 classes,
 * 54,000 students, 6,000 staff users) and 100,000 duty records per college (3 M in all). The
 * records are NOT stored: at this size adding them would take most of an hour, so each college's
 * class × month digests are built straight from its generated records (the same digestsOfSources
 * the rebuild uses) and stored; the boards read only digests anyway.
 * Measures, cold (a fresh instance each time): one college's leader board through the handler;
 * the hourly pass keeping each college's summary (each college evaluated from its digests, as a
 * refresh does); and the 学工部 school view and one college's classes through the handler, which
 * read only those summaries — with round trips, documents and time.
 * Run: npx tsx bench/duties-university.ts [colleges] [records per college]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestsOfSources } from '../cloudfunctions/application/digests/rebuild-duty-digests';
import { packEntries } from '../cloudfunctions/core/compliance/duty-digest';
import { fixedClock } from '../cloudfunctions/core/time/clock';
import { toIso } from '../cloudfunctions/core/time/shanghai';
import { dutiesFunction } from '../cloudfunctions/duties/function';
import { refreshCollegeSummary, SUMMARY_WRITER } from '../cloudfunctions/application/duties/college-summaries';
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
      await raw.add('colleges', { _id: `c${i}`, name: `第${i + 1}学院`, departments: [] }, ctx);
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
    await raw.add(
      'users',
      { _id: 'affairs', openid: 'bench:affairs', name: '学工部', grants: [{ role: 'studentAffairs' }] },
      ctx,
    );
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

    // The hourly pass: each college evaluated from its digests and its summary kept, in one
    // instance as the scheduler runs it (its warm caches bounded by rows, scope-cache.ts).
    const passTimes: number[] = [];
    let passDocs = 0;
    let passTrips = 0;
    let peak = 0;
    const pass = countingStore(raw);
    const passStart = performance.now();
    for (let i = 0; i < COLLEGES; i++) {
      pass.reset();
      const start = performance.now();
      await refreshCollegeSummary(pass.store, { _id: `c${i}`, name: `第${i + 1}学院` }, Date.parse(NOW), {
        by: SUMMARY_WRITER,
        at: NOW,
      });
      passTimes.push(performance.now() - start);
      passDocs += pass.trips.rows;
      passTrips += pass.trips.query + pass.trips.get;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    // Run with `node --expose-gc --max-old-space-size=512 --import tsx` to see what the pass keeps within a 512 MB function.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const retained = gc ? `; retained after it ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB` : '';
    console.log(
      `\nhourly pass, ${COLLEGES} college summaries kept: ${((performance.now() - passStart) / 1000).toFixed(1)} s (per college median ${median(passTimes).toFixed(0)} ms, max ${Math.max(...passTimes).toFixed(0)} ms); ${passTrips} round trips, ${passDocs} documents read; heap peak ${(peak / 2 ** 20).toFixed(0)} MB${retained}`,
    );

    // The 学工部 school view and one college's classes: they read the summaries only.
    for (const [action, input] of [
      ['schoolCompliance', {}],
      ['collegeCompliance', { collegeId: college }],
    ] as const) {
      const times: number[] = [];
      let summary = '';
      for (let run = 0; run < 5; run++) {
        const counted = countingStore(raw);
        const start = performance.now();
        const answer = await dutiesFunction.dispatch(
          { action, input },
          { store: counted.store, clock, files, openid: 'bench:affairs' },
        );
        times.push(performance.now() - start);
        if (!answer.ok) throw new Error(`${action}: ${answer.code} ${answer.message}`);
        const data = answer.data as { rows?: unknown[]; classes?: unknown[] };
        const t = counted.trips;
        summary = `${(data.rows ?? data.classes ?? []).length} rows; round trips: ${t.query} queries + ${t.get} gets (${[...t.byCollection].map(([c, n]) => `${c} ${n}`).join(', ')}), ${t.rows} documents read`;
      }
      console.log(
        `\n学工部 ${action} cold: median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}, ${times.length} runs)`,
      );
      console.log(`  ${summary}`);
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
