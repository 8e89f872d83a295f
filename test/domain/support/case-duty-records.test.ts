import fc from 'fast-check';
import { toDutyRecord } from '../../../cloudfunctions/core/checkins/duty-record';
import { caseDutyRecords } from '../../../cloudfunctions/core/support/case-duty-records';
import type { DutyRecordDoc } from '../../../types/checkin';
import { DutyRecordKind } from '../../../types/duty';

/** The fields the mapping reads; the rest of a filed record is fixed. */
type Filed = Partial<
  Pick<
    DutyRecordDoc,
    '_id' | 'kind' | 'dormId' | 'studentId' | 'teacherId' | 'minutes' | 'topics' | 'mode' | 'documented'
  >
>;

const filed = (extra: Filed): DutyRecordDoc => ({
  _id: 'rec_t-c_1',
  kind: 'dormCheck',
  actorId: 't-c',
  at: '2026-11-20T21:00:00.000+08:00',
  receivedAt: '2026-11-20T21:00:05.000+08:00',
  collegeId: 'life',
  classId: 'c1',
  documented: true,
  clientId: '1',
  deviceAt: '2026-11-20T21:00:00.000+08:00',
  sentAt: '2026-11-20T21:00:01.000+08:00',
  flags: [],
  details: { form: 'contact', channel: 'phone', notes: '' },
  ...extra,
});

const only = (docs: DutyRecordDoc[]) =>
  caseDutyRecords({ talks: [], meetings: [], filed: docs, notices: [], plans: [], keepersOf: () => [] });

describe('case duty records: the one mapping of filed records', () => {
  it('keeps the dorm and the course teacher of a filed record (a dorm check counts per dorm, a teacher contact per teacher)', () => {
    const dorm = filed({ kind: 'dormCheck', dormId: 'd-3-502', studentId: 's1' });
    const teacher = filed({
      _id: 'rec_t-c_2',
      kind: 'teacherContact',
      teacherId: 'T2001',
      studentId: 's1',
      mode: 'phone',
      minutes: 10,
    });
    expect(only([dorm, teacher])).toEqual([
      expect.objectContaining({ _id: dorm._id, dormId: 'd-3-502', studentId: 's1' }),
      expect.objectContaining({ _id: teacher._id, teacherId: 'T2001', mode: 'phone', minutes: 10 }),
    ]);
  });

  it('maps every filed record exactly as the dashboards do (core/checkins toDutyRecord)', () => {
    const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const doc = fc.record({
      kind: fc.constantFrom(...DutyRecordKind.options),
      dormId: optional(fc.constantFrom('d1', 'd2')),
      studentId: optional(fc.constantFrom('s1', 's2')),
      teacherId: optional(fc.constantFrom('T1', 'T2')),
      minutes: optional(fc.integer({ min: 0, max: 120 })),
      topics: optional(fc.subarray(['studyMethods', 'career'])),
      mode: optional(fc.constantFrom('phone', 'faceToFace')),
      documented: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 5 }), (parts) => {
        // Absent optional fields are left out, as a stored document has them.
        const docs = parts.map((p, i) =>
          filed({ _id: `rec_${i}`, ...Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) }),
        );
        expect(only(docs)).toEqual(docs.map(toDutyRecord));
      }),
    );
  });
});
