import type { FieldChange, RosterChange } from '../../../types/roster';

/** A record as the clerk compares it: a label (学号 姓名) and its fields by Chinese name. */
export type Comparable = { label: string; fields: Record<string, string> };

export type RosterDiff = { added: RosterChange[]; changed: RosterChange[]; missing: RosterChange[]; unchanged: number };

function fieldChanges(before: Comparable, after: Comparable): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, value] of Object.entries(after.fields)) {
    const old = before.fields[field] ?? '';
    if (old !== value) out.push({ field, before: old, after: value });
  }
  return out;
}

/**
 * What applying a file would do, by key: new records, records whose fields differ (field by
 * field, old → new), and stored records the file no longer lists. Keys are sorted so the clerk
 * reads the same list each time.
 */
export function diffRoster(file: ReadonlyMap<string, Comparable>, stored: ReadonlyMap<string, Comparable>): RosterDiff {
  const diff: RosterDiff = { added: [], changed: [], missing: [], unchanged: 0 };
  for (const key of [...file.keys()].sort()) {
    const next = file.get(key);
    if (next === undefined) continue;
    const prev = stored.get(key);
    if (prev === undefined)
      diff.added.push({
        key,
        label: next.label,
        change: 'added',
        fields: Object.entries(next.fields).map(([field, after]) => ({ field, before: '', after })),
      });
    else {
      const fields = fieldChanges(prev, next);
      if (fields.length === 0) diff.unchanged++;
      else diff.changed.push({ key, label: next.label, change: 'changed', fields });
    }
  }
  for (const key of [...stored.keys()].sort()) {
    const prev = stored.get(key);
    if (prev !== undefined && !file.has(key))
      diff.missing.push({ key, label: prev.label, change: 'missing', fields: [] });
  }
  return diff;
}
