import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { SheetRow } from '../../core/grades/sheet-row';
import { csvRows } from './csv-rows';
import { decodeText, isValidUtf8, type TextEncoding } from './text-encoding';
import { xlsxRows } from './xlsx-rows';

export type GradeFileKind = 'xlsx' | 'csv';

/** A file the reader cannot use at all (as opposed to bad rows inside a good file). */
export class GradeFileError extends Error {
  override readonly name = 'GradeFileError';
}

/** The file's kind from its first bytes: a zip is xlsx, an OLE compound file is legacy .xls. */
export async function detectGradeFileKind(path: string): Promise<GradeFileKind> {
  const handle = await open(path, 'r').catch(() => {
    throw new GradeFileError(`无法打开文件：${path}`);
  });
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
    if (bytesRead >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
      throw new GradeFileError('不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 .csv 后再导入');
    return 'csv';
  } finally {
    await handle.close();
  }
}

/** UTF-8 when the whole file is valid UTF-8 (a first pass that keeps nothing), GBK otherwise. */
export async function detectCsvEncoding(path: string): Promise<TextEncoding> {
  return (await isValidUtf8(createReadStream(path))) ? 'utf-8' : 'gbk';
}

/** Streams the rows of a grade export (xlsx or csv, UTF-8 or GBK). */
export async function readGradeFile(path: string): Promise<AsyncIterable<SheetRow>> {
  const kind = await detectGradeFileKind(path);
  if (kind === 'xlsx') return xlsxRows(path);
  const encoding = await detectCsvEncoding(path);
  return csvRows(decodeText(createReadStream(path, { highWaterMark: 1 << 20 }), encoding));
}
