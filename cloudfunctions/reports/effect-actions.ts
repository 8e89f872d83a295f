import type { EffectReport } from '../../types/api/reports';
import { nextSemesterId } from '../core/calendar/current';
import { effectReport } from '../core/reports/effect';
import { effectSheets } from '../core/reports/effect-sheets';
import type { Context } from '../platform/runtime/define-function';
import { loadEffectFacts, publishedSemesters, scopedWarnings } from './load-effect';
import { reportScope } from './scope';
import { writeSheetsXlsx } from './sheets-xlsx';

export async function effect(ctx: Context, semester: string): Promise<EffectReport> {
  const scope = await reportScope(ctx, 'reports.read');
  return effectReport(await loadEffectFacts(ctx, scope, semester));
}

export async function effectXlsx(
  ctx: Context,
  semester: string,
): Promise<{ fileName: string; base64: string; rows: number }> {
  const report = await effect(ctx, semester);
  const scope = await reportScope(ctx, 'reports.read');
  const buffer = await writeSheetsXlsx(`${scope.collegeName} ${semester} 帮扶效果分析报告`, effectSheets(report));
  return {
    fileName: `帮扶效果分析报告-${semester}.xlsx`,
    base64: buffer.toString('base64'),
    rows: report.students.length,
  };
}

/** Semesters whose list was published and that hold warnings of the caller's classes, newest first. */
export async function semesters(ctx: Context): Promise<{ semesters: string[]; ready: string[] }> {
  const scope = await reportScope(ctx, 'reports.read');
  const published = await publishedSemesters(ctx, scope.collegeId);
  const withWarnings = new Set((await scopedWarnings(ctx, scope)).map((w) => w.semester));
  const list = [...withWarnings]
    .filter((s) => published.has(s))
    .sort()
    .reverse();
  return { semesters: list, ready: list.filter((s) => published.has(nextSemesterId(s))) };
}
