/**
 * The stored id of a check-in: the same person sending the same phone-made id twice (a retry after
 * a lost answer, an offline queue flushed twice) lands on the same document. The actor is part of
 * it so one person's id can never collide with, or overwrite, another's.
 */
export function recordIdFor(actorId: string, clientId: string): string {
  return `rec_${actorId}_${clientId.toLowerCase()}`;
}

/** 64-bit FNV-1a as 16 hex digits: a short, stable digest for ids built from long ids. */
function digest(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const unit of new TextEncoder().encode(text)) h = BigInt.asUintN(64, (h ^ BigInt(unit)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

/** One follow-up per record and student (a resend raises none twice); short enough for an id field. */
export function followUpIdFor(recordId: string, studentId: string): string {
  return `fu_${digest(recordId)}_${studentId}`;
}
