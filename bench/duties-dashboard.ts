/**
 * The leader's compliance dashboard from the store, through the handler: a college of 60 classes,
 * 200 staff users and ≈100k duty records of semester 2025-2026-1 in a temp SQLite file (fixed
 * seed). Times classCompliance / staffCompliance as dispatched by the runtime (caller lookup,
 * load, batch evaluation, rows) and counts store round trips with a counting proxy.
 * Run: npx tsx bench/duties-dashboard.ts [records]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dutiesFunction } from '../cloudfunctions/duties/function';
import { dutySubjects } from '../cloudfunctions/core/compliance/directory';
import { evaluateDutiesBatch } from '../cloudfunctions/core/duties';
import { defaultDutyConfig } from '../cloudfunctions/core/duties/defaults';
import { ruleCalendar } from '../cloudfunctions/core/calendar';
import { loadDutyData } from '../cloudfunctions/duties/load-duty-data';
import { rebuildDutyDigests } from '../cloudfunctions/application/digests/rebuild-duty-digests';
import { fixedClock } from '../cloudfunctions/core/time/clock';
import { localFiles } from '../cloudfunctions/platform/files/local-files';
import { toIso } from '../cloudfunctions/core/time/shanghai';
import { openSqliteStore } from '../cloudfunctions/platform/store/sqlite-store';
import type { Store } from '../cloudfunctions/platform/store/store';
import type { DutyRecordDoc } from '../types/checkin';
import type { ClassInfo, Dorm, Student, User } from '../types/domain';
import type { DutyRecordKind } from '../types/duty';
import type { Warning } from '../types/warning';
import { countingStore } from '../test/support/checkins-counting-store';
import { seeded } from '../scripts/demo/random';

const RECORDS = Number(process.argv[2] ?? 100_000);
const CLASSES = 60;
const COUNSELORS = 20; // 3 classes each
const ASSISTANTS = 30; // 2 classes each (seed 000: at most two)
const COURSE_TEACHERS = 200 - COUNSELORS - CLASSES - ASSISTANTS; // users with no quota of their own
const COLLEGE = 'bench';
const NOW = '2026-01-10T10:00:00+08:00';
const START = Date.parse('2025-09-08T00:00:00+08:00');
const END = Date.parse(NOW);

const random = seeded(20260110);
const int = (n: number) => Math.floor(random() * n);
function pick<T>(items: readonly T[]): T {
  const item = items[int(items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function college() {
  const users: User[] = [];
  const user = (id: string, grants: User['grants']) => users.push({ _id: id, openid: `bench:${id}`, name: `教师${id}`, grants });
  const classes: ClassInfo[] = Array.from({ length: CLASSES }, (_, c) => ({
    _id: `k${String(c).padStart(2, '0')}`,
    name: `班级${c + 1}`,
    collegeId: COLLEGE,
    departmentId: c % 2 === 0 ? 'd1' : 'd2',
    cohort: 2022 + (c % 4),
    major: '专业',
    counselorId: `counselor-${Math.floor(c / 3)}`,
    headTeacherId: `head-${c}`,
    assistantId: `assistant-${Math.floor(c / 2)}`,
    size: 30,
  }));
  for (let i = 0; i < COUNSELORS; i++) user(`counselor-${i}`, [{ role: 'counselor', classIds: classes.filter((c) => c.counselorId === `counselor-${i}`).map((c) => c._id) }]);
  classes.forEach((c) => user(c.headTeacherId, [{ role: 'headTeacher', classIds: [c._id] }]));
  for (let i = 0; i < ASSISTANTS; i++) user(`assistant-${i}`, [{ role: 'assistant', classIds: classes.filter((c) => c.assistantId === `assistant-${i}`).map((c) => c._id) }]);
  for (let i = 0; i < COURSE_TEACHERS; i++) user(`teacher-${i}`, [{ role: 'courseTeacher', courseCodes: [`C${i}`] }]);
  user('leader', [{ role: 'leader', collegeId: COLLEGE }]);

  const students: Student[] = [];
  const dorms: Dorm[] = [];
  for (const c of classes) {
    for (let d = 0; d < 6; d++) dorms.push({ _id: `${c._id}-d${d}`, building: '西区3号楼', room: `${c._id}${d}`, collegeId: COLLEGE, classIds: [c._id] });
    for (let s = 0; s < c.size; s++) {
      students.push({ _id: `${c._id}-s${s}`, name: `学生${s}`, gender: '男', classId: c._id, collegeId: COLLEGE, cohort: c.cohort, dormId: `${c._id}-d${Math.floor(s / 5)}`, parentName: '家长', parentPhone: '13800000000' });
    }
  }
  const warnings: Warning[] = students
    .filter(() => random() < 0.08)
    .map((s, i) => ({
      _id: `w${i}`, runId: 'run', studentId: s._id, studentName: s.name, classId: s.classId, collegeId: COLLEGE, semester: '2024-2025-2', policyId: 'lzut-life', level: 'oral', levelName: '口头警示', levelRank: 0,
      change: 'new', triggers: [], failedCourses: [], manual: null, status: 'active', publishedAt: toIso(new Date(START + (10 + int(10)) * 86_400_000)), publishedBy: 'clerk',
    }));

  const kinds: Record<'counselor' | 'head' | 'assistant', DutyRecordKind[]> = {
    counselor: ['talk', 'classCheck', 'dormCheck', 'classMeeting', 'lectureAttendance', 'parentContact', 'teacherContact', 'classCommitteeMeeting', 'headTeacherMeeting'],
    head: ['talk', 'classMeeting', 'lectureAttendance', 'parentContact'],
    assistant: ['talk', 'themedActivity', 'collectiveActivity', 'dormCheck', 'classCheck'],
  };
  const records: DutyRecordDoc[] = Array.from({ length: RECORDS }, (_, n) => {
    const c = pick(classes);
    const who = pick(['counselor', 'counselor', 'head', 'assistant'] as const);
    const actorId = who === 'counselor' ? c.counselorId : who === 'head' ? c.headTeacherId : (c.assistantId ?? c.counselorId);
    const kind: DutyRecordKind = pick(kinds[who]);
    const at = toIso(new Date(START + int(END - START)));
    const student = `${c._id}-s${int(c.size)}`;
    const base = { _id: `r${n}`, kind, actorId, at, receivedAt: at, collegeId: COLLEGE, classId: c._id, documented: random() < 0.9, clientId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, deviceAt: at, sentAt: at, flags: [] };
    switch (kind) {
      case 'dormCheck': {
        const dormId = `${c._id}-d${int(6)}`;
        return { ...base, dormId, placeId: 'west-dorm-3', location: { latitude: 36.0501, longitude: 103.8523, accuracy: 20 }, distanceMeters: 12, details: { form: 'dormCheck', hygieneScore: 80, hygieneNotes: '', residents: Array.from({ length: 5 }, (_, r) => ({ studentId: `${c._id}-s${r}`, name: '学生', status: 'present' as const })) } };
      }
      case 'talk':
        return { ...base, studentId: student, minutes: 10 + int(50), mode: random() < 0.7 ? 'faceToFace' : 'phone', details: { form: 'talk', notes: '' } };
      case 'parentContact':
        return { ...base, studentId: student, mode: '电话', details: { form: 'contact', channel: '电话', notes: '' } };
      case 'teacherContact':
        return { ...base, teacherId: `name:老师${int(8)}`, details: { form: 'contact', channel: '面谈', notes: '' } };
      case 'classCheck':
        return { ...base, placeId: 'boxue', details: { form: 'classCheck', course: '课程', late: [], absent: [], leftEarly: [] } };
      case 'lectureAttendance':
        return { ...base, details: { form: 'lecture', course: '课程', teacherName: '', notes: '' } };
      case 'themedActivity':
        return { ...base, minutes: 60, topics: ['学习'], details: { form: 'themedActivity', theme: '学习', participants: 20, summary: '' } };
      default:
        return { ...base, topics: [pick(['studyMethods', 'safety', 'studyExperience'])], details: { form: 'meeting', title: '会议', summary: base.documented ? '纪要' : '', attendees: 30 } };
    }
  });
  return { users, classes, students, dorms, warnings, records };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-duties-'));
  const raw: Store = openSqliteStore(join(dir, 'bench.sqlite'));
  try {
    const data = college();
    const ctx = { by: 'bench', at: NOW };
    const seedStart = performance.now();
    await raw.addMany('users', data.users, ctx);
    await raw.addMany('classes', data.classes, ctx);
    await raw.addMany('students', data.students, ctx);
    await raw.addMany('dorms', data.dorms, ctx);
    await raw.addMany('warnings', data.warnings, ctx);
    for (let i = 0; i < data.records.length; i += 5000) await raw.addMany('dutyRecords', data.records.slice(i, i + 5000), ctx);
    console.log(`seeded ${data.classes.length} classes, ${data.users.length - 1} staff users, ${data.students.length} students, ${data.warnings.length} warnings, ${data.records.length} records in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    // The records were added straight to the store (as an import would): their digests are built once, then proved.
    const buildStart = performance.now();
    const built = await rebuildDutyDigests(raw, { write: true, ctx });
    const proof = await rebuildDutyDigests(raw, { write: false });
    console.log(`built ${built.written} duty digests (${built.rows} rows) in ${((performance.now() - buildStart) / 1000).toFixed(1)} s; rebuild proof: ${proof.matching} of ${proof.digests} match, ${proof.mismatched.length + proof.missing.length + proof.extra.length} differ`);

    const clock = fixedClock(NOW);
    const files = localFiles(dir);
    const warm = countingStore(raw);
    for (const action of ['staffCompliance', 'classCompliance'] as const) {
      for (const mode of ['cold', 'warm'] as const) {
        const times: number[] = [];
        let summary = '';
        for (let run = 0; run < 5; run++) {
          // Cold: a new instance (a fresh store wrapper, so no cached records); warm: the same one again.
          const counted = mode === 'cold' ? countingStore(raw) : warm;
          if (mode === 'warm' && run === 0) await dutiesFunction.dispatch({ action, input: {} }, { store: counted.store, clock, files, openid: 'bench:leader' });
          counted.reset();
          const start = performance.now();
          const answer = await dutiesFunction.dispatch({ action, input: {} }, { store: counted.store, clock, files, openid: 'bench:leader' });
          times.push(performance.now() - start);
          if (!answer.ok) throw new Error(`${action}: ${answer.code} ${answer.message}`);
          const rows = typeof answer.data === 'object' && answer.data !== null && 'rows' in answer.data && Array.isArray(answer.data.rows) ? answer.data.rows.length : 0;
          const t = counted.trips;
          summary = `${rows} rows; round trips per call: ${t.query} queries + ${t.get} gets (${[...t.byCollection].map(([c, n]) => `${c} ${n}`).join(', ')}), ${t.rows} documents read`;
        }
        console.log(`\n${action} ${mode}: median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${times.length} runs)`);
        console.log(`  ${summary}`);
      }
    }

    // Where the cold time goes, in the same run for both sources: reading the store vs evaluating in memory.
    const from = '2025-07-13T00:00:00.000+08:00';
    const calendar = ruleCalendar(2024, 2028);
    for (const source of ['records', 'digests'] as const) {
      const loads: number[] = [];
      const evaluations: number[] = [];
      let docs = 0;
      for (let run = 0; run < 3; run++) {
        const counted = countingStore(raw);
        let start = performance.now();
        const data = await loadDutyData(counted.store, { collegeId: COLLEGE }, from, Date.parse(NOW), source);
        loads.push(performance.now() - start);
        docs = counted.trips.rows;
        start = performance.now();
        const result = evaluateDutiesBatch({ rules: defaultDutyConfig.rules, calendar, now: NOW, subjects: dutySubjects(data.directory), records: data.records });
        evaluations.push(performance.now() - start);
        if (run === 0) console.log(`\nfrom ${source}: evaluated ${result.length} people, ${result.reduce((n, ev) => n + ev.items.length, 0)} duty items, ${data.records.length} records`);
      }
      console.log(`  cold store load median ${median(loads).toFixed(0)} ms (${docs} documents); batch evaluation median ${median(evaluations).toFixed(0)} ms`);
    }
  } finally {
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
