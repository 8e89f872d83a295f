/**
 * Semester ids in the forms academic systems export, normalised to 2025-2026-1:
 * 2025-2026-1, 2025-2026学年第1学期, 2025-2026学年第一学期, 2025-2026 1, 2025—2026-2;
 * or a school year (学年 column) plus 1/2/第一学期/秋季/春季 in the 学期 column.
 */
const termWords: Record<string, '1' | '2'> = {
  '1': '1',
  '2': '2',
  一: '1',
  二: '2',
  第一学期: '1',
  第二学期: '2',
  第1学期: '1',
  第2学期: '2',
  上: '1',
  下: '2',
  上学期: '1',
  下学期: '2',
  秋: '1',
  春: '2',
  秋季: '1',
  春季: '2',
  秋季学期: '1',
  春季学期: '2',
};

const full = /^(\d{4})\s*[-—–~至]\s*(\d{4})\s*(?:学年)?\s*[-—–\s]?\s*(?:第)?\s*([12一二])\s*(?:学期)?$/;
const yearOnly = /^(\d{4})\s*[-—–~至]\s*(\d{4})\s*(?:学年)?$/;

function consecutive(a: string, b: string): boolean {
  return Number(b) === Number(a) + 1;
}

export function normaliseSemester(text: string, schoolYear?: string): string | null {
  const t = text.trim();
  const m = full.exec(t);
  if (m) {
    const [, a, b, term] = m;
    if (a === undefined || b === undefined || term === undefined || !consecutive(a, b)) return null;
    return `${a}-${b}-${termWords[term] ?? term}`;
  }
  if (schoolYear === undefined) return null;
  const y = yearOnly.exec(schoolYear.trim());
  const term = termWords[t];
  if (!y || term === undefined) return null;
  const [, a, b] = y;
  if (a === undefined || b === undefined || !consecutive(a, b)) return null;
  return `${a}-${b}-${term}`;
}

/** 正方's codes: xnm is the school year's first calendar year, xqm is 3 (first term) or 12 (second). */
const zhengfangTerm: Record<string, '1' | '2'> = { '3': '1', '12': '2' };

export function semesterFromCodes(yearCode: string, termCode: string): string | null {
  const year = /^(\d{4})$/.exec(yearCode.trim());
  const term = zhengfangTerm[termCode.trim()];
  if (!year?.[1] || term === undefined) return null;
  const first = Number(year[1]);
  return `${first}-${first + 1}-${term}`;
}
