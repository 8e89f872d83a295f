import { InvalidDocumentError } from './store';

/**
 * The collections the product keeps and the fields each is queried by. SQLite builds an index
 * per entry when it creates the table; on CloudBase a deployer creates the collections and the
 * same indexes in the console (see `describeCollections`). A collection not listed here still
 * works, just without indexes. An entry that is an array is one compound index.
 */
export type IndexSpec = string | readonly string[];
export type CollectionSpec = { readonly indexes: readonly IndexSpec[] };

export const collections = {
  users: { indexes: ['openid', 'collegeId'] },
  colleges: { indexes: [] },
  classes: { indexes: ['collegeId', 'counselorId', 'headTeacherId', 'assistantId'] },
  students: { indexes: ['classId', 'collegeId', 'cohort', 'dormId'] },
  dorms: { indexes: ['collegeId'] },
  courses: { indexes: ['departmentId', 'teacherId'] },
  grades: { indexes: ['studentId', 'semester', 'courseCode', 'classId'] },
  sessions: { indexes: ['userId', 'expiresAt'] },
  // warnings (issue 3): import jobs, policy runs, published warnings by student/class/college.
  gradeImports: { indexes: ['collegeId', 'fileId'] },
  warningRuns: { indexes: [['collegeId', 'semester'], 'status'] },
  warnings: { indexes: [['studentId', 'status'], ['classId', 'status'], ['collegeId', 'status'], 'runId'] },
  // notices (issue 4): notices by student/class/college, the outbox by due time, the local inbox by person.
  notices: { indexes: ['warningId', 'studentId', 'classId', ['collegeId', 'objection.state'], 'status'] },
  noticeSignatures: { indexes: ['noticeId'] },
  bindingCodes: { indexes: ['studentId'] },
  bindingCodeCurrent: { indexes: [] },
  parentBindings: { indexes: ['studentId', 'userId', 'classId'] },
  outbox: { indexes: [['status', 'sendAfter'], 'subjectId', 'toUserId'] },
  inbox: { indexes: ['toUserId'] },
  // support casework (issue 5): a student's case, a class's caseload, a talker's own records.
  talks: { indexes: [['studentId', 'at'], ['classId', 'at'], ['collegeId', 'at'], 'actorId'] },
  difficulties: { indexes: [['studentId', 'at']] },
  studyPlans: { indexes: ['studentId', ['classId', 'status'], 'warningId'] },
  pairings: { indexes: ['classId', 'collegeId', 'helperId', 'status'] },
  meetings: { indexes: [['classId', 'at'], ['collegeId', 'at'], 'actorId', 'status'] },
  // checkins + duties (issue 6): records walked by time (and by arrival, for warm reads) within a college / class / person; follow-ups per class.
  dutyRecords: { indexes: [['collegeId', 'at'], ['classId', 'at'], ['actorId', 'at'], ['collegeId', 'receivedAt'], ['classId', 'receivedAt']] },
  followUps: { indexes: [['classId', 'status'], ['collegeId', 'status']] },
  // the school calendar (issue 9): the semesters the clerk dated, read whole (a few per year).
  semesterDates: { indexes: [] },
  // grade rows a clerk corrected after an objection (issue 9), read by every run of the college and per student.
  gradeCorrections: { indexes: ['collegeId', 'studentId'] },
  // go-live (issue 13): audited roster changes, invite codes by person, teaching sections by teacher, course teachers' concerns.
  rosterChanges: { indexes: [['collegeId', 'at'], 'entityId'] },
  inviteCodes: { indexes: ['userId'] },
  teachingSections: { indexes: ['collegeId', 'teacherId', 'courseCode'] },
  concerns: { indexes: [['classId', 'status'], ['teacherId', 'at'], 'studentId'] },
  policySettings: { indexes: ['collegeId'] },
  // printed forms (issue 15): what left the system per college; frozen semester archives and their stored files.
  documentExports: { indexes: [['collegeId', 'at'], 'byId'] },
  archives: { indexes: ['collegeId'] },
  archiveFiles: { indexes: ['archiveId'] },
  // the academic-assistant programme (issue 16): a college's call per school year, its applications, assignments and changes.
  assistantCalls: { indexes: ['collegeId', 'stage'] },
  assistantApplications: { indexes: ['callId', 'userId'] },
  assistantAssignments: { indexes: [['collegeId', 'schoolYear'], 'assistantUserId'] },
  assistantChanges: { indexes: [['collegeId', 'schoolYear'], 'stage'] },
  // what worked (issue 14): course-improvement tasks per college and semester, open ones for reminders.
  courseTasks: { indexes: [['collegeId', 'semester'], 'doneAt'] },
  // class KPIs imported per student and semester (issue 14), read per class.
  classKpis: { indexes: [['collegeId', 'semester'], ['classId', 'semester']] },
  // one document per semester × class with its warnings (issue 14), kept in the warning's transaction.
  warningDigests: { indexes: ['classId', ['collegeId', 'semester']] },
  // one document per class × month with the rows duties count (issue 14), kept in the source's transaction.
  dutyDigests: { indexes: [['collegeId', 'month'], ['classId', 'month']] },
} satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof collections;

const knownCollections: Readonly<Record<string, CollectionSpec>> = collections;

/** The indexes declared for a collection; none for one not listed. */
export function indexesOf(collection: string): readonly IndexSpec[] {
  return Object.hasOwn(knownCollections, collection) ? (knownCollections[collection]?.indexes ?? []) : [];
}

/** What a deployer must create in CloudBase: each collection and the fields to index. */
export function describeCollections(): { name: string; indexes: string[] }[] {
  return Object.entries(knownCollections).map(([name, spec]) => ({
    name,
    indexes: spec.indexes.map((index) => (typeof index === 'string' ? index : index.join(' + '))),
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
