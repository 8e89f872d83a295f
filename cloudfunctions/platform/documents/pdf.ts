// pdfkit's CommonJS build: its ES build reads data files through import.meta.url, which a bundled
// CommonJS function does not have (esbuild picks the build by how the module is loaded).

import type { FormBlock, FormDocument, FormField, FormPage } from '../../../types/documents';
import { documentFont, type DocumentFont } from './font';
import { imageBytes } from './images';
// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports, @typescript-eslint/no-unsafe-assignment -- the CommonJS build on purpose (above); require is typed any
const PDFDocument: typeof import('pdfkit') = require('pdfkit');

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 48;
const PAD = 4;
const FIELD_SIZE = 10.5;
const TABLE_SIZE = 8.5;
const LABEL_WIDTH = 110;

const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;
const bottom = (doc: Doc) => doc.page.height - MARGIN;

/** Turns the page when `height` does not fit; returns the y to draw at. */
function room(doc: Doc, height: number, layout: 'portrait' | 'landscape'): number {
  if (doc.y + height > bottom(doc)) doc.addPage({ size: 'A4', layout, margin: MARGIN });
  return doc.y;
}

function heading(doc: Doc, text: string, layout: 'portrait' | 'landscape'): void {
  const y = room(doc, 24, layout);
  doc.fontSize(FIELD_SIZE + 1).text(text, MARGIN, y + 4, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

function fieldRow(doc: Doc, field: FormField, layout: 'portrait' | 'landscape'): void {
  doc.fontSize(FIELD_SIZE);
  const valueWidth = contentWidth(doc) - LABEL_WIDTH;
  const image = field.image ? imageBytes(field.image) : null;
  const textHeight = Math.max(
    doc.heightOfString(field.label, { width: LABEL_WIDTH - 2 * PAD }),
    doc.heightOfString(field.value || ' ', { width: valueWidth - 2 * PAD }),
  );
  const height = textHeight + 2 * PAD + (image ? 56 : 0);
  const y = room(doc, height, layout);
  doc
    .rect(MARGIN, y, LABEL_WIDTH, height)
    .rect(MARGIN + LABEL_WIDTH, y, valueWidth, height)
    .stroke();
  doc.text(field.label, MARGIN + PAD, y + PAD, { width: LABEL_WIDTH - 2 * PAD });
  doc.text(field.value, MARGIN + LABEL_WIDTH + PAD, y + PAD, { width: valueWidth - 2 * PAD });
  if (image) doc.image(image, MARGIN + LABEL_WIDTH + PAD, y + PAD + textHeight + 2, { fit: [140, 50] });
  doc.x = MARGIN;
  doc.y = y + height;
}

/** Column widths by how much each column holds (header and cells), within the page width. */
function widths(doc: Doc, block: Extract<FormBlock, { kind: 'table' }>): number[] {
  const weight = block.columns.map((c, i) => {
    const longest = Math.max(c.length, ...block.rows.map((r) => Math.min((r[i] ?? '').length, 40)));
    return Math.max(2.5, Math.sqrt(longest) * 2);
  });
  const total = weight.reduce((a, b) => a + b, 0);
  return weight.map((w) => (w / total) * contentWidth(doc));
}

function tableRow(doc: Doc, cells: readonly string[], cols: number[], layout: 'portrait' | 'landscape'): void {
  doc.fontSize(TABLE_SIZE);
  const height =
    Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (cols[i] ?? 20) - 2 * PAD }))) + 2 * PAD;
  const y = room(doc, height, layout);
  let x = MARGIN;
  cells.forEach((c, i) => {
    const w = cols[i] ?? 20;
    doc.rect(x, y, w, height).stroke();
    doc.text(c, x + PAD, y + PAD, { width: w - 2 * PAD });
    x += w;
  });
  doc.x = MARGIN;
  doc.y = y + height;
}

function block(doc: Doc, b: FormBlock, layout: 'portrait' | 'landscape'): void {
  if (b.heading) heading(doc, b.heading, layout);
  if (b.kind === 'lines') {
    doc.fontSize(FIELD_SIZE);
    for (const line of b.lines) {
      const y = room(doc, doc.heightOfString(line, { width: contentWidth(doc) }) + 2, layout);
      doc.text(line, MARGIN, y, { width: contentWidth(doc) });
    }
    doc.moveDown(0.5);
    return;
  }
  if (b.kind === 'fields') {
    for (const f of b.fields) fieldRow(doc, f, layout);
    doc.moveDown(0.5);
    return;
  }
  const cols = widths(doc, b);
  tableRow(doc, b.columns, cols, layout);
  for (const r of b.rows) tableRow(doc, r, cols, layout);
  doc.moveDown(0.5);
}

function page(doc: Doc, p: FormPage): void {
  const layout = p.blocks.some((b) => b.kind === 'table' && b.columns.length > 7) ? 'landscape' : 'portrait';
  doc.addPage({ size: 'A4', layout, margin: MARGIN });
  doc.fontSize(16).text(p.title, MARGIN, MARGIN, { width: contentWidth(doc), align: 'center' });
  if (p.subtitle) doc.fontSize(FIELD_SIZE).text(p.subtitle, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.8);
  for (const b of p.blocks) block(doc, b, layout);
}

/**
 * A form as a PDF for the printer: A4, each page of the form on its own sheet, the text in the
 * CJK font of `documentFont()` embedded as a subset (only the glyphs used), signatures drawn.
 */
export function documentPdf(doc: FormDocument, at: Date, font: DocumentFont = documentFont()): Promise<Buffer> {
  // font '' : no standard font is loaded (a bundled function has none of pdfkit's AFM files).
  const pdf = new PDFDocument({
    autoFirstPage: false,
    font: '',
    compress: true,
    info: { Title: doc.title, Producer: '学业帮扶', Creator: '学业帮扶', CreationDate: at, ModDate: at },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  if (font.family) pdf.registerFont('cjk', font.path, font.family);
  else pdf.registerFont('cjk', font.path);
  pdf.font('cjk');
  for (const p of doc.pages) page(pdf, p);
  if (doc.pages.length === 0) pdf.addPage({ size: 'A4', margin: MARGIN });
  pdf.end();
  return done;
}
