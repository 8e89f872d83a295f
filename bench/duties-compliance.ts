/**
 * Leader's compliance dashboard, evaluator only (no store): a college of 60 classes, 200 staff
 * and ≈100k records of semester 2025-2026-1, generated in memory from a fixed seed.
 * Run: node --expose-gc --import tsx bench/duties-compliance.ts
 */
import type { DutyAssignment, DutyRecord, DutyRecordKind, DutySubject, WarnedStudentUnit } from '../types/duty';
import {
  compliancePerClass,
  compliancePerPerson,
  evaluateDutiesBatch,
  indexDutyRecords,
  worstFirst,
} from '../cloudfunctions/core/duties';
import { defaultDutyConfig } from '../cloudfunctions/core/duties/defaults';
import { ruleCalendar } from '../cloudfunctions/core/calendar';
import { dateStart, isoAt } from '../cloudfunctions/core/duties/shanghai-days';
import { seeded } from '../scripts/demo/random';

const CLASSES = 60;
const COUNSELORS = 12; // 5 classes each
const ASSISTANTS = 30; // 2 classes each
const COURSE_TEACHERS = 98; // 60 head teachers + 12 + 30 + 98 = 200 staff
const RECORDS = 100_000;
const NOW = dateStart('2026-01-10') + 10 * 3_600_000;
const SEMESTER_START = dateStart('2025-09-08');

const random = seeded(20250908);
const int = (n: number) => Math.floor(random() * n);
function pickOne<T>(items: readonly T[]): T {
  const item = items[int(items.length)];
  if (item === undefined) throw new Error('pickOne from an empty list');
  return item;
}

type ClassRow = { id: string; size: number; students: string[]; dorms: string[] };
const classes: ClassRow[] = Array.from({ length: CLASSES }, (_, c) => {
  const size = 25 + int(11);
  const students = Array.from({ length: size }, (_, s) => `stu-${c}-${s}`);
  const dorms = Array.from({ length: Math.ceil(size / 6) }, (_, d) => `dorm-${c}-${d}`);
  return { id: `class-${c}`, size, students, dorms };
});
const teachers = Array.from({ length: COURSE_TEACHERS }, (_, t) => `teacher-${t}`);
const warnedOf = (c: ClassRow): WarnedStudentUnit[] =>
  c.students
    .filter(() => random() < 0.08)
    .map((studentId) => ({
      studentId,
      classId: c.id,
      since: isoAt(SEMESTER_START + (8 + int(10)) * 86_400_000),
      tags: ['warning'],
    }));
const warnedByClass = new Map(classes.map((c) => [c.id, warnedOf(c)]));

const assignmentFor = (role: DutyAssignment['role'], cs: readonly ClassRow[]): DutyAssignment => ({
  role,
  classes: cs.map((c) => ({ id: c.id, size: c.size })),
  dorms: cs.flatMap((c) => c.dorms.map((id) => ({ id, classIds: [c.id] }))),
  students: cs.flatMap((c) => c.students.map((id) => ({ id, classId: c.id }))),
  warnedStudents: cs.flatMap((c) => warnedByClass.get(c.id) ?? []),
  courseTeachers: Array.from({ length: 8 }, () => pickOne(teachers)).map((id) => ({
    id,
    classIds: cs.map((c) => c.id),
  })),
});

const subjects: DutySubject[] = [
  ...Array.from({ length: COUNSELORS }, (_, i) => ({
    personId: `counselor-${i}`,
    assignments: [assignmentFor('counselor', classes.slice(i * 5, i * 5 + 5))],
  })),
  ...classes.map((c, i) => ({ personId: `head-${i}`, assignments: [assignmentFor('headTeacher', [c])] })),
  ...Array.from({ length: ASSISTANTS }, (_, i) => ({
    personId: `assistant-${i}`,
    assignments: [assignmentFor('assistant', classes.slice(i * 2, i * 2 + 2))],
  })),
  ...teachers.map((id) => ({ personId: id, assignments: [] })),
];

const kindsOf: Record<string, DutyRecordKind[]> = {
  counselor: [
    'talk',
    'classCheck',
    'dormCheck',
    'classMeeting',
    'lectureAttendance',
    'parentContact',
    'teacherContact',
    'classCommitteeMeeting',
    'headTeacherMeeting',
  ],
  headTeacher: ['talk', 'classMeeting', 'lectureAttendance', 'parentContact'],
  assistant: ['talk', 'themedActivity', 'collectiveActivity', 'dormCheck', 'classCheck'],
};
const duty = subjects.filter((s) => s.assignments.length > 0);
const records: DutyRecord[] = Array.from({ length: RECORDS }, (_, n) => {
  const person = pickOne(duty);
  const assignment = person.assignments[0];
  if (!assignment) throw new Error('duty staff without assignment');
  const kind = pickOne<DutyRecordKind>(kindsOf[assignment.role] ?? ['talk']);
  const cls = pickOne(assignment.classes ?? []);
  const row = classes.find((c) => c.id === cls.id);
  const record: DutyRecord = {
    _id: `r${n}`,
    kind,
    actorId: person.personId,
    at: isoAt(SEMESTER_START + int(NOW - SEMESTER_START)),
    classId: cls.id,
  };
  if (kind === 'dormCheck' && row) record.dormId = pickOne(row.dorms);
  if ((kind === 'talk' || kind === 'parentContact') && row) record.studentId = pickOne(row.students);
  if (kind === 'teacherContact') record.teacherId = pickOne(assignment.courseTeachers ?? []).id;
  if (kind === 'talk') {
    record.minutes = 10 + int(50);
    record.mode = random() < 0.7 ? 'faceToFace' : 'phone';
  }
  if (kind === 'classMeeting') record.topics = [pickOne(['studyMethods', 'safety', 'studyExperience', 'career'])];
  record.documented = random() < 0.9;
  return record;
});
const sortedRecords = [...records].sort((a, b) => (a.at < b.at ? -1 : 1));

/** Wall time, and this process's CPU time (user + system): the machine may be shared, CPU time says what the work costs. */
function time<T>(run: () => T): { ms: number; cpu: number; result: T } {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = run();
  const cpu = process.cpuUsage(cpuStart);
  return { ms: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000, result };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const settings = { rules: defaultDutyConfig.rules, calendar: ruleCalendar(2024, 2028), now: NOW };
/** Collect garbage between runs when node runs with --expose-gc, so one run's garbage does not bill the next. */
const collect = (): void => {
  const gc: unknown = Reflect.get(globalThis, 'gc');
  if (typeof gc === 'function') Reflect.apply(gc, globalThis, []);
};
const dashboard = (input: readonly DutyRecord[]) => {
  collect();
  const index = time(() => indexDutyRecords(input));
  const evaluated = time(() => evaluateDutiesBatch({ ...settings, subjects, records: index.result }));
  const summaries = time(() => ({
    people: compliancePerPerson(evaluated.result).sort(worstFirst),
    classes: compliancePerClass(evaluated.result).sort(worstFirst),
  }));
  return {
    index: index.ms,
    evaluate: evaluated.ms,
    summarize: summaries.ms,
    cpu: index.cpu + evaluated.cpu + summaries.cpu,
    evaluations: evaluated.result,
    summaries: summaries.result,
  };
};

for (const [label, input] of [
  ['records in random order', records],
  ['records in time order (as read from the store)', sortedRecords],
] as const) {
  dashboard(input); // warm up
  const runs = Array.from({ length: 7 }, () => dashboard(input));
  const last = runs[runs.length - 1];
  if (!last) throw new Error('no run');
  const items = last.evaluations.reduce((n, e) => n + e.items.length, 0);
  const counted = last.evaluations.reduce((n, e) => n + e.items.reduce((m, i) => m + i.done.length, 0), 0);
  const total = runs.map((r) => r.index + r.evaluate + r.summarize);
  console.log(`\n${label}: ${input.length} records, ${subjects.length} staff, ${CLASSES} classes`);
  console.log(`  items (rule × unit × window): ${items}; record ids listed as counting: ${counted}`);
  console.log(
    `  index ${median(runs.map((r) => r.index)).toFixed(1)} ms, evaluate ${median(runs.map((r) => r.evaluate)).toFixed(1)} ms, summarize ${median(runs.map((r) => r.summarize)).toFixed(1)} ms`,
  );
  console.log(
    `  total median ${median(total).toFixed(1)} ms (min ${Math.min(...total).toFixed(1)}, max ${Math.max(...total).toFixed(1)}) over ${runs.length} runs`,
  );
  console.log(
    `  CPU time median ${median(runs.map((r) => r.cpu)).toFixed(1)} ms (min ${Math.min(...runs.map((r) => r.cpu)).toFixed(1)})`,
  );
  const worst = last.summaries.people[0];
  console.log(`  worst person: ${worst?.id} ${worst?.percent}% (${worst?.overdue} overdue)`);
}
