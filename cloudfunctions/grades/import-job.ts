import type { ImportJobView } from '../../types/api/grades';
import type { Student } from '../../types/domain';
import type { GradeRow } from '../../types/grade';
import { NotFoundError } from '../core/errors';
import { gradeDocId } from '../core/grades/grade-doc-id';
import { createGradeImport } from '../core/grades/grade-import';
import type { RowError, SheetRow } from '../core/grades/sheet-row';
import { GradeFileError, readGradeFile } from '../platform/grades/grade-file';
import type { Context } from '../platform/runtime/define-function';
import type { GradeImportDocument } from '../platform/store/documents/grades';
import { queryAll, type Stored } from '../platform/store/store';
import { toIso } from '../core/time/shanghai';
import { classifyRows, type GoodRow } from './classify-rows';
import { gradeKey, type GradeDoc } from './grade-doc';
import { isFileReadError, pull } from '../application/grades/file-rows';
import { rosterChecks, rosterOf } from '../application/grades/roster';
import { queryIn } from '../platform/store/store';
import { recordTeaching } from './teaching-sections';

/** Rows per chunk, the time one call may spend (well inside a cloud function's 60 s), errors kept. */
export const importSettings = { chunkRows: 5000, budgetMs: 15_000, maxErrors: 500 };

/**
 * Every call that works on a job renews its lease (`leaseUntil`, the end of a cloud function's
 * longest run): while it holds, a call may still be working on the job. A job whose lease lapsed
 * is resumed by the next call; one nobody came back to for `abandonAfterMs` expires (failed).
 */
export const jobLease = { leaseMs: 60_000, abandonAfterMs: 24 * 3_600_000 };
export const EXPIRED_JOB = '导入中断后超过 24 小时无人继续，已失效，请重新导入';

export type GradeImportDoc = GradeImportDocument;

export function jobView(job: Stored<GradeImportDoc>): ImportJobView {
  return {
    jobId: job._id,
    fileId: job.fileId,
    collegeId: job.collegeId,
    status: job.status,
    cursor: job.cursor,
    rows: job.rows,
    inserted: job.inserted,
    alreadyPresent: job.alreadyPresent,
    updated: job.updated,
    errorCount: job.errorCount,
    errors: job.errors,
    message: job.message,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

export async function loadJob(ctx: Context, jobId: string, collegeId: string): Promise<Stored<GradeImportDoc>> {
  const job = await ctx.store.get('gradeImports', jobId);
  if (!job || job.collegeId !== collegeId) throw new NotFoundError('该导入任务');
  return expireIfAbandoned(ctx, job);
}

const leaseEnd = (job: GradeImportDoc) => Date.parse(job.leaseUntil ?? job.startedAt);
const renewedLease = (ctx: Context) => toIso(new Date(ctx.clock.now().getTime() + jobLease.leaseMs));

/** A running job nobody has worked on for a day is over: it says so instead of running forever. */
async function expireIfAbandoned(ctx: Context, job: Stored<GradeImportDoc>): Promise<Stored<GradeImportDoc>> {
  if (job.status !== 'running' || ctx.clock.now().getTime() - leaseEnd(job) <= jobLease.abandonAfterMs) return job;
  return finish(ctx, job, 'failed', EXPIRED_JOB);
}

/**
 * The job a call without a job id works on: the running one of this file and college (the first
 * call may have died before its answer reached the app), else a new one.
 */
async function jobForFile(
  ctx: Context,
  collegeId: string,
  fileId: string,
): Promise<{ job: Stored<GradeImportDoc>; leased: boolean }> {
  const running = await queryAll(ctx.store, 'gradeImports', { where: { fileId, collegeId, status: 'running' } });
  for (const candidate of running.sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
    const job = await expireIfAbandoned(ctx, candidate);
    if (job.status === 'running') return { job, leased: leaseEnd(job) > ctx.clock.now().getTime() };
  }
  return { job: await startJob(ctx, collegeId, fileId), leased: false };
}

type Input = { fileId: string; jobId?: string; chunkRows?: number; maxChunks?: number };

/**
 * One call of a resumable import: reads the file from the start, skips the rows the job has done
 * (the cursor), then processes chunk after chunk while the time budget lasts. Each chunk writes
 * its grades first and advances the cursor last (version-checked), so a call that dies mid-chunk
 * leaves the cursor behind and the next call redoes the chunk — its rows are recognised as this
 * job's own and nothing is written twice.
 */
export async function importChunk(ctx: Context, collegeId: string, input: Input): Promise<ImportJobView> {
  const found = input.jobId
    ? { job: await loadJob(ctx, input.jobId, collegeId), leased: false }
    : await jobForFile(ctx, collegeId, input.fileId);
  let job = found.job;
  if (job.fileId !== input.fileId) throw new NotFoundError('该导入任务');
  if (job.status !== 'running') return jobView(job);
  // A retry without the job id while another call may still hold it: answer with the job, so the app goes on by its id.
  if (found.leased) return jobView(job);

  const chunkRows = input.chunkRows ?? importSettings.chunkRows;
  const maxChunks = input.maxChunks ?? Number.POSITIVE_INFINITY;
  let source: AsyncIterable<SheetRow>;
  try {
    source = await readGradeFile(await ctx.files.localPath(job.fileId));
  } catch (error) {
    if (error instanceof GradeFileError) return jobView(await finish(ctx, job, 'failed', error.message));
    throw error;
  }

  let roster = new Map<string, Stored<Student>>();
  const importer = createGradeImport(rosterChecks(() => roster));
  const rows = source[Symbol.asyncIterator]();
  const started = Date.now();
  const outOfTime = () => Date.now() - started >= importSettings.budgetMs;
  try {
    for (let chunks = 0; job.status === 'running' && chunks < maxChunks && (chunks === 0 || !outOfTime()); chunks++) {
      const batch: SheetRow[] = [];
      let end = false;
      while (batch.length < chunkRows) {
        const next = await pull(rows);
        if (next.done) {
          end = true;
          break;
        }
        const sheetRow = next.value;
        if (importer.header === null) {
          const step = importer.accept(sheetRow);
          if (step.kind === 'fatal') return jobView(await finish(ctx, job, 'failed', step.message));
          continue;
        }
        if (sheetRow.rowNumber > job.cursor) batch.push(sheetRow);
      }
      if (importer.header === null) return jobView(await finish(ctx, job, 'failed', '文件是空的：没有表头和成绩'));

      const idColumn = importer.header.columns.studentId;
      roster = await rosterOf(
        ctx.store,
        collegeId,
        batch.map((r) => (idColumn === undefined ? '' : (r.cells[idColumn] ?? '').trim())),
      );
      const done = await processChunk(ctx, job, batch, end, (sheetRow) => importer.accept(sheetRow), roster, outOfTime);
      job = done.job;
      // The rest of the chunk was read but not written: the next call reads it again from the cursor.
      if (done.partial) break;
    }
  } catch (error) {
    if (isFileReadError(error)) return jobView(await finish(ctx, job, 'failed', error.message));
    throw error;
  } finally {
    await rows.return?.();
  }
  return jobView(job);
}

async function startJob(ctx: Context, collegeId: string, fileId: string): Promise<Stored<GradeImportDoc>> {
  await ctx.files.localPath(fileId); // a missing upload is reported now, not as a failed job
  const doc: GradeImportDoc = {
    fileId,
    collegeId,
    status: 'running',
    cursor: 0,
    rows: 0,
    inserted: 0,
    alreadyPresent: 0,
    updated: 0,
    errorCount: 0,
    errors: [],
    message: null,
    startedAt: ctx.nowIso(),
    finishedAt: null,
    startedBy: ctx.actor.userId,
    leaseUntil: renewedLease(ctx),
  };
  return ctx.store.add('gradeImports', doc, ctx.write());
}

async function finish(
  ctx: Context,
  job: Stored<GradeImportDoc>,
  status: 'failed' | 'done',
  message: string | null,
): Promise<Stored<GradeImportDoc>> {
  return ctx.store.update(
    'gradeImports',
    job._id,
    { status, message, finishedAt: ctx.nowIso() },
    job._version,
    ctx.write(),
  );
}

type Step = ReturnType<ReturnType<typeof createGradeImport>['accept']>;

/**
 * Classifies a chunk and writes it: corrections first, one update each, with the time checked
 * before each (after the first, so every call makes progress); when the time is up the chunk ends
 * at the row before the next correction and only the rows up to there are inserted and counted.
 * The cursor moves last, so a call that dies redoes the chunk without writing anything twice.
 */
async function processChunk(
  ctx: Context,
  job: Stored<GradeImportDoc>,
  batch: SheetRow[],
  end: boolean,
  accept: (row: SheetRow) => Step,
  roster: ReadonlyMap<string, Stored<Student>>,
  outOfTime: () => boolean,
): Promise<{ job: Stored<GradeImportDoc>; partial: boolean }> {
  const good: GoodRow[] = [];
  const errors: RowError[] = [];
  const dataRows: number[] = [];
  for (const sheetRow of batch) {
    const step = accept(sheetRow);
    if (step.kind === 'row') good.push({ rowNumber: sheetRow.rowNumber, row: step.row });
    else if (step.kind === 'errors') errors.push(...step.errors);
    if (step.kind === 'row' || step.kind === 'errors') dataRows.push(sheetRow.rowNumber);
  }

  // Primary-key lookups only: a chunk costs a few reads however many grades the store holds.
  const stored = await queryIn(
    ctx.store,
    'grades',
    '_id',
    good.map((g) => gradeDocId(g.row)),
  );
  const existing = new Map(stored.map((doc) => [gradeKey(doc), doc]));
  const plan = classifyRows(job._id, good, existing);
  const write = ctx.write();
  let last = batch[batch.length - 1]?.rowNumber ?? job.cursor;
  let partial = false;
  for (const [i, { rowNumber, row, existing: prev }] of plan.correct.entries()) {
    if (i > 0 && outOfTime()) {
      last = rowNumber - 1;
      partial = true;
      break;
    }
    const patch: Partial<GradeDoc> = {
      score: row.score,
      credits: row.credits,
      courseName: row.courseName,
      correctedBy: job._id,
      correctedRow: rowNumber,
    };
    if (row.teacherName !== undefined) patch.teacherName = row.teacherName;
    await ctx.store.update('grades', prev._id, patch, prev._version, write);
  }
  // Cut short: the same snapshot, classified for the rows up to the cut only, is what was done.
  const done = partial
    ? classifyRows(
        job._id,
        good.filter((g) => g.rowNumber <= last),
        existing,
      )
    : plan;
  const docs = done.insert.map(({ rowNumber, row }) => toDoc(row, roster.get(row.studentId), job, rowNumber));
  const added = docs.length > 0 ? await ctx.store.addMany('grades', docs, write) : 0;
  // Who taught what (授课教师): written before the cursor moves, so a redone chunk merges the same sections.
  await recordTeaching(
    ctx,
    job.collegeId,
    good.filter((g) => g.rowNumber <= last).map((g) => g.row),
    roster,
  );

  const allErrors = [...errors, ...done.errors].filter((e) => e.row <= last).sort((a, b) => a.row - b.row);
  const updated = await ctx.store.update(
    'gradeImports',
    job._id,
    {
      cursor: last,
      leaseUntil: renewedLease(ctx),
      rows: job.rows + dataRows.filter((r) => r <= last).length,
      inserted: job.inserted + added + done.redoneInserts,
      alreadyPresent: job.alreadyPresent + done.alreadyPresent + (docs.length - added),
      updated: job.updated + done.correct.length + done.redoneCorrections,
      errorCount: job.errorCount + allErrors.length,
      errors: job.errors.concat(allErrors.slice(0, Math.max(0, importSettings.maxErrors - job.errors.length))),
      ...(end && !partial ? { status: 'done' as const, finishedAt: ctx.nowIso() } : {}),
    },
    job._version,
    write,
  );
  return { job: updated, partial };
}

function toDoc(
  row: GradeRow,
  student: Student | undefined,
  job: Stored<GradeImportDoc>,
  rowNumber: number,
): GradeDoc & { _id: string } {
  return {
    ...row,
    _id: gradeDocId(row),
    studentName: row.studentName ?? student?.name,
    classId: student?.classId ?? row.classId ?? '',
    collegeId: job.collegeId,
    importId: job._id,
    sourceRow: rowNumber,
  };
}
