import { z } from 'zod';
import { GradeRow } from '../../../../types/grade';

/**
 * A stored grade ('grades'): the row as imported, its class taken from the student's record (files
 * name classes their own way), and which import wrote it — so a resumed chunk recognises its own rows.
 */
export const GradeDocument = GradeRow.extend({
  classId: z.string(),
  collegeId: z.string().optional(),
  importId: z.string().optional(),
  sourceRow: z.number().optional(),
  correctedBy: z.string().optional(),
  correctedRow: z.number().optional(),
});
export type GradeDocument = z.infer<typeof GradeDocument>;

/** A resumable grade import ('gradeImports'): the app calls importChunk until status is done. */
export const GradeImportDocument = z.object({
  fileId: z.string(),
  collegeId: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  /** Row number in the file of the last row processed (0 before the first chunk). */
  cursor: z.number(),
  rows: z.number(),
  inserted: z.number(),
  alreadyPresent: z.number(),
  updated: z.number(),
  errorCount: z.number(),
  /** The first 500 bad rows. */
  errors: z.array(z.object({ row: z.number(), column: z.string().nullable(), message: z.string() })),
  message: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  startedBy: z.string(),
  /** While it holds, a call may still be working on the job (see jobLease). */
  leaseUntil: z.string().optional(),
});
export type GradeImportDocument = z.infer<typeof GradeImportDocument>;
