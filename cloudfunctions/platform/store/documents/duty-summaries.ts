import { z } from 'zod';
import { ComplianceRow } from '../../../../types/api/duties';
import type { CollegeDutySummary } from '../../../core/compliance/college-summary';

/** One college's duties in one semester as the school sees them ('collegeDutySummaries'), id `college|semester`. */
export const CollegeDutySummaryDocument = z.object({
  _id: z.string(),
  collegeId: z.string().min(1),
  semesterId: z.string().min(1),
  asOf: z.string().min(1),
  row: ComplianceRow,
  classes: z.array(ComplianceRow),
  people: z.number().int().nonnegative(),
}) satisfies z.ZodType<CollegeDutySummary>;
