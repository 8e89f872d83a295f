import { z } from 'zod';
import { action } from '../envelope';
import { Errors } from '../errors';
import { id } from '../fields';
import { CheckinFlag } from '../checkin';
import { Role } from '../domain';
import { ComplianceSummary, DutyItem, DutyPeriod, DutyRecordKind, DutyStatus, DutyUnitKind } from '../duty';

/** Which windows "my duties" shows: those touching this week, this month, or the whole semester. */
export const DutyScope = z.enum(['week', 'month', 'semester'], {
  errorMap: () => ({ message: '范围应为本周、本月或本学期' }),
});
export type DutyScope = z.infer<typeof DutyScope>;

/** One quota for one unit in one window, as a screen shows it. */
export const DutyItemView = z.object({
  key: z.string(),
  ruleId: z.string(),
  title: z.string(),
  role: Role,
  period: DutyPeriod,
  unit: z.object({ kind: DutyUnitKind, id: z.string(), label: z.string(), classIds: z.array(z.string()) }),
  window: z.object({ start: z.string(), lastDay: z.string() }),
  dueAt: z.string(),
  measure: DutyItem.shape.measure,
  required: z.number(),
  progress: z.number(),
  due: z.number(),
  status: DutyStatus,
  /** Records that count toward it. */
  recordIds: z.array(z.string()),
  /** Of those, the ones made after the deadline (逾期完成). */
  lateRecordIds: z.array(z.string()),
  /** What to record to make progress (opens the right form). */
  kinds: z.array(DutyRecordKind),
});
export type DutyItemView = z.infer<typeof DutyItemView>;

export const DutyTally = ComplianceSummary.omit({ id: true, percent: true });
export type DutyTally = z.infer<typeof DutyTally>;

export const MyDuties = z.object({
  scope: DutyScope,
  now: z.string(),
  semesterId: z.string(),
  items: z.array(DutyItemView),
  /** The open item that falls due soonest (over the semester, whatever the scope). */
  next: DutyItemView.nullable(),
  /** Every overdue item of the semester. */
  overdue: z.array(DutyItemView),
  tally: DutyTally,
});
export type MyDuties = z.infer<typeof MyDuties>;

/** A summary row (lateDone: met after the deadline; percent: on time, one decimal, null while nothing is settled). */
export const ComplianceRow = ComplianceSummary.extend({
  name: z.string(),
  /** Class: its counselor; person: their roles (辅导员 / 班主任 / 学业助理). */
  note: z.string(),
  /** Records filed this semester (by the person / about the class), counted or not. */
  records: z.number(),
});
export type ComplianceRow = z.infer<typeof ComplianceRow>;

export const ComplianceSort = z.enum(['worst', 'best', 'overdue', 'name'], {
  errorMap: () => ({ message: '排序方式不正确' }),
});
export type ComplianceSort = z.infer<typeof ComplianceSort>;

export const ComplianceBoard = z.object({
  semesterId: z.string(),
  now: z.string(),
  /** 'college' for a leader or clerk, 'department' for a department head, 'classes' for class staff. */
  scope: z.enum(['college', 'department', 'classes']),
  rows: z.array(ComplianceRow),
});
export type ComplianceBoard = z.infer<typeof ComplianceBoard>;

export const RecordView = z.object({
  recordId: z.string(),
  kind: DutyRecordKind,
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  classId: z.string(),
  label: z.string(),
  flags: z.array(CheckinFlag),
});
export type RecordView = z.infer<typeof RecordView>;

export const ComplianceDetail = z.object({
  semesterId: z.string(),
  title: z.string(),
  row: ComplianceRow.nullable(),
  /** Worst first: overdue, then due, then done. */
  items: z.array(DutyItemView),
  /** The records behind the items and every other record filed this semester (newest first, at most 200). */
  records: z.array(RecordView),
});
export type ComplianceDetail = z.infer<typeof ComplianceDetail>;

/** A college on the school view (学工部): its board's total, as of the college's last evaluation (null: not yet made). */
export const SchoolRow = ComplianceRow.extend({ asOf: z.string().nullable() });
export type SchoolRow = z.infer<typeof SchoolRow>;

export const SchoolBoard = z.object({ semesterId: z.string(), now: z.string(), rows: z.array(SchoolRow) });
export type SchoolBoard = z.infer<typeof SchoolBoard>;

/** One college as the school sees it: its total and its classes, as its leader's board counts them. */
export const CollegeBoard = z.object({
  semesterId: z.string(),
  collegeId: z.string(),
  row: SchoolRow,
  classes: z.array(ComplianceRow),
});
export type CollegeBoard = z.infer<typeof CollegeBoard>;

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
export const WorkbenchRow = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  page: z.string(),
  params: z.record(z.string(), z.string()),
});
export type WorkbenchRow = z.infer<typeof WorkbenchRow>;
export const WorkbenchList = z.object({ key: WorkbenchKey, label: z.string(), rows: z.array(WorkbenchRow) });
export type WorkbenchList = z.infer<typeof WorkbenchList>;
/** `subscribe`: the template ids of the messages the caller's roles receive (asked for on a tap of the workbench). */
export const Workbench = z.object({
  now: z.string(),
  counts: z.array(z.object({ key: WorkbenchKey, label: z.string(), count: z.number() })),
  subscribe: z.array(z.string()),
});
export type Workbench = z.infer<typeof Workbench>;

/** Every duty view evaluates the semester from the calendar and the stored records and warnings. */
const { CalendarGap, RecordInvalid, CaseInvalid } = Errors.duties;
const evaluating = [CalendarGap, RecordInvalid, CaseInvalid] as const;

export const dutiesApi = {
  myDuties: action(z.object({ scope: DutyScope.default('week') }))
    .returns(MyDuties)
    .fails(...evaluating),
  /** A home's workbench: what needs the caller now, as counts (one call, bounded reads). */
  workbench: action(z.object({}))
    .returns(Workbench)
    .fails(...evaluating),
  /** The list behind one workbench count: exactly the rows counted. */
  workbenchList: action(z.object({ key: WorkbenchKey }))
    .returns(WorkbenchList)
    .fails(...evaluating),
  classCompliance: action(board)
    .returns(ComplianceBoard)
    .fails(...evaluating),
  staffCompliance: action(board)
    .returns(ComplianceBoard)
    .fails(...evaluating),
  complianceDetail: action(
    z
      .object({ classId: id.optional(), personId: id.optional() })
      .refine((q) => (q.classId === undefined) !== (q.personId === undefined), { message: '请指定一个班级或一位教师' }),
  )
    .returns(ComplianceDetail)
    .fails(...evaluating),
  /** 学工部: every college's duty compliance this semester, one row each (from the colleges' summaries). */
  schoolCompliance: action(board).returns(SchoolBoard).fails(CalendarGap),
  /** 学工部: one college's classes, from its summary. */
  collegeCompliance: action(z.object({ collegeId: id, sort: ComplianceSort.default('worst') }))
    .returns(CollegeBoard)
    .fails(CalendarGap),
  /** 学工部: evaluate one college now (instead of waiting for the hourly pass) and keep its summary. */
  refreshCollegeCompliance: action(z.object({ collegeId: id }))
    .returns(CollegeBoard)
    .fails(...evaluating),
};
export type DutiesApi = typeof dutiesApi;
