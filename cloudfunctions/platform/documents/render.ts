import type { DocumentFile, DocumentFormat, FormDocument } from '../../../types/documents';
import { documentPdf } from './pdf';
import { documentXlsx } from './xlsx';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_MIME = 'application/pdf';

/** The bytes of a form in a format, named after the form. */
export async function renderBytes(
  doc: FormDocument,
  format: 'xlsx' | 'pdf',
  at: Date,
): Promise<{ fileName: string; mime: string; bytes: Buffer }> {
  if (format === 'xlsx')
    return { fileName: `${doc.fileStem}.xlsx`, mime: XLSX_MIME, bytes: await documentXlsx(doc, at) };
  return { fileName: `${doc.fileStem}.pdf`, mime: PDF_MIME, bytes: await documentPdf(doc, at) };
}

/** The file of a form for a download; none for the print view. */
export async function renderFile(doc: FormDocument, format: DocumentFormat, at: Date): Promise<DocumentFile | null> {
  if (format === 'view') return null;
  const { fileName, mime, bytes } = await renderBytes(doc, format, at);
  return { fileName, mime, base64: bytes.toString('base64'), bytes: bytes.length };
}
