import { asDigest, monthOf, unpackEntries, type DigestRow } from '../../core/compliance/duty-digest';
import { logSkipped, mapSurviving } from '../../platform/runtime/skip-bad-records';

/**
 * Support a warned student received (the effect report's talks, meetings and parent contacts), as
 * the class × month duty digests hold it: the report reads classes × months documents, never the
 * talks, meetings or check-ins themselves.
 */
export type SupportRow = {
  kind: 'talk' | 'meeting' | 'parentContact';
  /** The student it was with; null for a class meeting (班会), which is its class's as a whole. */
  studentId: string | null;
  classId: string;
  at: string;
};

/**
 * What one digest row counts as, by the collection its source document is kept in:
 * - talks: a talk (谈心谈话, however filed; a scheduled 约谈 counts through its talk record only);
 * - meetings: a 座谈会 for each student present, a held 班会 for its class, a 家长面谈 as a parent contact;
 * - dutyRecords: a parent contact filed as a check-in;
 * - notices: a staff call to the parent about the warning notice (rules: 004-4.3).
 * Anything else (class checks, study-plan approvals, the parent's own receipt) is not support received.
 */
export function supportOfRow(source: string, row: DigestRow, classId: string): SupportRow | null {
  const collection = source.slice(0, source.indexOf(':'));
  const at = row.at;
  const studentId = row.studentId ?? null;
  if (collection === 'talks' && row.kind === 'talk' && studentId) return { kind: 'talk', studentId, classId, at };
  if (collection === 'meetings') {
    if (row.kind === 'talk' && studentId) return { kind: 'meeting', studentId, classId, at };
    if (row.kind === 'classMeeting') return { kind: 'meeting', studentId: null, classId, at };
    if (row.kind === 'parentContact' && studentId) return { kind: 'parentContact', studentId, classId, at };
  }
  if (collection === 'dutyRecords' && row.kind === 'parentContact' && studentId)
    return { kind: 'parentContact', studentId, classId, at };
  if (collection === 'notices' && row.kind === 'parentContact' && row.mode === 'phone' && studentId)
    return { kind: 'parentContact', studentId, classId, at };
  return null;
}

/**
 * The support rows at or after `from` in some classes, from their duty digests: documents grow
 * with classes × months, not with records. `readDigests` reads the classes' digests from a month
 * on (the caller's chunked query). A digest that cannot be read is reported and left out.
 */
export async function supportRowsSince(
  readDigests: (fromMonth: string) => Promise<readonly { _id: string }[]>,
  from: string,
): Promise<SupportRow[]> {
  const docs = await readDigests(monthOf(from) ?? '0000-00');
  const perDigest = mapSurviving(
    'dutyDigests',
    docs,
    (d) => d._id,
    (doc): SupportRow[] => {
      const digest = asDigest(doc);
      if (!digest) {
        logSkipped({ collection: 'dutyDigests', id: doc._id, reason: 'not a duty digest' });
        return [];
      }
      const out: SupportRow[] = [];
      for (const entry of unpackEntries(digest))
        for (const row of entry.rows) {
          if (row.at < from) continue;
          const support = supportOfRow(entry.source, row, row.classId ?? digest.classId);
          if (support) out.push(support);
        }
      return out;
    },
  );
  return perDigest.flat();
}
