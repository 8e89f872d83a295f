import { documentsApi } from '../../types/api/documents';
import { defineFunction } from '../platform/runtime/define-function';
import { archiveChoices, archiveList, archiveSemester } from './archive';
import { archiveZip, loadArchive } from './archive-zip';
import { caseworkForms } from './casework-forms';
import { exportRows } from './export-log';
import { noticeForms } from './notice-forms';
import { registerForms } from './registers';
import { orNobody } from '../core/access/record-resource';

/**
 * 文书: every form of the seeds printed from the records (print view, xlsx, PDF), the clerk's
 * semester archive, and the log of what left the system. Each form answers with the same reach
 * as the screen it prints; every export is recorded.
 */
export const documentsFunction = defineFunction('documents', documentsApi, {
  ...noticeForms,
  ...caseworkForms,
  ...registerForms,

  archiveSemester: {
    permission: 'archive.write',
    resource: 'list',
    run: (ctx, { semester }) => archiveSemester(ctx, semester),
  },
  archives: { permission: 'archive.read', resource: 'list', run: (ctx) => archiveList(ctx) },
  archiveChoices: { permission: 'archive.write', resource: 'list', run: (ctx) => archiveChoices(ctx) },
  archiveZip: {
    permission: 'archive.read',
    resource: (ctx, input) =>
      orNobody(
        () => loadArchive(ctx.store, input.archiveId),
        (a) => ({ collegeId: a.collegeId }),
      ),
    run: (ctx, { archiveId }) => archiveZip(ctx, archiveId),
  },

  exportLog: { permission: 'exports.read', resource: 'list', run: (ctx) => exportRows(ctx) },
});
