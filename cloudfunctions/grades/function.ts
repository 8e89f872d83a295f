import { gradesApi } from '../../types/api/grades';
import { defineFunction } from '../platform/runtime/define-function';
import { collegeOf, collegeResource } from '../application/college/college-of';
import { importChunk, jobView, loadJob } from './import-job';
import { previewFile } from './preview';

function college(actor: Parameters<typeof collegeOf>[0], asked: string | undefined): string {
  // The resource step has already denied a caller without a college.
  return collegeOf(actor, asked) ?? '';
}

/** Grade import for the clerk: preview an uploaded export, then import it chunk by chunk. */
export const gradesFunction = defineFunction('grades', gradesApi, {
  preview: {
    permission: 'grades.import',
    resource: async (ctx, input) => collegeResource(ctx.actor, input.collegeId),
    run: (ctx, input) => previewFile(ctx, college(ctx.actor, input.collegeId), input.fileId),
  },
  importChunk: {
    permission: 'grades.import',
    resource: async (ctx, input) => collegeResource(ctx.actor, input.collegeId),
    run: (ctx, input) => importChunk(ctx, college(ctx.actor, input.collegeId), input),
  },
  importJob: {
    permission: 'grades.import',
    resource: async (ctx, input) => {
      const job = await ctx.store.get('gradeImports', input.jobId);
      return job ? { collegeId: job.collegeId } : {};
    },
    run: async (ctx, input) => {
      const job = await ctx.store.get('gradeImports', input.jobId);
      return jobView(await loadJob(ctx, input.jobId, job?.collegeId ?? ''));
    },
  },
});
