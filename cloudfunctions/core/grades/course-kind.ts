import type { CourseKind } from '../../../types/grade';

/**
 * 课程性质 as exports word it (必修课, 专业必修, 公共选修课, 通识选修, 限选, 任选 …): the kind a
 * policy counts, or null for a word that names none of the three (实践环节): then only the word is kept.
 */
export function courseKindOf(word: string): CourseKind | null {
  const t = word.trim();
  if (t === '') return null;
  if (/公选|公共选修|通识选修|全校(任)?选|校选/.test(t)) return 'public';
  if (/选修|限选|任选|选课/.test(t)) return 'elective';
  if (/必修|必选|学位课|核心课/.test(t)) return 'required';
  return null;
}

/** 成绩作废 as exports mark it: 是 / Y / 1 / true mean the row is void and is left out. */
export function isVoided(mark: string): boolean {
  return /^(是|y|yes|1|true|作废|已作废)$/i.test(mark.trim());
}

/** 青果's 课程/环节 cell: "[0101]高等数学" → its code and name; null when it has no bracketed code. */
export function splitCourseCell(value: string): { code: string; name: string } | null {
  const m = /^\s*[[【［(（]\s*([^\]】］)）]+?)\s*[\]】］)）]\s*(.+?)\s*$/.exec(value);
  if (!m?.[1] || !m[2]) return null;
  return { code: m[1], name: m[2] };
}
