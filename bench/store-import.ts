/**
 * How fast the SQLite store takes a whole university's grades: addMany of grade documents (each
 * checked against the registry's schema) in chunks of 5000 into a temp file, with the indexes
 * collections.ts declares for `grades`.
 * Usage: npx tsx bench/store-import.ts [rows=2400000]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../cloudfunctions/platform/store/sqlite-store';

const rows = Number(process.argv[2] ?? 2_400_000);
const CHUNK = 5000;
const COURSES = 60;
const SEMESTERS = ['2023-2024-1', '2023-2024-2', '2024-2025-1', '2024-2025-2'];
const perStudent = COURSES * SEMESTERS.length;

/** The n-th grade: students × semesters × courses, scores skewed so some fail. */
function grade(n: number) {
  const student = Math.floor(n / perStudent);
  const semester = SEMESTERS[Math.floor(n / COURSES) % SEMESTERS.length] ?? '';
  const course = n % COURSES;
  const studentId = `2023${String(student).padStart(6, '0')}`;
  const courseCode = `C${String(course).padStart(4, '0')}`;
  return {
    _id: `${studentId}-${semester}-${courseCode}`,
    studentId,
    classId: `cls-${Math.floor(student / 40)}`,
    semester,
    courseCode,
    courseName: `课程${course}`,
    credits: 1 + (course % 4),
    score: String(35 + ((n * 7919) % 66)),
    attempt: 'regular' as const,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xueye-bench-'));
  const file = join(dir, 'bench.sqlite');
  const store = openSqliteStore(file);
  const ctx = { by: 'bench', at: new Date().toISOString() };
  let inserted = 0;
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  for (let from = 0; from < rows; from += CHUNK) {
    const chunk = Array.from({ length: Math.min(CHUNK, rows - from) }, (_, i) => grade(from + i));
    inserted += await store.addMany('grades', chunk, ctx);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  // A repeated chunk (a resumed import) must add nothing.
  const again = await store.addMany(
    'grades',
    Array.from({ length: CHUNK }, (_, i) => grade(i)),
    ctx,
  );
  const queryStart = process.hrtime.bigint();
  const one = await store.query('grades', { where: { studentId: grade(rows - 1).studentId }, limit: 1000 });
  const failing = await store.count('grades', {
    classId: 'cls-3',
    score: { in: Array.from({ length: 25 }, (_, i) => String(35 + i)) },
  });
  const queryMs = Number(process.hrtime.bigint() - queryStart) / 1e6;
  await store.close();
  const sizeMb = statSync(file).size / 2 ** 20;
  rmSync(dir, { recursive: true, force: true });

  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`rows inserted   ${inserted} (${rows} requested, chunks of ${CHUNK})`);
  console.log(`seconds         ${seconds.toFixed(1)}`);
  console.log(`rows/s          ${Math.round(inserted / seconds)}`);
  console.log(`CPU seconds     ${cpuSeconds.toFixed(1)} (wall exceeds it when the machine is shared)`);
  console.log(`peak RSS        ${peakRssMb.toFixed(0)} MB`);
  console.log(`file size       ${sizeMb.toFixed(0)} MB (WAL checkpointed on close)`);
  console.log(`repeat chunk    ${again} inserted`);
  console.log(
    `indexed reads   ${queryMs.toFixed(1)} ms for one student's ${one.length} grades + a class's ${failing} failing grades`,
  );
  if (inserted !== rows || again !== 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
