import type { SheetRow } from '../../core/grades/sheet-row';
import { GradeFileError } from '../../platform/grades/grade-file';

/** The file itself broke while being read (an unclosed quote, a corrupt workbook). */
class FileReadError extends Error {}

/** What the user is told when the file breaks mid-read; the parser's own words go to the log only. */
export const UNREADABLE_FILE = '文件无法读取，请确认是 .xlsx 或 .csv 格式的成绩导出文件';

/** The next row of a sheet (grade or roster file); a read that breaks becomes a FileReadError worded for the user. */
export async function pull(rows: AsyncIterator<SheetRow>): Promise<IteratorResult<SheetRow>> {
  try {
    return await rows.next();
  } catch (error) {
    // A GradeFileError is worded for the user; anything else is a library's message, maybe English.
    if (error instanceof GradeFileError) throw new FileReadError(error.message);
    console.error('grade file unreadable:', error);
    throw new FileReadError(UNREADABLE_FILE);
  }
}

export function isFileReadError(error: unknown): error is Error {
  return error instanceof FileReadError;
}
