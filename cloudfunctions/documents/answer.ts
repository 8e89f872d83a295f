import type { DocumentAnswer, DocumentExport, DocumentFormat, FormDocument } from '../../types/documents';
import { renderFile } from '../platform/documents/render';
import type { Context } from '../platform/runtime/define-function';
import { recordExport } from './export-log';

/** A built form to the caller: rendered in the asked format, and the taking of it recorded. */
export async function answer(
  ctx: Context,
  doc: FormDocument,
  format: DocumentFormat,
  collegeId: string,
  subject: DocumentExport['subject'],
): Promise<DocumentAnswer> {
  const file = await renderFile(doc, format, ctx.clock.now());
  await recordExport(ctx, {
    collegeId,
    kind: doc.kind,
    format,
    title: doc.title,
    fileName: file?.fileName ?? '',
    bytes: file?.bytes ?? 0,
    subject,
  });
  return { document: doc, file };
}
