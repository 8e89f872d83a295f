import fc from 'fast-check';
import type { DutyRecord, DutyRecordKind } from '../../types/duty';
import { toIso } from '../../cloudfunctions/core/time/shanghai';
import { at } from './duties-factories';

const semesterStart = Date.parse(at('2025-09-01 00:00'));
const semesterEnd = Date.parse(at('2026-01-25 00:00'));

/** An instant around semester 2025-2026-1 (a week either side), to the minute. */
export const instant = fc
  .integer({ min: 0, max: Math.floor((semesterEnd - semesterStart) / 60_000) })
  .map((m) => semesterStart + m * 60_000);

/** A `now` from the first day of 2025-2026-1 to the winter break (the calendar has nothing before). */
export const nowArb = fc
  .integer({
    min: 0,
    max: Math.floor((Date.parse(at('2026-02-10 00:00')) - Date.parse(at('2025-09-08 00:00'))) / 60_000),
  })
  .map((m) => Date.parse(at('2025-09-08 00:00')) + m * 60_000);

/** A record a counselor (staff-1 of counselorOf, or someone else) might file. */
export const dutyRecordArb: fc.Arbitrary<DutyRecord> = fc
  .record({
    kind: fc.constantFrom<DutyRecordKind>(
      'talk',
      'classCheck',
      'dormCheck',
      'classMeeting',
      'parentContact',
      'lectureAttendance',
    ),
    actorId: fc.constantFrom('staff-1', 'staff-1', 'staff-2'),
    at: instant.map((t) => toIso(new Date(t))),
    classId: fc.option(fc.constantFrom('class-1', 'class-2'), { nil: undefined }),
    dormId: fc.option(fc.constantFrom('dorm-101', 'dorm-102'), { nil: undefined }),
    studentId: fc.option(fc.constantFrom('stu-1', 'stu-2', 'stu-3'), { nil: undefined }),
    documented: fc.option(fc.boolean(), { nil: undefined }),
    minutes: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
  })
  .map((fields) => {
    const record: DutyRecord = { _id: '', kind: fields.kind, actorId: fields.actorId, at: fields.at };
    if (fields.classId !== undefined) record.classId = fields.classId;
    if (fields.dormId !== undefined) record.dormId = fields.dormId;
    if (fields.studentId !== undefined) record.studentId = fields.studentId;
    if (fields.documented !== undefined) record.documented = fields.documented;
    if (fields.minutes !== undefined) record.minutes = fields.minutes;
    return record;
  });

/** Records with unique ids. */
export const dutyRecordsArb = fc
  .array(dutyRecordArb, { maxLength: 40 })
  .map((rs) => rs.map((rec, i) => ({ ...rec, _id: `p${i}` })));
