/**
 * What reading many documents costs through the store: queryAll of N warnings and N students
 * (pages of 1000, as dashboards read them) from a temp SQLite file. Every document is parsed with
 * its collection's schema on the way out; the figures show what that parse costs per read.
 * Usage: npx tsx bench/store-read.ts [documents=100000]   (STORE_STRICT_FIELDS=1: the test mode)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../cloudfunctions/platform/store/sqlite-store';
import { queryAll } from '../cloudfunctions/platform/store/store';

const N = Number(process.argv[2] ?? 100_000);
const ROUNDS = 5;
const ctx = { by: 'bench', at: '2026-11-01T08:00:00.000+08:00' };

function warning(n: number) {
  const studentId = `2024${String(n).padStart(6, '0')}`;
  return {
    _id: `w${n}`,
    runId: `run-${n % 4}`,
    studentId,
    studentName: `学生${n}`,
    classId: `cls-${Math.floor(n / 30)}`,
    collegeId: 'life',
    semester: '2025-2026-1',
    policyId: 'lzut-life',
    level: 'written',
    levelName: '书面警示',
    levelRank: 1,
    change: 'new' as const,
    triggers: [
      {
        rule: 'failedCredits',
        text: '正考不及格 3 门：高等数学A（上）（MA1011，5 学分）',
        courses: ['MA1011', 'PH1001'],
        credits: 9,
      },
    ],
    failedCourses: [
      { code: 'MA1011', name: '高等数学A（上）', credits: 5 },
      { code: 'PH1001', name: '大学物理', credits: 4 },
    ],
    manual: null,
    status: n % 3 === 0 ? ('superseded' as const) : ('active' as const),
    publishedAt: '2025-09-20T10:00:00.000+08:00',
    publishedBy: 'clerk',
  };
}

function student(n: number) {
  return {
    _id: `2024${String(n).padStart(6, '0')}`,
    name: `学生${n}`,
    gender: n % 2 === 0 ? ('男' as const) : ('女' as const),
    classId: `cls-${Math.floor(n / 30)}`,
    collegeId: 'life',
    cohort: 2024,
    dormId: `d${n % 500}`,
    parentName: '家长',
    parentPhone: '13800000000',
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xueye-bench-read-'));
  const store = openSqliteStore(join(dir, 'bench.sqlite'));
  try {
    for (let from = 0; from < N; from += 5000) {
      const size = Math.min(5000, N - from);
      await store.addMany(
        'warnings',
        Array.from({ length: size }, (_, i) => warning(from + i)),
        ctx,
      );
      await store.addMany(
        'students',
        Array.from({ length: size }, (_, i) => student(from + i)),
        ctx,
      );
    }
    for (const collection of ['warnings', 'students'] as const) {
      const times: number[] = [];
      const cpu: number[] = [];
      let rows = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        rows = (await queryAll(store, collection)).length;
        const used = process.cpuUsage(cpuStart);
        cpu.push((used.user + used.system) / 1000);
        times.push(performance.now() - start);
      }
      // CPU time is the steadier figure on a shared machine; wall time includes waiting for a core.
      console.log(
        `${collection.padEnd(9)} ${rows} documents read in ${median(cpu).toFixed(0)} ms CPU, ${median(times).toFixed(0)} ms wall (medians of ${ROUNDS}; ${((median(cpu) * 1000) / rows).toFixed(1)} µs CPU each)`,
      );
      if (rows !== N) process.exitCode = 1;
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
