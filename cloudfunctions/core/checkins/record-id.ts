/**
 * The stored id of a check-in: the same person sending the same phone-made id twice (a retry after
 * a lost answer, an offline queue flushed twice) lands on the same document. The actor is part of
 * it so one person's id can never collide with, or overwrite, another's.
 */
export function recordIdFor(actorId: string, clientId: string): string {
  return `rec_${actorId}_${clientId.toLowerCase()}`;
}

export function followUpIdFor(recordId: string, studentId: string): string {
  return `fu_${recordId}_${studentId}`;
}
