import type { DutyRecordDoc } from '../../../types/checkin';
import type { Notice } from '../../../types/notice';
import type { Meeting, StudyPlan, TalkRecord } from '../../../types/support';
import { toDutyRecord } from '../checkins/duty-record';
import { meetingDutyRecords, noticeDutyRecords, planDutyRecords, talkDutyRecord } from '../support/duty-records';
import { KEEPERS, type DigestRow } from './duty-digest';

/** A document that counts toward duties, by the collection it is kept in. */
export type DutySource =
  | { collection: 'dutyRecords'; doc: DutyRecordDoc }
  | { collection: 'talks'; doc: TalkRecord }
  | { collection: 'meetings'; doc: Meeting }
  | { collection: 'notices'; doc: Notice }
  | { collection: 'studyPlans'; doc: StudyPlan };

export type DutySourceCollection = DutySource['collection'];

/** The document kept in each source collection. */
export type SourceDocs = {
  dutyRecords: DutyRecordDoc;
  talks: TalkRecord;
  meetings: Meeting;
  notices: Notice;
  studyPlans: StudyPlan;
};

export function sourceKeyOf(collection: DutySourceCollection, id: string): string {
  return `${collection}:${id}`;
}

/** The rows a source contributes, mapped as the compliance views map them (load-duty-data, the case view). */
export function rowsOfSource(source: DutySource): DigestRow[] {
  switch (source.collection) {
    case 'dutyRecords':
      return [
        { ...toDutyRecord(source.doc), ...(source.doc.flags.length > 0 ? { flags: [...source.doc.flags] } : {}) },
      ];
    case 'talks':
      return [talkDutyRecord(source.doc)];
    case 'meetings':
      return meetingDutyRecords(source.doc).map((r) => ({ ...r, classId: source.doc.classId }));
    case 'notices':
      // The receipt's people are the class's keepers when read; its id gets theirs appended then.
      return noticeDutyRecords([source.doc], () => [KEEPERS]).map((r) =>
        r.actorId === KEEPERS ? { ...r, _id: r._id.slice(0, -KEEPERS.length) } : r,
      );
    case 'studyPlans':
      return planDutyRecords(source.doc);
  }
}
