import type { DutyRecordDoc } from '../../../types/checkin';
import type { DutyRecord } from '../../../types/duty';

/** The part of a stored record the duty evaluator counts (no form content, no location). */
export function toDutyRecord(doc: DutyRecordDoc): DutyRecord {
  const record: DutyRecord = {
    _id: doc._id,
    kind: doc.kind,
    actorId: doc.actorId,
    at: doc.at,
    classId: doc.classId,
    documented: doc.documented,
  };
  if (doc.dormId !== undefined) record.dormId = doc.dormId;
  if (doc.studentId !== undefined) record.studentId = doc.studentId;
  if (doc.teacherId !== undefined) record.teacherId = doc.teacherId;
  if (doc.minutes !== undefined) record.minutes = doc.minutes;
  if (doc.topics !== undefined) record.topics = doc.topics;
  if (doc.mode !== undefined) record.mode = doc.mode;
  return record;
}
