import { DomainError } from '../errors';
import type { KpiSheet } from './kpi-rows';

/** A KPI sheet without its header row is refused on the file field, with the reader's reason. */
export function checkKpiSheet(sheet: KpiSheet): Extract<KpiSheet, { ok: true }> {
  if (!sheet.ok) throw new DomainError('KPI.NO_HEADER', sheet.message, 'fileId');
  return sheet;
}

/** A file that cannot be read as a sheet: the reader's own (Chinese) reason, or a fixed one for anything else. */
export function unreadableKpiFile(reason = '文件无法读取，请确认是 .xlsx 或 .csv 格式的表格'): DomainError {
  return new DomainError('KPI.FILE_UNREADABLE', reason, 'fileId');
}
