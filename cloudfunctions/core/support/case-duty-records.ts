import type { DutyRecordDoc } from '../../../types/checkin';
import type { DutyRecord } from '../../../types/duty';
import type { Notice } from '../../../types/notice';
import type { Meeting, StudyPlan, TalkRecord } from '../../../types/support';
import { toDutyRecord } from '../checkins/duty-record';
import { meetingDutyRecords, noticeDutyRecords, planDutyRecords, talkDutyRecord } from './duty-records';

export type CaseRecords = {
  talks: readonly TalkRecord[];
  meetings: readonly Meeting[];
  /** Check-in records filed about the student(s) (calls, contacts, checks). */
  filed: readonly DutyRecordDoc[];
  notices: readonly Notice[];
  plans: readonly StudyPlan[];
  /** The class's counselor and head teacher: the people a parent's receipt counts for. */
  keepersOf: (classId: string) => readonly string[];
};

/**
 * Records the duty evaluator counts for a case or a caseload (the same mapping as the dashboards'
 * loadDutyData): talks, held meetings, check-in records, calls and receipts on notices, approved
 * study plans.
 */
export function caseDutyRecords(r: CaseRecords): DutyRecord[] {
  // Filed records through the dashboards' own mapping: a copy here once dropped dormId and teacherId.
  return [
    ...r.talks.map(talkDutyRecord),
    ...r.meetings.flatMap(meetingDutyRecords),
    ...r.filed.map(toDutyRecord),
    ...noticeDutyRecords(r.notices, r.keepersOf),
    ...r.plans.flatMap(planDutyRecords),
  ];
}
