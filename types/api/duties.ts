import { z } from 'zod';
import { action } from '../envelope';
import { id } from '../fields';
import type { CheckinFlag } from '../checkin';
import type { Role } from '../domain';
import type { DutyPeriod, DutyRecordKind, DutyStatus, DutyUnitKind } from '../duty';

/** Which windows "my duties" shows: those touching this week, this month, or the whole semester. */
export const DutyScope = z.enum(['week', 'month', 'semester'], { errorMap: () => ({ message: '范围应为本周、本月或本学期' }) });
export type DutyScope = z.infer<typeof DutyScope>;

/** One quota for one unit in one window, as a screen shows it. */
export type DutyItemView = {
  key: string;
  ruleId: string;
  title: string;
  role: Role;
  period: DutyPeriod;
  unit: { kind: DutyUnitKind; id: string; label: string; classIds: string[] };
  window: { start: string; lastDay: string };
  dueAt: string;
  measure: 'count' | 'minutes';
  required: number;
  progress: number;
  due: number;
  status: DutyStatus;
  /** Records that count toward it. */
  recordIds: string[];
  /** Of those, the ones made after the deadline (逾期完成). */
  lateRecordIds: string[];
  /** What to record to make progress (opens the right form). */
  kinds: DutyRecordKind[];
};

export type DutyTally = { total: number; done: number; due: number; overdue: number; lateDone: number };

export type MyDuties = {
  scope: DutyScope;
  now: string;
  semesterId: string;
  items: DutyItemView[];
  /** The open item that falls due soonest (over the semester, whatever the scope). */
  next: DutyItemView | null;
  /** Every overdue item of the semester. */
  overdue: DutyItemView[];
  tally: DutyTally;
};

export type ComplianceRow = {
  id: string;
  name: string;
  /** Class: its counselor; person: their roles (辅导员 / 班主任 / 学业助理). */
  note: string;
  total: number;
  done: number;
  due: number;
  overdue: number;
  /** Deadlines met after they passed (逾期完成), apart from done. */
  lateDone: number;
  /** On time: done ÷ (done + lateDone + overdue), one decimal; null while nothing is settled. */
  percent: number | null;
  /** Records filed this semester (by the person / about the class), counted or not. */
  records: number;
};

export const ComplianceSort = z.enum(['worst', 'best', 'overdue', 'name'], { errorMap: () => ({ message: '排序方式不正确' }) });
export type ComplianceSort = z.infer<typeof ComplianceSort>;

export type ComplianceBoard = {
  semesterId: string;
  now: string;
  /** 'college' for a leader or clerk, 'department' for a department head, 'classes' for class staff. */
  scope: 'college' | 'department' | 'classes';
  rows: ComplianceRow[];
};

export type RecordView = {
  recordId: string;
  kind: DutyRecordKind;
  at: string;
  actorId: string;
  actorName: string;
  classId: string;
  label: string;
  flags: CheckinFlag[];
};

export type ComplianceDetail = {
  semesterId: string;
  title: string;
  row: ComplianceRow | null;
  /** Worst first: overdue, then due, then done. */
  items: DutyItemView[];
  /** The records behind the items and every other record filed this semester (newest first, at most 200). */
  records: RecordView[];
};

const board = z.object({ sort: ComplianceSort.default('worst') });

/** What a home's workbench counts (issue 11): each key opens the list of exactly what it counts. */
export const WorkbenchKey = z.enum(
  [
    'noticesUnsigned',
    'receiptsOverdue',
    'plansToReview',
    'dutiesThisWeek',
    'followUpsOpen',
    'talksDue',
    'checksToday',
    'noticeToSign',
    'planToWrite',
    'meetingsToAnswer',
    'receiptsToReturn',
    'draftsToPublish',
    'objectionsOpen',
    'warningsActive',
    'dutiesOverdue',
    'messagesUndelivered',
  ],
  { errorMap: () => ({ message: '待办类型不正确' }) },
);
export type WorkbenchKey = z.infer<typeof WorkbenchKey>;

/** One row of a workbench list: what it is, and the screen that deals with it. */
export type WorkbenchRow = { id: string; title: string; detail: string; page: string; params: Record<string, string> };
export type WorkbenchList = { key: WorkbenchKey; label: string; rows: WorkbenchRow[] };
/** `subscribe`: the template ids of the messages the caller's roles receive (asked for on a tap of the workbench). */
export type Workbench = { now: string; counts: { key: WorkbenchKey; label: string; count: number }[]; subscribe: string[] };


export const dutiesApi = {
  myDuties: action(z.object({ scope: DutyScope.default('week') })).returns<MyDuties>(),
  /** A home's workbench: what needs the caller now, as counts (one call, bounded reads). */
  workbench: action(z.object({})).returns<Workbench>(),
  /** The list behind one workbench count: exactly the rows counted. */
  workbenchList: action(z.object({ key: WorkbenchKey })).returns<WorkbenchList>(),
  classCompliance: action(board).returns<ComplianceBoard>(),
  staffCompliance: action(board).returns<ComplianceBoard>(),
  complianceDetail: action(
    z
      .object({ classId: id.optional(), personId: id.optional() })
      .refine((q) => (q.classId === undefined) !== (q.personId === undefined), { message: '请指定一个班级或一位教师' }),
  ).returns<ComplianceDetail>(),
};
export type DutiesApi = typeof dutiesApi;
