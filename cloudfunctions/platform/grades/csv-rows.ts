import type { SheetRow } from '../../core/grades/sheet-row';

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/**
 * RFC 4180 CSV over a stream of decoded text: quoted fields with "" escapes and line breaks,
 * CRLF, LF or CR line ends. Row numbers count every record, blank ones included, so they match
 * the row numbers a spreadsheet shows; blank records are not yielded.
 */
export async function* csvRows(chunks: AsyncIterable<string>): AsyncGenerator<SheetRow> {
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteSeen = false;
  let skipLf = false;
  let rowNumber = 0;
  for await (const chunk of chunks) {
    let start = 0;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (skipLf) {
        skipLf = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c === QUOTE) {
            field += '"';
            start = i + 1;
            continue;
          }
          inQuotes = false; // the quote closed the field; read c as unquoted
        } else {
          if (c === QUOTE) {
            field += chunk.slice(start, i);
            start = i + 1;
            quoteSeen = true;
          }
          continue;
        }
      }
      if (c === COMMA) {
        cells.push(field + chunk.slice(start, i));
        field = '';
        start = i + 1;
      } else if (c === CR || c === LF) {
        cells.push(field + chunk.slice(start, i));
        field = '';
        start = i + 1;
        skipLf = c === CR;
        rowNumber++;
        if (cells.length > 1 || cells[0] !== '') yield { rowNumber, cells };
        cells = [];
      } else if (c === QUOTE && field === '' && i === start) {
        inQuotes = true;
        start = i + 1;
      }
    }
    if (!(inQuotes && quoteSeen)) field += chunk.slice(start);
  }
  if (inQuotes && !quoteSeen) throw new Error(`CSV 第 ${rowNumber + 1} 行的引号没有闭合`);
  if (field !== '' || cells.length > 0) {
    cells.push(field);
    rowNumber++;
    if (cells.length > 1 || cells[0] !== '') yield { rowNumber, cells };
  }
}
