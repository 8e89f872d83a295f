import {
  COMPONENT_EXPORT,
  fieldLabel,
  fieldOfHeader,
  isComponentHeader,
  requiredFields,
  standIns,
  type GradeField,
} from './grade-columns';

/** Where each known field sits in the file, and the file's own header text for messages. */
export type HeaderMap = {
  columns: Partial<Record<GradeField, number>>;
  headers: string[];
  /** Header cells that match no field: shown in the preview, otherwise ignored. */
  ignored: string[];
};

export type HeaderResult = { ok: true; map: HeaderMap } | { ok: false; message: string };

/**
 * Reads the header row. The semester may come from a default (the clerk picks it), so it is
 * required only when `semesterGiven` is false.
 */
export function mapHeader(cells: ReadonlyArray<string>, semesterGiven = false): HeaderResult {
  const columns: Partial<Record<GradeField, number>> = {};
  const ignored: string[] = [];
  const duplicated: string[] = [];
  if (cells.some((c) => isComponentHeader(c.trim()))) return { ok: false, message: COMPONENT_EXPORT };
  cells.forEach((cell, index) => {
    const text = cell.trim();
    if (text === '') return;
    const field = fieldOfHeader(text);
    if (field === null) ignored.push(text);
    else if (columns[field] !== undefined) duplicated.push(text);
    else columns[field] = index;
  });
  if (duplicated.length > 0) return { ok: false, message: `表头重复：${duplicated.join('、')}` };
  const covered = (f: GradeField) =>
    columns[f] !== undefined || (standIns[f] ?? []).some((set) => set.every((g) => columns[g] !== undefined));
  const missing = requiredFields.filter((f) => !covered(f) && !(f === 'semester' && semesterGiven));
  if (missing.length > 0)
    return {
      ok: false,
      message: `表头缺少必需的列：${missing.map((f) => fieldLabel[f]).join('、')}（第一行应为表头，如 学号、课程代码、课程名称、学分、成绩、考试性质、学期）`,
    };
  return { ok: true, map: { columns, headers: cells.map((c) => c.trim()), ignored } };
}

/** The header text of a field's column as the file spells it, or its Chinese name. */
export function columnName(map: HeaderMap, field: GradeField): string {
  const index = map.columns[field];
  return (index !== undefined ? map.headers[index] : undefined) || fieldLabel[field];
}
