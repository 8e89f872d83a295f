import { z } from 'zod';
import { action } from '../envelope';
import { id } from '../fields';
import type { GradeRow } from '../grade';

/** An uploaded file: `cloud://…` from wx.cloud.uploadFile, `local:<uuid>.csv|xlsx` from the local server. */
export const fileId = z
  .string({ required_error: '请先上传文件', invalid_type_error: '文件编号应为文字' })
  .trim()
  .min(1, '请先上传文件')
  .max(400, '文件编号过长');

/** A bad row as the clerk sees it: row number in the file, the column header, the reason. */
export type ImportError = { row: number; column: string | null; message: string };

/** One column of the file and the field it was read as (null: ignored). */
export type ColumnMapping = { index: number; header: string; field: string | null; fieldLabel: string | null };

/** A row of the file that would change a stored grade: what is stored now and what the file says. */
export type GradeChangePreview = {
  row: number;
  studentId: string;
  studentName: string;
  courseCode: string;
  semester: string;
  attemptLabel: string;
  before: { score: string; credits: number; courseName: string };
  after: { score: string; credits: number; courseName: string };
};

export type GradePreview = {
  /** The header could not be used at all: nothing can be imported (Chinese reason). */
  fatal: string | null;
  columns: ColumnMapping[];
  /** The first good rows, as they will be stored. */
  rows: GradeRow[];
  /** Data rows read for the preview (at most ~1000) and how many of them were good or bad. */
  scanned: number;
  good: number;
  bad: number;
  /** Rows the export marks 成绩作废 = 是: left out, neither imported nor an error. */
  voided: number;
  errors: ImportError[];
  /** Good rows among those read that would change a stored grade (result, credits or course name). */
  changed: number;
  /** The first of them, old → new. */
  changes: GradeChangePreview[];
  /** True when the file has more rows than the preview read. */
  more: boolean;
};

export type ImportJobStatus = 'running' | 'done' | 'failed';

/** A resumable import ('gradeImports'): the app calls importChunk until status is done. */
export type ImportJobView = {
  jobId: string;
  fileId: string;
  collegeId: string;
  status: ImportJobStatus;
  /** Row number in the file of the last row processed (0 before the first chunk). */
  cursor: number;
  /** Data rows processed so far. */
  rows: number;
  inserted: number;
  /** Same student, course, semester and exam type with the same result already stored: nothing to do. */
  alreadyPresent: number;
  /** A stored grade whose result, credits or course name differed: corrected from the file. */
  updated: number;
  errorCount: number;
  /** The first 500 bad rows. */
  errors: ImportError[];
  message: string | null;
  startedAt: string;
  finishedAt: string | null;
};

export const gradesApi = {
  preview: action(z.object({ fileId, collegeId: id.optional() })).returns<GradePreview>(),
  /**
   * Starts (no jobId) or continues an import: processes chunks of `chunkRows` rows (default 5000)
   * from the job's cursor while the call's time budget lasts, at most `maxChunks` of them.
   */
  importChunk: action(
    z.object({
      fileId,
      jobId: id.optional(),
      collegeId: id.optional(),
      chunkRows: z.number({ invalid_type_error: '每批行数应为数字' }).int().min(1).max(20000, '每批最多 20000 行').optional(),
      maxChunks: z.number({ invalid_type_error: '批数应为数字' }).int().min(1).max(1000).optional(),
    }),
  ).returns<ImportJobView>(),
  importJob: action(z.object({ jobId: id })).returns<ImportJobView>(),
};
export type GradesApi = typeof gradesApi;
