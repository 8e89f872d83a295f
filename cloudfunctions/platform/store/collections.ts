import { z } from 'zod';
import { Application, Assignment, Call, Change } from '../../../types/assistant';
import { SemesterDates } from '../../../types/calendar';
import { DutyRecordDoc, FollowUp } from '../../../types/checkin';
import { Concern } from '../../../types/concern';
import { Archive, ArchiveFilePart, DocumentExport } from '../../../types/documents';
import { College, Course, Dorm } from '../../../types/domain';
import { GradeCorrection } from '../../../types/grade';
import { BindingCode, InboxItem, Notice, NoticeSignature, ParentBinding } from '../../../types/notice';
import { InviteCode, RosterChangeDoc, TeachingSection } from '../../../types/roster';
import { DifficultyRecord, Meeting, Pairing, StudyPlan, TalkRecord } from '../../../types/support';
import { Warning } from '../../../types/warning';
import { DutyDigest } from '../../core/compliance/duty-digest';
import { GradeDocument, GradeImportDocument } from './documents/grades';
import { OutboxDocument } from './documents/outbox';
import { ClassDocument, StudentDocument, UserDocument } from './documents/people';
import { CourseTaskDocument, WarningDigestDocument } from './documents/reports';
import { CollegeDutySummaryDocument } from './documents/duty-summaries';
import { ClassKpiDocument, CurrentBindingCodeDocument, PolicySettingsDocument } from './documents/small';
import { WarningRunDocument } from './documents/warning-run';
import { InvalidDocumentError } from './errors';

/**
 * The collection registry: every collection the product keeps, the zod schema of its documents
 * and the fields it is queried by. The store is typed by it (`store.get('students', id)` is a
 * student) and parses every document with its schema on the way in and out. SQLite builds an
 * index per entry when it creates the table; on CloudBase a deployer creates the collections and
 * the same indexes (see `describeCollections`). An index that is an array is one compound index.
 */
export type IndexSpec = string | readonly string[];
export type CollectionSpec<S extends z.ZodTypeAny = z.ZodTypeAny> = {
  readonly schema: S;
  readonly indexes: readonly IndexSpec[];
};
export type Registry = Readonly<Record<string, CollectionSpec>>;

const spec = <S extends z.ZodTypeAny>(schema: S, indexes: readonly IndexSpec[]): CollectionSpec<S> => ({
  schema,
  indexes,
});

export const collections = {
  users: spec(UserDocument, ['openid', 'collegeId']),
  colleges: spec(College, []),
  classes: spec(ClassDocument, ['collegeId', 'counselorId', 'headTeacherId', 'assistantId']),
  students: spec(StudentDocument, ['classId', 'collegeId', 'cohort', 'dormId']),
  dorms: spec(Dorm, ['collegeId']),
  courses: spec(Course, ['departmentId', 'teacherId']),
  grades: spec(GradeDocument, ['studentId', 'semester', 'courseCode', 'classId']),
  // warnings (issue 3): import jobs, policy runs, published warnings by student/class/college.
  gradeImports: spec(GradeImportDocument, ['collegeId', 'fileId']),
  warningRuns: spec(WarningRunDocument, [['collegeId', 'semester'], 'status']),
  warnings: spec(Warning, [['studentId', 'status'], ['classId', 'status'], ['collegeId', 'status'], 'runId']),
  // notices (issue 4): notices by student/class/college, the outbox by due time, the local inbox by person.
  notices: spec(Notice, ['warningId', 'studentId', 'classId', ['collegeId', 'objection.state'], 'status']),
  noticeSignatures: spec(NoticeSignature, ['noticeId']),
  bindingCodes: spec(BindingCode, ['studentId']),
  bindingCodeCurrent: spec(CurrentBindingCodeDocument, []),
  parentBindings: spec(ParentBinding, ['studentId', 'userId', 'classId']),
  outbox: spec(OutboxDocument, [['status', 'sendAfter'], 'subjectId', 'toUserId']),
  inbox: spec(InboxItem, ['toUserId']),
  // support casework (issue 5): a student's case, a class's caseload, a talker's own records.
  // receivedAt: the server's time of arrival, kept beside the talk's own time (server-side, like the audit fields).
  talks: spec(TalkRecord.extend({ receivedAt: z.string().optional() }), [
    ['studentId', 'at'],
    ['classId', 'at'],
    ['collegeId', 'at'],
    'actorId',
  ]),
  difficulties: spec(DifficultyRecord, [['studentId', 'at']]),
  studyPlans: spec(StudyPlan, ['studentId', ['classId', 'status'], 'warningId']),
  pairings: spec(Pairing, ['classId', 'collegeId', 'helperId', 'status']),
  meetings: spec(Meeting, [['classId', 'at'], ['collegeId', 'at'], 'actorId', 'status']),
  // checkins + duties (issue 6): records walked by time (and by arrival, for warm reads) within a college / class / person; follow-ups per class.
  dutyRecords: spec(DutyRecordDoc, [
    ['collegeId', 'at'],
    ['classId', 'at'],
    ['actorId', 'at'],
    ['collegeId', 'receivedAt'],
    ['classId', 'receivedAt'],
  ]),
  followUps: spec(FollowUp, [
    ['classId', 'status'],
    ['collegeId', 'status'],
  ]),
  // the school calendar (issue 9): the semesters the clerk dated, read whole (a few per year).
  semesterDates: spec(SemesterDates, []),
  // grade rows a clerk corrected after an objection (issue 9), read by every run of the college and per student.
  gradeCorrections: spec(GradeCorrection, ['collegeId', 'studentId']),
  // go-live (issue 13): audited roster changes, invite codes by person, teaching sections by teacher, course teachers' concerns.
  rosterChanges: spec(RosterChangeDoc, [['collegeId', 'at'], 'entityId']),
  inviteCodes: spec(InviteCode, ['userId']),
  teachingSections: spec(TeachingSection, ['collegeId', 'teacherId', 'courseCode']),
  concerns: spec(Concern, [['classId', 'status'], ['teacherId', 'at'], 'studentId']),
  policySettings: spec(PolicySettingsDocument, ['collegeId']),
  // printed forms (issue 15): what left the system per college; frozen semester archives and their stored files.
  documentExports: spec(DocumentExport, [['collegeId', 'at'], 'byId']),
  archives: spec(Archive, ['collegeId']),
  archiveFiles: spec(ArchiveFilePart, ['archiveId']),
  // the academic-assistant programme (issue 16): a college's call per school year, its applications, assignments and changes.
  assistantCalls: spec(Call, ['collegeId', 'stage']),
  assistantApplications: spec(Application, ['callId', 'userId']),
  assistantAssignments: spec(Assignment, [['collegeId', 'schoolYear'], 'assistantUserId']),
  assistantChanges: spec(Change, [['collegeId', 'schoolYear'], 'stage']),
  // what worked (issue 14): course-improvement tasks per college and semester, open ones for reminders.
  courseTasks: spec(CourseTaskDocument, [['collegeId', 'semester'], 'doneAt']),
  // class KPIs imported per student and semester (issue 14), read per class.
  classKpis: spec(ClassKpiDocument, [
    ['collegeId', 'semester'],
    ['classId', 'semester'],
  ]),
  // one document per semester × class with its warnings (issue 14), kept in the warning's transaction.
  warningDigests: spec(WarningDigestDocument, ['classId', ['collegeId', 'semester']]),
  // one document per class × month with the rows duties count (issue 14), kept in the source's transaction.
  dutyDigests: spec(DutyDigest, [
    ['collegeId', 'month'],
    ['classId', 'month'],
  ]),
  // one document per college × semester: its duty board as the school view shows it (issue 14), made by the hourly pass.
  collegeDutySummaries: spec(CollegeDutySummaryDocument, ['semesterId']),
} satisfies Registry;

export type AppCollections = typeof collections;
export type CollectionName = keyof AppCollections;
/** The document type of a collection, as its schema describes it (without the store's meta fields). */
export type DocOf<C extends keyof R & string, R extends Registry = AppCollections> = z.output<R[C]['schema']>;

/** The spec of a registered collection; an unknown name is refused (the store keeps only what it knows). */
export function specOf(registry: Registry, collection: string): CollectionSpec {
  assertCollectionName(collection);
  const found = Object.hasOwn(registry, collection) ? registry[collection] : undefined;
  if (!found) throw new InvalidDocumentError(`unknown collection "${collection}"`);
  return found;
}

/** What a deployer must create in CloudBase: each collection and the fields to index. */
export function describeCollections(registry: Registry = collections): { name: string; indexes: string[] }[] {
  return Object.entries(registry).map(([name, entry]) => ({
    name,
    indexes: entry.indexes.map((index) => (typeof index === 'string' ? index : index.join(' + '))),
  }));
}

const collectionName = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Dot-separated segments, each an identifier: safe to splice into SQL and a JSON path. */
const fieldPath = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Names reach SQL as identifiers, so only plain identifiers pass (and not SQLite's own). */
export function assertCollectionName(name: string): void {
  if (!collectionName.test(name) || name.toLowerCase().startsWith('sqlite_')) {
    throw new InvalidDocumentError(`invalid collection name "${name}"`);
  }
}

export function assertFieldPath(path: string): void {
  if (!fieldPath.test(path) || path.length > 200) throw new InvalidDocumentError(`invalid field path "${path}"`);
}
