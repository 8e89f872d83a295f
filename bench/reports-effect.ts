/**
 * The leader's 帮扶效果分析报告 and class KPIs from the store, through the handler: a college of
 * 60 classes (1,800 students), 200 staff users, ≈100k duty records, two semesters of grades and
 * warnings, talks and meetings, in a temp SQLite file (fixed seed). Counts store round trips and documents read.
 * Run: npx tsx bench/reports-effect.ts [records per college] [colleges]
 * (colleges > 1: the other colleges hold the same data; the leader of the first one is timed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportsFunction } from '../cloudfunctions/reports/function';
import { rebuildWarningDigests } from '../cloudfunctions/application/digests/rebuild-warning-digests';
import { rebuildDutyDigests } from '../cloudfunctions/application/digests/rebuild-duty-digests';
import { fixedClock } from '../cloudfunctions/core/time/clock';
import { toIso } from '../cloudfunctions/core/time/shanghai';
import { localFiles } from '../cloudfunctions/platform/files/local-files';
import { openSqliteStore } from '../cloudfunctions/platform/store/sqlite-store';
import type { CollectionName, DocOf } from '../cloudfunctions/platform/store/collections';
import type { NewDocOf, Store } from '../cloudfunctions/platform/store/store';
import { countingStore } from '../test/support/checkins-counting-store';
import { seeded } from '../scripts/demo/random';

const RECORDS = Number(process.argv[2] ?? 100_000);
const CLASSES = 60;
const COLLEGES = Number(process.argv[3] ?? 1);
const NOW = '2026-10-10T10:00:00+08:00';
const A = '2025-2026-1';
const B = '2025-2026-2';
const random = seeded(20261010);
const int = (n: number) => Math.floor(random() * n);
/** A document as the bench seeds it: every field its schema asks for, and its id. */
type Seed<C extends CollectionName> = DocOf<C> & { _id: string };

const levels = [
  { level: 'oral', levelName: '口头警示', levelRank: 0 },
  { level: 'written', levelName: '书面警示', levelRank: 1 },
  { level: 'academic', levelName: '学业警示', levelRank: 2 },
];
const levelAt = (i: number) => levels[i] ?? { level: 'oral', levelName: '口头警示', levelRank: 0 };

function college(COLLEGE: string) {
  const users: Seed<'users'>[] = [];
  const classes: Seed<'classes'>[] = [];
  const students: Seed<'students'>[] = [];
  const warnings: Seed<'warnings'>[] = [];
  const grades: Seed<'grades'>[] = [];
  const talks: Seed<'talks'>[] = [];
  const records: Seed<'dutyRecords'>[] = [];
  const meetings: Seed<'meetings'>[] = [];
  for (let c = 0; c < CLASSES; c++) {
    const id = `${COLLEGE}-k${String(c).padStart(2, '0')}`;
    classes.push({
      _id: id,
      name: `班级${c + 1}`,
      collegeId: COLLEGE,
      departmentId: c % 2 === 0 ? 'd1' : 'd2',
      cohort: 2022 + (c % 4),
      major: '专业',
      counselorId: `${COLLEGE}-counselor-${Math.floor(c / 3)}`,
      headTeacherId: `${COLLEGE}-head-${c}`,
      size: 30,
    });
    for (let s = 0; s < 30; s++)
      students.push({
        _id: `${id}-s${s}`,
        name: `学生${s}`,
        gender: '男',
        classId: id,
        collegeId: COLLEGE,
        cohort: 2022 + (c % 4),
        dormId: 'd',
        parentName: '家长',
        parentPhone: '13800000000',
      });
  }
  for (let i = 0; i < 20; i++)
    users.push({
      _id: `${COLLEGE}-counselor-${i}`,
      openid: `bench:${COLLEGE}-counselor-${i}`,
      name: `辅导员${i}`,
      grants: [
        {
          role: 'counselor',
          classIds: classes.filter((c) => c.counselorId === `${COLLEGE}-counselor-${i}`).map((c) => String(c._id)),
        },
      ],
    });
  for (let c = 0; c < CLASSES; c++)
    users.push({
      _id: `${COLLEGE}-head-${c}`,
      openid: `bench:${COLLEGE}-head-${c}`,
      name: `班主任${c}`,
      grants: [{ role: 'headTeacher', classIds: [`${COLLEGE}-k${String(c).padStart(2, '0')}`] }],
    });
  for (let i = 0; i < 119; i++)
    users.push({
      _id: `${COLLEGE}-teacher-${i}`,
      openid: `bench:${COLLEGE}-teacher-${i}`,
      name: `教师${i}`,
      grants: [{ role: 'courseTeacher', courseCodes: [`C${i}`] }],
    });
  users.push({
    _id: `${COLLEGE}-leader`,
    openid: `bench:${COLLEGE}-leader`,
    name: '院领导',
    grants: [{ role: 'leader', collegeId: COLLEGE }],
  });
  let w = 0;
  for (const s of students) {
    for (const semester of [A, B])
      for (let k = 0; k < 8; k++)
        grades.push({
          _id: `g-${s._id}-${semester}-${k}`,
          studentId: s._id,
          classId: s.classId,
          courseCode: `C${k}`,
          courseName: `课程${k}`,
          credits: 3,
          score: String(45 + int(55)),
          attempt: 'regular',
          semester,
        });
    if (random() < 0.1) {
      const lvA = levelAt(int(3));
      const lifted = random() < 0.45;
      warnings.push({
        _id: `${COLLEGE}-w${w++}`,
        runId: 'runA',
        studentId: s._id,
        studentName: s.name,
        classId: s.classId,
        collegeId: COLLEGE,
        semester: A,
        policyId: 'lzut-life',
        ...lvA,
        change: 'new',
        triggers: [],
        failedCourses: [{ code: 'C1', name: '课程1', credits: 3 }],
        manual: null,
        status: lifted ? 'lifted' : 'superseded',
        publishedAt: '2025-09-20T10:00:00.000+08:00',
        publishedBy: 'clerk',
      });
      if (!lifted)
        warnings.push({
          _id: `${COLLEGE}-w${w++}`,
          runId: 'runB',
          studentId: s._id,
          studentName: s.name,
          classId: s.classId,
          collegeId: COLLEGE,
          semester: B,
          policyId: 'lzut-life',
          ...levelAt(int(3)),
          change: 'unchanged',
          triggers: [],
          failedCourses: [],
          manual: null,
          status: 'active',
          publishedAt: '2026-03-10T10:00:00.000+08:00',
          publishedBy: 'clerk',
        });
      for (let t = 0; t < 3; t++)
        talks.push({
          _id: `t-${s._id}-${t}`,
          kind: 'talk',
          actorId: `${COLLEGE}-counselor-0`,
          actorName: '辅导员',
          talkerRole: 'counselor',
          at: toIso(new Date(Date.parse('2025-10-01T10:00:00+08:00') + int(150) * 86_400_000)),
          studentId: s._id,
          studentName: s.name,
          classId: s.classId,
          collegeId: COLLEGE,
          initiatedBy: 'teacher',
          nth: t + 1,
          mode: 'faceToFace',
          topics: ['academics'],
          otherTopic: '',
          place: '办公室',
          minutes: 30,
          firstImpression: '',
          content: '谈话',
          measures: '',
          confirmedAt: NOW,
        });
    }
  }
  // Per class four held 班会 of the whole class and two 座谈会 of its warned students, over the year.
  for (const cls of classes) {
    const classId = String(cls._id);
    const roster = students.filter((s) => s.classId === classId).map((s) => s._id);
    const warned = [...new Set(warnings.filter((x) => x.classId === classId).map((x) => x.studentId))];
    for (let m = 0; m < 6; m++) {
      const collective = m >= 4;
      const invited = collective ? warned : roster;
      if (invited.length === 0) continue;
      const at = toIso(new Date(Date.parse('2025-10-01T14:00:00+08:00') + m * 30 * 86_400_000));
      meetings.push({
        _id: `m-${classId}-${m}`,
        kind: collective ? 'collectiveTalk' : 'classMeeting',
        actorId: String(cls.counselorId),
        actorName: '辅导员',
        at,
        title: collective ? '座谈会' : '班会',
        classId,
        collegeId: COLLEGE,
        studentIds: invited,
        inviteeIds: [],
        plannedMinutes: 45,
        place: '教室',
        topics: ['studyMethods'],
        remindBeforeMinutes: 60,
        status: 'held',
        responses: [],
        record: { summary: '纪要', minutes: 45, presentIds: invited, at },
        parentConfirmation: null,
        history: [],
      });
    }
  }
  const start = Date.parse('2025-09-08T00:00:00+08:00');
  for (let n = 0; n < RECORDS; n++) {
    const c = classes[int(CLASSES)];
    const kind = random() < 0.15 ? 'parentContact' : 'classCheck';
    const at = toIso(new Date(start + int(300) * 86_400_000));
    records.push({
      _id: `${COLLEGE}-r${n}`,
      kind,
      actorId: String(c?.counselorId),
      at,
      receivedAt: at,
      collegeId: COLLEGE,
      classId: String(c?._id),
      ...(kind === 'parentContact' ? { studentId: `${c?._id}-s${int(30)}` } : {}),
      documented: true,
      clientId: `${COLLEGE}-c${n}`,
      deviceAt: at,
      sentAt: at,
      flags: [],
      details: { form: 'contact', channel: '电话', notes: '' },
    });
  }
  const runs: Seed<'warningRuns'>[] = [A, B].map((semester) => ({
    _id: `${COLLEGE}-run-${semester}`,
    collegeId: COLLEGE,
    semester,
    status: 'published',
    policyId: 'lzut-life',
    policyName: 'lzut-life',
    entries: [],
    courses: [],
    teachers: [],
    threshold: 0.15,
    previous: [],
    manual: [],
    rejectedManual: [],
    gradeRows: 0,
    students: 0,
    createdByName: '教学秘书',
    publishing: null,
    publishedAt: '2026-03-10T10:00:00.000+08:00',
    publishedBy: 'clerk',
  }));
  return { users, classes, students, warnings, grades, talks, meetings, records, runs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
  const raw: Store = openSqliteStore(join(dir, 'bench.sqlite'));
  try {
    const ctx = { by: 'bench', at: NOW };
    const seedStart = performance.now();
    let data = college('c0');
    for (let k = 0; k < COLLEGES; k++) {
      const d = k === 0 ? data : college(`c${k}`);
      if (k === 0) data = d;
      const put = async <C extends CollectionName>(name: C, docs: readonly NewDocOf<C>[]) => {
        for (let i = 0; i < docs.length; i += 5000) await raw.addMany(name, docs.slice(i, i + 5000), ctx);
      };
      await put('users', d.users);
      await put('classes', d.classes);
      await put('students', d.students);
      await put('warnings', d.warnings);
      await put('talks', d.talks);
      await put('meetings', d.meetings);
      await put('warningRuns', d.runs);
      await put('grades', d.grades);
      await put('dutyRecords', d.records);
    }
    console.log(
      `${COLLEGES} college(s) seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s; figures below are for the first college's leader`,
    );
    // The digests the publish path keeps, built once from the seeded warnings (as the rebuild script does).
    await rebuildWarningDigests(raw, { write: true, ctx });
    // And the duty digests the check-ins, talks and meetings keep (the effect report's support comes from them).
    await rebuildDutyDigests(raw, { write: true, ctx });
    console.log(
      `seeded ${data.classes.length} classes, ${data.users.length - 1} staff users, ${data.students.length} students, ${data.warnings.length} warnings, ${data.grades.length} grade rows, ${data.talks.length} talks, ${data.meetings.length} meetings, ${data.records.length} duty records`,
    );
    const clock = fixedClock(NOW);
    const files = localFiles(dir);
    for (const [action, input] of [
      ['effect', { semester: A }],
      ['kpis', { semester: B }],
    ] as const) {
      const times: number[] = [];
      let summary = '';
      for (let run = 0; run < 5; run++) {
        const counted = countingStore(raw);
        const t0 = performance.now();
        const answer = await reportsFunction.dispatch(
          { action, input },
          { store: counted.store, clock, files, openid: 'bench:c0-leader' },
        );
        times.push(performance.now() - t0);
        if (!answer.ok) throw new Error(`${action}: ${answer.code} ${answer.message}`);
        const t = counted.trips;
        summary = `round trips per call: ${t.query} queries + ${t.get} gets (${[...t.byCollection].map(([c, n]) => `${c} ${n}`).join(', ')}), ${t.rows} documents read`;
      }
      console.log(
        `\nreports.${action} (leader, every call cold: nothing cached): median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${times.length} runs)`,
      );
      console.log(`  ${summary}`);
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
