import type { RowError, SheetRow } from '../grades/sheet-row';

/** One student's facts from the college's own KPI sheet (rules: 003-9, 003-10). null: not stated. */
export type KpiFact = {
  studentId: string;
  postgraduate: boolean | null;
  cet: boolean | null;
  doubleCertificate: boolean | null;
  awards: number;
};

type Column = 'studentId' | 'postgraduate' | 'cet' | 'doubleCertificate' | 'awards';

/** Headers a college's sheet uses for each column (normalised: no spaces, no brackets). */
const headers: Record<Column, readonly string[]> = {
  studentId: ['学号', '学生学号'],
  postgraduate: ['深造', '是否深造', '升学', '考研录取', '深造情况'],
  cet: ['四六级', '英语四六级', 'CET', 'CET4/6', '四级', '四六级通过'],
  doubleCertificate: ['双证', '是否双证', '双证书'],
  awards: ['获奖', '校级及以上获奖', '获奖次数', '获奖数'],
};
const label: Record<Column, string> = {
  studentId: '学号',
  postgraduate: '深造',
  cet: '四六级',
  doubleCertificate: '双证',
  awards: '获奖',
};

const normalise = (s: string) => s.replace(/[\s（）()]/g, '').toUpperCase();
const yesWords = new Set(['是', '通过', '已通过', '录取', '已录取', 'Y', 'YES', '1', '√']);
const noWords = new Set(['否', '未通过', '不通过', '未录取', 'N', 'NO', '0', '×']);

function yesNo(text: string): boolean | null | 'bad' {
  const t = normalise(text);
  if (t === '') return null;
  if (yesWords.has(t)) return true;
  if (noWords.has(t)) return false;
  return 'bad';
}

export type KpiSheet =
  { ok: true; facts: KpiFact[]; errors: RowError[]; rows: number } | { ok: false; message: string };

/** Reads the sheet's rows: the first row naming 学号 is the header; each bad row is one error, nothing of it kept. */
export async function readKpiRows(
  source: AsyncIterable<SheetRow>,
  known: (studentId: string) => boolean,
): Promise<KpiSheet> {
  let map: Partial<Record<Column, number>> | null = null;
  const facts = new Map<string, KpiFact>();
  const errors: RowError[] = [];
  let rows = 0;
  for await (const row of source) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (!map) {
      const found: Partial<Record<Column, number>> = {};
      row.cells.forEach((cell, i) => {
        for (const col of Object.keys(headers) as Column[])
          if (found[col] === undefined && headers[col].some((h) => normalise(h) === normalise(cell))) found[col] = i;
      });
      if (found.studentId !== undefined) map = found;
      continue;
    }
    rows += 1;
    const cell = (col: Column) => (map?.[col] === undefined ? '' : (row.cells[map[col] ?? -1] ?? '').trim());
    const rowErrors: RowError[] = [];
    const studentId = cell('studentId');
    if (studentId === '') rowErrors.push({ row: row.rowNumber, column: label.studentId, message: '缺少学号' });
    else if (!known(studentId))
      rowErrors.push({ row: row.rowNumber, column: label.studentId, message: `学号 ${studentId} 不在本学院名册中` });
    else if (facts.has(studentId))
      rowErrors.push({ row: row.rowNumber, column: label.studentId, message: `学号 ${studentId} 重复出现` });
    const flags: Partial<Record<'postgraduate' | 'cet' | 'doubleCertificate', boolean | null>> = {};
    for (const col of ['postgraduate', 'cet', 'doubleCertificate'] as const) {
      const v = yesNo(cell(col));
      if (v === 'bad')
        rowErrors.push({
          row: row.rowNumber,
          column: label[col],
          message: `“${cell(col)}”应为 是/否（或 通过/未通过）`,
        });
      else flags[col] = v;
    }
    const awardsText = cell('awards');
    const awards = awardsText === '' ? 0 : Number(awardsText);
    if (!Number.isInteger(awards) || awards < 0 || awards > 100)
      rowErrors.push({ row: row.rowNumber, column: label.awards, message: `获奖次数“${awardsText}”应为 0–100 的整数` });
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    facts.set(studentId, {
      studentId,
      postgraduate: flags.postgraduate ?? null,
      cet: flags.cet ?? null,
      doubleCertificate: flags.doubleCertificate ?? null,
      awards,
    });
  }
  if (!map) return { ok: false, message: '未找到表头：需要一列“学号”，以及“深造”“四六级”“双证”“获奖”中的若干列' };
  return { ok: true, facts: [...facts.values()], errors, rows };
}
