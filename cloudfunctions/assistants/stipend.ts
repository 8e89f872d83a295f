import { assistantSettings, stipendColumns, stipendRows, stipendSheet } from '../core/assistants';
import { writeSummaryXlsx } from '../platform/export/summary-xlsx';
import type { Context } from '../platform/runtime/define-function';
import { assignmentsOf, changesOf, loadCall } from './load';

/** 学业助理津贴发放表 of one month for the call's college (rules: 000-5.2, 000-7.2). */
export async function stipendFile(ctx: Context, input: { callId: string; year: number; month: number }) {
  const call = await loadCall(ctx.store, input.callId);
  const month = `${input.year}-${String(input.month).padStart(2, '0')}`;
  const [assignments, changes] = await Promise.all([
    assignmentsOf(ctx.store, call.collegeId, call.schoolYear),
    changesOf(ctx.store, call.collegeId, call.schoolYear),
  ]);
  const sheet = stipendSheet(month, call.schoolYear, assignments, changes, assistantSettings);
  const rows = stipendRows(sheet);
  const base64 = (
    await writeSummaryXlsx({
      title: `${call.collegeName} ${input.year}年${input.month}月 学业助理津贴发放表（${call.schoolYear}学年，${assistantSettings.stipend.perClassPerMonth} 元/月/班）`,
      columns: stipendColumns,
      rows,
      widths: { 所带班级: 24, 备注: 40, 姓名: 10, 学号: 14 },
    })
  ).toString('base64');
  return {
    fileName: `${call.collegeName}-${month}-学业助理津贴发放表.xlsx`,
    base64,
    rows: sheet.lines.length,
    total: sheet.total,
    unpaid: sheet.unpaid,
  };
}
