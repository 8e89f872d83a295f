import type { ClassInfo, User } from '../../../types/domain';
import type { DutyDirectory } from '../../core/compliance/directory';
import { queryAll, type Store, type Stored, type Where } from '../../platform/store/store';
import {
  meetingDutyRecords,
  noticeDutyRecords,
  planDutyRecords,
  talkDutyRecord,
} from '../../core/support/duty-records';
import { dutyRecordsOfScope, type DutyRecordRow } from './record-cache';
import { logSkipped, withReadableTimes, type SkipReport } from '../../platform/runtime/skip-bad-records';
import { readFrom } from './read-range';
import { scopeCache } from './scope-cache';
import { readDutyDigests, type DigestRead } from '../digests/read-duty-digests';
import { type TeachingSection } from '../../../types/roster';

import type { DutyDataScope } from '../../core/compliance/duty-scope';

/**
 * Where the records come from: the records themselves (a person's own duties, reminders), or the
 * class × month digests (dashboards of many classes: documents grow with classes, not records).
 */
export type DutyRecordSource = 'records' | 'digests';
export type { DutyDataScope };

export type DutyData = {
  directory: DutyDirectory;
  users: Map<string, Stored<User>>;
  records: DutyRecordRow[];
  /** From digests: each record's time in milliseconds (`times[i]` is `records[i]`'s), parsed once when written. */
  times?: Float64Array;
  /** Records left out because a time in them is not a real instant (reported in the log). */
  skipped: number;
  /**
   * From digests: changes whenever anything read changes (a digest, a class, a student, a dorm,
   * a warning, a person, a section), so an evaluation of the same signature may be reused.
   */
  signature?: string;
};

/** Per store and scope: the rows as dashboards count them, kept while the digests and sections that made them stay the same. */
const shaped = scopeCache<{ key: string; records: DutyRecordRow[]; times: Float64Array }>((e) => e.records.length);

const versions = (docs: readonly { _id: string; _version: number }[]) =>
  docs.map((d) => `${d._id}:${d._version}`).join(',');

/**
 * Everything a compliance view needs, in a fixed number of queries whatever the number of people
 * or classes: classes, then students, dorms, warnings, staff and the records since `from`, each
 * one paged query over an indexed field. No query per person or per class. Records are read in
 * full once per instance, then only those received since (see record-cache.ts).
 */
export async function loadDutyData(
  store: Store,
  scope: DutyDataScope,
  from: string,
  now: number,
  source: DutyRecordSource = 'records',
): Promise<DutyData> {
  const classWhere: Where =
    'classIds' in scope
      ? { _id: { in: [...scope.classIds] } }
      : { collegeId: scope.collegeId, ...(scope.departmentId ? { departmentId: scope.departmentId } : {}) };
  const classes =
    'classIds' in scope && scope.classIds.length === 0 ? [] : await queryAll(store, 'classes', { where: classWhere });
  if (classes.length === 0)
    return {
      directory: { classes: [], students: [], dorms: [], warnings: [] },
      users: new Map(),
      records: [],
      skipped: 0,
    };

  const classIds = classes.map((c) => c._id);
  const inClasses = new Set(classIds);
  // A whole college reads by college (one indexed equality); a few classes read by class.
  const byClass: Where =
    !('classIds' in scope) && scope.departmentId === undefined
      ? { collegeId: scope.collegeId }
      : { classId: { in: classIds } };
  const collegeIds = [...new Set(classes.map((c) => c.collegeId))];
  const staffIds = [
    ...new Set(classes.flatMap((c) => [c.counselorId, c.headTeacherId, ...(c.assistantId ? [c.assistantId] : [])])),
  ];

  let skipped = 0;
  const report: SkipReport = (s) => {
    skipped += 1;
    logSkipped(s);
  };
  const scopeKey = JSON.stringify(scope);
  const digested =
    source === 'digests'
      ? readDutyDigests(
          store,
          scopeKey,
          byClass,
          from,
          now,
          keepersIn(classes),
          classes.map((c) => `${c._id}:${c.counselorId}:${c.headTeacherId}`).join(','),
        )
      : null;
  const [students, dorms, warnings, users, filed, casework, allSections] = await Promise.all([
    queryAll(store, 'students', { where: byClass }),
    queryAll(store, 'dorms', { where: { collegeId: { in: collegeIds } } }),
    queryAll(store, 'warnings', { where: byClass }),
    queryAll(store, 'users', { where: { _id: { in: staffIds } } }),
    digested ? { rows: [], skipped: 0 } : dutyRecordsOfScope(store, scopeKey, byClass, from, now),
    digested ? digested.then((d) => d.rows) : caseworkRecords(store, byClass, from, report, keepersIn(classes)),
    queryAll(store, 'teachingSections', { where: { collegeId: { in: collegeIds } } }),
  ]);
  const readableWarnings = withReadableTimes('warnings', warnings, ['publishedAt'], report);
  // The classes' course teachers (issue 13): their sections were one more indexed read, by college; their names one more when there are any.
  const sections = allSections.filter((s) => s.classIds.some((id) => inClasses.has(id)));
  const teacherIds = [...new Set(sections.map((s) => s.teacherId))].filter((id) => !staffIds.includes(id));
  const teachers = teacherIds.length > 0 ? await queryAll(store, 'users', { where: { _id: { in: teacherIds } } }) : [];
  const shape = () =>
    [...filed.rows, ...casework]
      .filter((r) => inClasses.has(r.classId))
      .map(byTeacherName(sections, [...users, ...teachers]));
  // The digests' rows, their times kept beside them: usually every row is in the scope's classes
  // and none names a teacher, and the digests' own lists serve (no copy of 100k rows).
  const shapeDigested = (read: DigestRead): { records: DutyRecordRow[]; times: Float64Array } => {
    const named = byTeacherName(sections, [...users, ...teachers]);
    if (read.rows.every((r) => inClasses.has(r.classId) && named(r) === r))
      return { records: read.rows, times: read.times };
    const records: DutyRecordRow[] = [];
    const times: number[] = [];
    read.rows.forEach((r, i) => {
      if (!inClasses.has(r.classId)) return;
      records.push(named(r));
      times.push(read.times[i] ?? Date.parse(r.at));
    });
    return { records, times: Float64Array.from(times) };
  };
  const directory = {
    classes,
    students: students.filter((s) => inClasses.has(s.classId)),
    dorms: dorms.filter((d) => d.classIds.some((id) => inClasses.has(id))),
    warnings: readableWarnings.filter((w) => inClasses.has(w.classId)),
    sections,
  };
  const people = new Map([...users, ...teachers].map((u) => [u._id, u]));
  if (!digested) return { directory, users: people, records: shape(), skipped: skipped + filed.skipped };
  const read = await digested;
  const digests = read.signature;
  const signature = [
    digests,
    versions(classes),
    versions(students),
    versions(dorms),
    versions(warnings),
    versions([...users, ...teachers]),
    versions(allSections),
  ].join('|');
  const kept = shaped.get(store, scopeKey);
  const { records, times } = kept?.key === signature ? kept : shapeDigested(read);
  shaped.set(store, scopeKey, { key: signature, records, times });
  return { directory, users: people, records, times, skipped, signature };
}

/** The class's counselor and head teacher: the people a parent's receipt counts for. */
function keepersIn(classes: readonly ClassInfo[]): (classId: string) => string[] {
  const byId = new Map(classes.map((c) => [c._id, [c.counselorId, c.headTeacherId]]));
  return (classId) => byId.get(classId) ?? [];
}

/**
 * Talks, held meetings, calls and receipts on notices and approved study plans (casework) count
 * toward the same duties as check-ins, mapped as the case view maps them. Four more paged reads,
 * independent of the number of people; not cached, since these records still change after they
 * are written (a meeting's minutes, a receipt, a review).
 */
async function caseworkRecords(
  store: Store,
  where: Where,
  from: string,
  report: SkipReport,
  keepersOf: (classId: string) => string[],
): Promise<DutyRecordRow[]> {
  const [talks, meetings, notices, plans] = await Promise.all([
    readFrom(store, 'talks', where, 'at', from),
    readFrom(store, 'meetings', where, 'at', from),
    // A notice issued before `from` can still get its receipt or call later: read by class, not time.
    queryAll(store, 'notices', { where }),
    queryAll(store, 'studyPlans', { where }),
  ]);
  const receivedAt = (r: { at: string }) => r.at;
  const later = (r: { at: string }) => r.at >= from;
  return [
    ...withReadableTimes(
      'notices',
      noticeDutyRecords(withReadableTimes('notices', notices, ['issuedAt'], report), keepersOf).filter(later),
      ['at'],
      report,
    ).map((r) => ({ ...r, classId: r.classId ?? '', flags: [], receivedAt: receivedAt(r) })),
    ...withReadableTimes('studyPlans', plans.flatMap(planDutyRecords).filter(later), ['at'], report).map((r) => ({
      ...r,
      classId: r.classId ?? '',
      flags: [],
      receivedAt: receivedAt(r),
    })),
    ...withReadableTimes('talks', talks, ['at'], report).map((t) => ({
      ...talkDutyRecord(t),
      classId: t.classId,
      flags: [],
      receivedAt: t.createdAt,
    })),
    ...withReadableTimes('meetings', meetings, ['at'], report).flatMap((m) =>
      meetingDutyRecords(m).map((r) => ({ ...r, classId: m.classId, flags: [], receivedAt: m.updatedAt })),
    ),
  ];
}

/**
 * A teacher contact recorded by name (the check-in form's 任课教师) counts for the course teacher of
 * that name among the classes' sections (issue 13); a name two of them share stays as written.
 */
function byTeacherName(
  sections: readonly TeachingSection[],
  people: readonly User[],
): (r: DutyRecordRow) => DutyRecordRow {
  const names = new Map(people.map((u) => [u._id, u.name]));
  const idOf = new Map<string, string | null>();
  for (const id of new Set(sections.map((s) => s.teacherId))) {
    const name = names.get(id);
    if (name !== undefined) idOf.set(name, idOf.has(name) && idOf.get(name) !== id ? null : id);
  }
  return (r) => {
    const id = r.teacherId?.startsWith('name:') ? idOf.get(r.teacherId.slice(5)) : undefined;
    return id ? { ...r, teacherId: id } : r;
  };
}
