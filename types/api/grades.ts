import { z } from 'zod';
import { action } from '../envelope';
import { Errors } from '../errors';
import { id } from '../fields';
import { GradeRow } from '../grade';

/** An uploaded file: `cloud://…` from wx.cloud.uploadFile, `local:<uuid>.csv|xlsx` from the local server. */
export const fileId = z
  .string({ required_error: '请先上传文件', invalid_type_error: '文件编号应为文字' })
  .trim()
  .min(1, '请先上传文件')
  .max(400, '文件编号过长');

/** A bad row as the clerk sees it: row number in the file, the column header, the reason. */
export const ImportError = z.object({ row: z.number(), column: z.string().nullable(), message: z.string() });
export type ImportError = z.infer<typeof ImportError>;

/** One column of the file and the field it was read as (null: ignored). */
export const ColumnMapping = z.object({
  index: z.number(),
  header: z.string(),
  field: z.string().nullable(),
  fieldLabel: z.string().nullable(),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

const StoredGradeFields = z.object({ score: z.string(), credits: z.number(), courseName: z.string() });

/** A row of the file that would change a stored grade: what is stored now and what the file says. */
export const GradeChangePreview = z.object({
  row: z.number(),
  studentId: z.string(),
  studentName: z.string(),
  courseCode: z.string(),
  semester: z.string(),
  attemptLabel: z.string(),
  before: StoredGradeFields,
  after: StoredGradeFields,
});
export type GradeChangePreview = z.infer<typeof GradeChangePreview>;

export const GradePreview = z.object({
  /** The header could not be used at all: nothing can be imported (Chinese reason). */
  fatal: z.string().nullable(),
  columns: z.array(ColumnMapping),
  /** The first good rows, as they will be stored. */
  rows: z.array(GradeRow),
  /** Data rows read for the preview (at most ~1000) and how many of them were good or bad. */
  scanned: z.number(),
  good: z.number(),
  bad: z.number(),
  /** Rows the export marks 成绩作废 = 是: left out, neither imported nor an error. */
  voided: z.number(),
  errors: z.array(ImportError),
  /** Good rows among those read that would change a stored grade (result, credits or course name). */
  changed: z.number(),
  /** The first of them, old → new. */
  changes: z.array(GradeChangePreview),
  /** True when the file has more rows than the preview read. */
  more: z.boolean(),
});
export type GradePreview = z.infer<typeof GradePreview>;

export const ImportJobStatus = z.enum(['running', 'done', 'failed']);
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

/** A resumable import ('gradeImports'): the app calls importChunk until status is done. */
export const ImportJobView = z.object({
  jobId: z.string(),
  fileId: z.string(),
  collegeId: z.string(),
  status: ImportJobStatus,
  /** Row number in the file of the last row processed (0 before the first chunk). */
  cursor: z.number(),
  /** Data rows processed so far. */
  rows: z.number(),
  inserted: z.number(),
  /** Same student, course, semester and exam type with the same result already stored: nothing to do. */
  alreadyPresent: z.number(),
  /** A stored grade whose result, credits or course name differed: corrected from the file. */
  updated: z.number(),
  errorCount: z.number(),
  /** The first 500 bad rows. */
  errors: z.array(ImportError),
  message: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobView = z.infer<typeof ImportJobView>;

export const gradesApi = {
  preview: action(z.object({ fileId, collegeId: id.optional() }))
    .returns(GradePreview)
    .fails(Errors.files.NotFound),
  /**
   * Starts (no jobId) or continues an import: processes chunks of `chunkRows` rows (default 5000)
   * from the job's cursor while the call's time budget lasts, at most `maxChunks` of them.
   */
  importChunk: action(
    z.object({
      fileId,
      jobId: id.optional(),
      collegeId: id.optional(),
      chunkRows: z
        .number({ invalid_type_error: '每批行数应为数字' })
        .int()
        .min(1)
        .max(20000, '每批最多 20000 行')
        .optional(),
      maxChunks: z.number({ invalid_type_error: '批数应为数字' }).int().min(1).max(1000).optional(),
    }),
  )
    .returns(ImportJobView)
    .fails(Errors.files.NotFound),
  importJob: action(z.object({ jobId: id }))
    .returns(ImportJobView)
    .fails(),
};
export type GradesApi = typeof gradesApi;
