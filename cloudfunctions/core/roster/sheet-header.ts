import { normaliseHeader } from '../grades/grade-columns';
import type { RowError, SheetRow } from '../grades/sheet-row';

/**
 * Reading a file's header by synonyms, as the grade import does, for any list of fields: the
 * roster, class and staff files use it with their own columns.
 */
export type ColumnSpec<F extends string> = {
  fields: readonly F[];
  labels: Record<F, string>;
  synonyms: Record<F, readonly string[]>;
  required: readonly F[];
  /** Shown after the missing columns: what the first row should look like. */
  example: string;
};

export type SheetHeader<F extends string> = {
  columns: Partial<Record<F, number>>;
  headers: string[];
  ignored: string[];
};

export function mapSheetHeader<F extends string>(
  spec: ColumnSpec<F>,
  cells: ReadonlyArray<string>,
): { ok: true; map: SheetHeader<F> } | { ok: false; message: string } {
  const lookup = new Map<string, F>();
  for (const field of spec.fields) for (const name of spec.synonyms[field]) lookup.set(normaliseHeader(name), field);
  const columns: Partial<Record<F, number>> = {};
  const ignored: string[] = [];
  const duplicated: string[] = [];
  cells.forEach((cell, index) => {
    const text = cell.trim();
    if (text === '') return;
    const field = lookup.get(normaliseHeader(text));
    if (field === undefined) ignored.push(text);
    else if (columns[field] !== undefined) duplicated.push(text);
    else columns[field] = index;
  });
  if (duplicated.length > 0) return { ok: false, message: `表头重复：${duplicated.join('、')}` };
  const missing = spec.required.filter((f) => columns[f] === undefined);
  if (missing.length > 0)
    return {
      ok: false,
      message: `表头缺少必需的列：${missing.map((f) => spec.labels[f]).join('、')}（${spec.example}）`,
    };
  return { ok: true, map: { columns, headers: cells.map((c) => c.trim()), ignored } };
}

/** One data row being read against a header: its cells by field, and the errors found so far. */
export class RowReader<F extends string> {
  readonly errors: RowError[] = [];

  constructor(
    private readonly spec: ColumnSpec<F>,
    private readonly map: SheetHeader<F>,
    private readonly row: SheetRow,
  ) {}

  get rowNumber(): number {
    return this.row.rowNumber;
  }

  has(field: F): boolean {
    return this.map.columns[field] !== undefined;
  }

  cell(field: F): string {
    const index = this.map.columns[field];
    return index === undefined ? '' : (this.row.cells[index] ?? '').trim();
  }

  column(field: F): string {
    const index = this.map.columns[field];
    return (index !== undefined ? this.map.headers[index] : undefined) || this.spec.labels[field];
  }

  fail(field: F | null, message: string): void {
    this.errors.push({ row: this.row.rowNumber, column: field === null ? null : this.column(field), message });
  }

  /** Text of a field, reported when required and empty or longer than `max`. */
  text(field: F, max: number, required = true): string {
    const value = this.cell(field);
    if (value === '' && required) this.fail(field, `缺少${this.column(field)}`);
    else if (value.length > max) this.fail(field, `${this.column(field)}过长（最多 ${max} 个字）`);
    return value;
  }
}

export function isBlank(row: SheetRow): boolean {
  return row.cells.every((c) => c.trim() === '');
}
