/**
 * The warning engine on a whole university: 40,000 students with ≈ 60 grade rows each
 * (fixed-seed PRNG). Measures in one run
 *   (a) the engine over all rows: one EvaluationRun fed student by student from batches of
 *       ~100,000 generated rows (as a handler pages grades from the store), timing only the
 *       engine's calls, so the university is never held in memory whole,
 *   (b) the same lzut-life level computation as SQL over the same rows in a temp-file SQLite
 *       (the baseline; its load time is printed apart),
 *   (c) the streaming import (header mapping + row checks) into the embedded store, in chunks.
 * Usage: npx tsx bench/warnings-engine.ts [students=40000]   (WARNINGS_BENCH_SKIP_IMPORT=1: (a) and (b) only)
 *
 * The run re-starts itself with a 384 MB V8 heap cap (WARNINGS_BENCH_HEAP_MB), as a deployed function has a memory
 * limit: without one V8 lets garbage pile up to gigabytes on a large machine, and the peak
 * would measure the machine, not the program.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { join } from 'node:path';
import type { Attempt, GradeRow } from '../types/grade';
import { EvaluationRun, presets, type Evaluation } from '../cloudfunctions/core/rules';
import { createGradeImport } from '../cloudfunctions/core/grades/grade-import';
import { gradeDocId } from '../cloudfunctions/core/grades/grade-doc-id';
import type { SheetRow } from '../cloudfunctions/core/grades/sheet-row';
import type { NewDocOf, Store } from '../cloudfunctions/platform/store/store';
import { openSqliteStore } from '../cloudfunctions/platform/store/sqlite-store';
import { seeded } from '../scripts/demo/random';

const STUDENTS = Number(process.argv[2] ?? 40_000);
const SEED = 20250901;
const SEMESTERS = ['2024-2025-1', '2024-2025-2', '2025-2026-1'];
const EVALUATED = '2025-2026-1';
const COURSES_PER_SEMESTER = 19;
const CHUNK = 5000;
const BATCH = 100_000;
const policy = presets['lzut-life']!;

// ---------------------------------------------------------------- the university

const numbers = Array.from({ length: 101 }, (_, i) => String(i));
const words = ['优秀', '良好', '中等', '及格', '合格', '免修', '缓考'];
const failWords = ['不及格', '不合格', '缺考', '旷考', '作弊'];
const courseCount = 600;
const courseCodes = Array.from({ length: courseCount }, (_, i) => `C${String(i).padStart(4, '0')}`);
const courseNames = courseCodes.map((_, i) => `课程${i}`);
const courseCredits = courseCodes.map((_, i) => [1, 1.5, 2, 2.5, 3, 4, 5][i % 7] ?? 2);
/** Some courses are much harder than others, so some exceed the 15% fail rate. */
const courseDifficulty = courseCodes.map((_, i) => ((i * 7919) % 13) ** 2 * 0.1);
const departments = Array.from({ length: 12 }, (_, i) => `D${i}`);
const teachers = Array.from({ length: 900 }, (_, i) => `教师${i}`);

/**
 * Every grade of the university in a fixed order: per student, per semester, the regular exam
 * of 18 courses, a make-up for each fail, and a retake of older courses still failed.
 */
function* university(): Generator<GradeRow> {
  const random = seeded(SEED);
  for (let s = 0; s < STUDENTS; s++) {
    const studentId = `20${22 + (s % 4)}${String(s).padStart(6, '0')}`;
    const classId = `CLS${Math.floor(s / 40)}`;
    const major = Math.floor(s / 400);
    // Most students do well; a tail struggles, so every level occurs.
    const ability = random() < 0.06 ? 52 + random() * 16 : 76 + random() * 18;
    const stillFailed: number[] = [];
    for (let t = 0; t < SEMESTERS.length; t++) {
      const semester = SEMESTERS[t] ?? EVALUATED;
      for (let k = 0; k < COURSES_PER_SEMESTER; k++) {
        const course = (major * 37 + t * COURSES_PER_SEMESTER + k) % courseCount;
        const teacher = teachers[(course * 3 + (Math.floor(s / 40) % 3)) % teachers.length] ?? '教师';
        const regular = score(random, ability - (courseDifficulty[course] ?? 0));
        yield row(studentId, classId, course, regular.text, 'regular', semester, teacher);
        if (regular.passed) continue;
        const makeup = score(random, ability + 5);
        yield row(studentId, classId, course, makeup.text, 'makeup', semester, teacher);
        if (!makeup.passed) stillFailed.push(course);
      }
      // Retakes of courses failed in earlier semesters, in this semester.
      if (t > 0) {
        for (const course of stillFailed.splice(0, 2)) {
          const retake = score(random, ability + 10);
          yield row(
            studentId,
            classId,
            course,
            retake.text,
            'retake',
            semester,
            teachers[course % teachers.length] ?? '教师',
          );
          if (!retake.passed) stillFailed.push(course);
        }
      }
    }
  }
}

/** The university in batches of about BATCH rows, never splitting a student's rows. */
function* batches(): Generator<GradeRow[]> {
  let batch: GradeRow[] = [];
  for (const r of university()) {
    if (batch.length >= BATCH && batch[batch.length - 1]?.studentId !== r.studentId) {
      yield batch;
      batch = [];
    }
    batch.push(r);
  }
  if (batch.length > 0) yield batch;
}

function score(random: () => number, ability: number): { text: string; passed: boolean } {
  const r = random();
  if (r < 0.04) return { text: words[Math.floor(random() * words.length)] ?? '合格', passed: true };
  if (r < 0.05) return { text: failWords[Math.floor(random() * failWords.length)] ?? '缺考', passed: false };
  const mark = Math.max(0, Math.min(100, Math.round(ability + (random() + random() + random() - 1.5) * 18)));
  return { text: numbers[mark] ?? '0', passed: mark >= 60 };
}

function row(
  studentId: string,
  classId: string,
  course: number,
  score: string,
  attempt: Attempt,
  semester: string,
  teacherName: string,
): GradeRow {
  return {
    studentId,
    classId,
    courseCode: courseCodes[course] ?? 'C',
    courseName: courseNames[course] ?? '课程',
    credits: courseCredits[course] ?? 2,
    score,
    attempt,
    semester,
    teacherName,
    departmentId: departments[course % departments.length] ?? 'D',
  };
}

// ---------------------------------------------------------------- measuring

let peakSampled = 0;
function sampleRss(): number {
  const rss = process.memoryUsage().rss;
  if (rss > peakSampled) peakSampled = rss;
  return rss;
}
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** Wall seconds, and CPU seconds of this process (the machine may be shared with other work). */
function timed<T>(fn: () => T): { value: T; seconds: number; cpu: number } {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9, cpu: (used.user + used.system) / 1e6 };
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

// ---------------------------------------------------------------- (b) the SQL baseline

/** lzut-life's levels in SQL: the same score semantics, per course then per student. */
const levelSql = `
WITH r AS (
  SELECT student_id, course_code, semester, attempt, credits,
    CASE
      WHEN score GLOB '[0-9]*' AND score NOT GLOB '*[^0-9.]*' AND CAST(score AS REAL) <= 100 THEN CAST(score AS REAL) >= 60
      WHEN score IN ('优秀','良好','中等','及格','合格','通过','免修','免考') THEN 1
      WHEN score IN ('不及格','不合格','不通过','未通过','缺考','旷考','作弊','违纪','取消资格','取消考试资格') THEN 0
    END AS passed
  FROM grades WHERE semester <= @semester
), c AS (
  SELECT student_id, course_code,
    MAX(semester = @semester AND attempt = 'regular' AND passed = 0) AS regular_failed,
    MAX(semester = @semester AND attempt = 'regular' AND passed = 1) AS regular_passed,
    MAX(semester = @semester AND attempt = 'makeup' AND passed = 0) AS makeup_failed,
    MAX(semester = @semester AND passed = 1) AS passed_in_semester,
    MAX(passed = 1) AS passed_ever,
    MAX(CASE WHEN passed = 0 THEN credits ELSE -1 END) AS fail_credits
  FROM r WHERE passed IS NOT NULL GROUP BY student_id, course_code
), s AS (
  SELECT student_id,
    SUM(regular_failed AND NOT regular_passed) AS regular_fails,
    SUM(makeup_failed AND NOT passed_in_semester) AS makeup_fails,
    SUM(CASE WHEN fail_credits >= 0 AND NOT passed_ever THEN fail_credits ELSE 0 END) AS owed
  FROM c GROUP BY student_id
)
SELECT student_id AS studentId,
  CASE WHEN makeup_fails >= 2 THEN 'written' WHEN makeup_fails = 1 THEN 'oral' WHEN regular_fails >= 3 THEN 'warning' END AS level
FROM s`;

function isLevelRow(r: unknown): r is { studentId: string; level: string | null } {
  return (
    typeof r === 'object' &&
    r !== null &&
    'studentId' in r &&
    typeof r.studentId === 'string' &&
    'level' in r &&
    (r.level === null || typeof r.level === 'string')
  );
}

/** The baseline's table, filled batch by batch with the rows the engine saw. */
function openBaseline(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.exec(
    'CREATE TABLE grades (student_id TEXT, course_code TEXT, semester TEXT, attempt TEXT, credits REAL, score TEXT)',
  );
  const insert = db.prepare('INSERT INTO grades VALUES (?, ?, ?, ?, ?, ?)');
  const load = db.transaction((rows: ReadonlyArray<GradeRow>) => {
    for (const r of rows) insert.run(r.studentId, r.courseCode, r.semester, r.attempt, r.credits, r.score);
  });
  return {
    load,
    index: () => db.exec('CREATE INDEX grades_student_course ON grades (student_id, course_code)'),
    levels: () => {
      const levels = new Map<string, string | null>();
      for (const r of db.prepare(levelSql).iterate({ semester: EVALUATED }))
        if (isLevelRow(r)) levels.set(r.studentId, r.level);
      return levels;
    },
    close: () => db.close(),
  };
}

// ---------------------------------------------------------------- (c) import into the store

/** The university as an export file would read: a header row, then every grade as text cells. */
function* exportRows(): Generator<SheetRow> {
  yield {
    rowNumber: 1,
    cells: ['学号', '班级', '课程代码', '课程名称', '学分', '成绩', '考试性质', '学期', '任课教师', '开课院系'],
  };
  const attemptText: Record<Attempt, string> = { regular: '正考', makeup: '补考', retake: '重修' };
  let n = 1;
  for (const r of university()) {
    n++;
    yield {
      rowNumber: n,
      cells: [
        r.studentId,
        r.classId ?? '',
        r.courseCode,
        r.courseName,
        String(r.credits),
        r.score,
        attemptText[r.attempt],
        r.semester,
        r.teacherName ?? '',
        r.departmentId ?? '',
      ],
    };
  }
}

/**
 * Hook (c): a streaming import of sheet rows into a store, chunk by chunk, as the import
 * handler does it. Only one chunk of documents is held at a time.
 */
export async function importGradesIntoStore(
  store: Store,
  rows: Iterable<SheetRow>,
  chunkSize = CHUNK,
): Promise<{ good: number; bad: number; inserted: number; storeSeconds: number }> {
  const importer = createGradeImport();
  const ctx = { by: 'bench', at: '2025-09-01T08:00:00.000+08:00' };
  let chunk: NewDocOf<'grades'>[] = [];
  let inserted = 0;
  let storeSeconds = 0;
  for (const sheetRow of rows) {
    const step = importer.accept(sheetRow);
    if (step.kind === 'fatal') throw new Error(step.message);
    if (step.kind !== 'row') continue;
    // The handler takes the class from the student's record; the bench keeps the file's.
    chunk.push({ _id: gradeDocId(step.row), ...step.row, classId: step.row.classId ?? '' });
    if (chunk.length === chunkSize) {
      const start = process.hrtime.bigint();
      inserted += await store.addMany('grades', chunk, ctx);
      storeSeconds += Number(process.hrtime.bigint() - start) / 1e9;
      chunk = [];
      if (inserted % 100_000 === 0) sampleRss();
    }
  }
  if (chunk.length > 0) inserted += await store.addMany('grades', chunk, ctx);
  const { good, bad } = importer.counts;
  return { good, bad, inserted, storeSeconds };
}

// ---------------------------------------------------------------- the run

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'warnings-bench-'));
  try {
    // (a) and (b) over the same stream of rows.
    const run = new EvaluationRun(policy, { semester: EVALUATED });
    const baseline = openBaseline(join(dir, 'baseline.sqlite'));
    let engineSeconds = 0;
    let engineCpu = 0;
    let loadSeconds = 0;
    let rowCount = 0;
    let studentCount = 0;
    const streamed = timed(() => {
      for (const batch of batches()) {
        rowCount += batch.length;
        const fed = timed(() => {
          let from = 0;
          for (let i = 1; i <= batch.length; i++) {
            const id = batch[from]?.studentId ?? '';
            if (i < batch.length && batch[i]?.studentId === id) continue;
            run.addStudent(id, batch, from, i);
            studentCount++;
            from = i;
          }
        });
        engineSeconds += fed.seconds;
        engineCpu += fed.cpu;
        loadSeconds += timed(() => baseline.load(batch)).seconds;
        sampleRss();
      }
    });
    const generationSeconds = streamed.seconds - engineSeconds - loadSeconds;
    const finished = timed(() => run.finish());
    engineSeconds += finished.seconds;
    engineCpu += finished.cpu;
    const engine: Evaluation = finished.value;
    sampleRss();
    console.log(
      `university      ${studentCount} students, ${rowCount} grade rows (${(rowCount / studentCount).toFixed(1)} per student), streamed in batches of ~${BATCH.toLocaleString('en')} rows`,
    );
    const counts = new Map<string, number>();
    for (const st of engine.students) counts.set(st.level ?? 'none', (counts.get(st.level ?? 'none') ?? 0) + 1);
    const flagged = engine.courses.filter((c) => c.flagged).length;
    console.log(
      `(a) engine      ${engineSeconds.toFixed(2)} s (CPU ${engineCpu.toFixed(2)} s); ${Math.round(rowCount / engineSeconds).toLocaleString('en')} rows/s; generating the rows took ${generationSeconds.toFixed(1)} s more`,
    );
    console.log(
      `                levels: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}; ${flagged}/${engine.courses.length} courses and ${engine.teachers.filter((t) => t.flagged).length}/${engine.teachers.length} teachers above 15%`,
    );
    console.log(`    RSS after (a) ${mb(sampleRss())}`);

    loadSeconds += timed(() => baseline.index()).seconds;
    const sql = timed(() => baseline.levels());
    baseline.close();
    let disagree = 0;
    for (const st of engine.students) if ((sql.value.get(st.studentId) ?? null) !== st.level) disagree++;
    console.log(
      `(b) SQL         ${sql.seconds.toFixed(2)} s query (CPU ${sql.cpu.toFixed(2)} s; + ${loadSeconds.toFixed(1)} s to load and index); ${Math.round(rowCount / sql.seconds).toLocaleString('en')} rows/s; levels differ for ${disagree} students`,
    );
    console.log(
      `    ratio       engine/baseline = ${(engineSeconds / sql.seconds).toFixed(3)} (engine ${(sql.seconds / engineSeconds).toFixed(1)}× faster; by CPU ${(sql.cpu / engineCpu).toFixed(1)}×)`,
    );
    console.log(`    RSS after (b) ${mb(sampleRss())}`);
    if (process.env.WARNINGS_BENCH_SKIP_IMPORT) return;
    const store = openSqliteStore(join(dir, 'store.sqlite'));
    const cpuBefore = process.cpuUsage();
    const imported = await timedAsync(() => importGradesIntoStore(store, exportRows()));
    const cpu = process.cpuUsage(cpuBefore);
    const firstChunk = exportRows();
    const again = await importGradesIntoStore(
      store,
      (function* () {
        let n = 0;
        for (const r of firstChunk)
          if (n++ <= 50_000) yield r;
          else return;
      })(),
    );
    await store.close();
    sampleRss();
    const { good, bad, inserted, storeSeconds } = imported.value;
    console.log(
      `(c) import      ${imported.seconds.toFixed(1)} s for ${good} rows (${bad} bad), ${inserted} inserted, chunks of ${CHUNK}; ${Math.round(good / imported.seconds).toLocaleString('en')} rows/s`,
    );
    console.log(
      `                ${storeSeconds.toFixed(1)} s inside store.addMany, ${(imported.seconds - storeSeconds).toFixed(1)} s reading + checking; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; re-import of the first 50,000 rows inserted ${again.inserted}`,
    );

    const peak = Math.max(peakSampled, process.resourceUsage().maxRSS * 1024);
    console.log(
      `memory          peak RSS ${mb(peak)} (getrusage; sampled between phases ${mb(peakSampled)}), V8 heap limit ${mb(getHeapStatistics().heap_size_limit)}`,
    );
    const ok =
      engineSeconds < 2 &&
      sql.seconds / engineSeconds >= 5 &&
      imported.seconds < 60 &&
      peak < 512 * 2 ** 20 &&
      disagree === 0 &&
      again.inserted === 0;
    console.log(
      `targets         engine < 2 s: ${engineSeconds < 2}; ≥ 5× baseline: ${sql.seconds / engineSeconds >= 5}; import < 60 s: ${imported.seconds < 60}; peak < 512 MB: ${peak < 512 * 2 ** 20}`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const HEAP_CAP = `--max-old-space-size=${process.env.WARNINGS_BENCH_HEAP_MB ?? 384}`;
// Re-start only when run as a script (a runner that imports this file gets no cap).
const runAsScript = (process.argv[1] ?? '').endsWith('warnings-engine.ts');
if (!runAsScript || process.execArgv.includes(HEAP_CAP) || process.env.WARNINGS_BENCH_NO_CAP) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
} else {
  const child = spawnSync(process.execPath, [...process.execArgv, HEAP_CAP, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exitCode = child.status ?? 1;
}
