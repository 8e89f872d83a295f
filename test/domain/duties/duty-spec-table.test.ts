import type { DutyRecord, DutySubject } from '../../../types/duty';
import type { DutyStatus } from '../../../cloudfunctions/core/duties';
import { defaultDutyConfig } from '../../../cloudfunctions/core/duties/defaults';
import { at, counselorOf, dutyRecord, shippedRule, subject, warned } from '../../support/duties-factories';
import { evaluateAt, pick } from '../../support/duties-evaluation';

type Expectation = [unitId: string, lastDay: string, required: number, progress: number, status: DutyStatus];
type Row = {
  rule: string;
  case: string;
  person: DutySubject;
  records: DutyRecord[];
  now: string;
  expect: Expectation[];
};

const r = dutyRecord;
const counselor = (overrides = {}) => counselorOf(overrides);
const headTeacher = (overrides = {}) =>
  subject([{ role: 'headTeacher', classes: [{ id: 'class-1', size: 30 }], ...overrides }]);
const assistant = (overrides = {}) =>
  subject([
    {
      role: 'assistant',
      classes: [
        { id: 'class-1', size: 30 },
        { id: 'class-2', size: 28 },
      ],
      students: [
        { id: 'stu-1', classId: 'class-1' },
        { id: 'stu-2', classId: 'class-2' },
        { id: 'stu-3', classId: 'class-2' },
      ],
      ...overrides,
    },
  ]);
const times = (n: number, make: (i: number) => DutyRecord) => Array.from({ length: n }, (_, i) => make(i));

const htWarned = (tags: string[], extra: Partial<Parameters<typeof warned>[0]> = {}) =>
  headTeacher({ warnedStudents: [warned({ since: at('2025-09-22 15:00'), tags: ['warning', ...tags], ...extra })] });
const cWarned = (tags: string[]) =>
  counselor({ warnedStudents: [warned({ since: at('2025-09-22 15:00'), tags: ['warning', ...tags] })] });

/** The policies' one-off level duties (core/duties/level-rules.ts), counted by the same evaluator. */
const levelRows: Row[] = [
  {
    rule: 'level-lzut-life-talk-headteacher-14d',
    case: 'oral warning: a talk on the 14th day after is in time; another student talked to 266 days later is 逾期完成',
    person: headTeacher({
      warnedStudents: [
        warned({ studentId: 'stu-1', since: at('2025-09-22 15:00'), tags: ['warning', 'lzut-life:oral'] }),
        warned({ studentId: 'stu-2', since: at('2025-09-22 15:00'), tags: ['warning', 'lzut-life:written'] }),
      ],
    }),
    records: [
      r({ kind: 'talk', at: at('2025-10-06 23:00'), studentId: 'stu-1' }),
      r({ kind: 'talk', at: at('2026-01-10 10:00'), studentId: 'stu-2' }),
    ],
    now: '2026-01-12 12:00',
    expect: [
      ['stu-1', '2025-10-06', 1, 1, 'done'],
      ['stu-2', '2025-10-06', 1, 1, 'lateDone'],
    ],
  },
  {
    rule: 'level-lzut-life-talk-counselor-14d',
    case: 'the head teacher’s talk does not meet the counselor’s duty',
    person: cWarned(['lzut-life:oral']),
    records: [r({ kind: 'talk', at: at('2025-09-25 10:00'), studentId: 'stu-1', actorId: 'someone-else' })],
    now: '2025-10-08 12:00',
    expect: [['stu-1', '2025-10-06', 1, 0, 'overdue']],
  },
  {
    rule: 'level-lzut-life-parent-contact-headteacher-14d',
    case: 'written warning only: the head teacher’s call counts',
    person: htWarned(['lzut-life:written']),
    records: [r({ kind: 'parentContact', at: at('2025-09-30 10:00'), studentId: 'stu-1' })],
    now: '2025-10-08 12:00',
    expect: [['stu-1', '2025-10-06', 1, 1, 'done']],
  },
  {
    rule: 'level-lzut-life-study-plan-headteacher-30d',
    case: 'a plan approved by the head teacher on day 30 counts; one approved by someone else does not',
    person: headTeacher({
      warnedStudents: [
        warned({ studentId: 'stu-1', since: at('2025-09-22 15:00'), tags: ['warning', 'lzut-life:warning'] }),
        warned({ studentId: 'stu-2', since: at('2025-09-22 15:00'), tags: ['warning', 'lzut-life:warning'] }),
      ],
    }),
    records: [
      r({ kind: 'studyPlan', at: at('2025-10-22 20:00'), studentId: 'stu-1' }),
      r({ kind: 'studyPlan', at: at('2025-10-01 20:00'), studentId: 'stu-2', actorId: 'counselor-x' }),
    ],
    now: '2025-10-25 12:00',
    expect: [
      ['stu-1', '2025-10-22', 1, 1, 'done'],
      ['stu-2', '2025-10-22', 1, 0, 'overdue'],
    ],
  },
  {
    rule: 'level-gxu-ee-talk-headteacher-14d',
    case: 'gxu-ee 预警 and 试读 alike',
    person: htWarned(['gxu-ee:probation']),
    records: [],
    now: '2025-10-01 12:00',
    expect: [['stu-1', '2025-10-06', 1, 0, 'due']],
  },
  {
    rule: 'level-gxu-ee-talk-counselor-14d',
    case: '试读 only',
    person: cWarned(['gxu-ee:probation']),
    records: [r({ kind: 'talk', at: at('2025-09-23 10:00'), studentId: 'stu-1' })],
    now: '2025-10-01 12:00',
    expect: [['stu-1', '2025-10-06', 1, 1, 'done']],
  },
  {
    rule: 'level-gxu-ee-parent-contact-headteacher-7d',
    case: '试读: the head teacher phones the parents within a week',
    person: htWarned(['gxu-ee:probation']),
    records: [],
    now: '2025-10-01 12:00',
    expect: [['stu-1', '2025-09-29', 1, 0, 'overdue']],
  },
  {
    rule: 'level-gxu-ee-study-plan-headteacher-30d',
    case: 'the plan approved by the head teacher',
    person: htWarned(['gxu-ee:warning']),
    records: [r({ kind: 'studyPlan', at: at('2025-10-10 10:00'), studentId: 'stu-1' })],
    now: '2025-10-12 12:00',
    expect: [['stu-1', '2025-10-22', 1, 1, 'done']],
  },
  {
    rule: 'level-gxu-ee-study-plan-counselor-30d',
    case: '试读: reviewed jointly, the counselor’s own approval counts for the counselor',
    person: cWarned(['gxu-ee:probation']),
    records: [r({ kind: 'studyPlan', at: at('2025-10-10 10:00'), studentId: 'stu-1', actorId: 'head-teacher-x' })],
    now: '2025-10-12 12:00',
    expect: [['stu-1', '2025-10-22', 1, 0, 'due']],
  },
];

/** Every row of the duty table (config/duties/README.md), each with its period boundary. */
const rows: Row[] = [
  ...levelRows,
  {
    rule: 'counselor-talks-third-of-class',
    case: '1/3 of 30 + 31 students is 21 (rounded up); a talk with another class does not count',
    person: counselor({
      classes: [
        { id: 'class-1', size: 30 },
        { id: 'class-2', size: 31 },
      ],
    }),
    records: [
      ...times(12, (i) =>
        r({ kind: 'talk', at: at(`2025-10-${10 + i} 10:00`), classId: 'class-1', studentId: `s${i}` }),
      ),
      ...times(8, (i) =>
        r({ kind: 'talk', at: at(`2025-11-${10 + i} 10:00`), classId: 'class-2', studentId: `t${i}` }),
      ),
      r({ kind: 'talk', at: at('2025-11-20 10:00'), classId: 'class-9' }),
    ],
    now: '2026-01-19 00:00',
    expect: [['staff-1', '2026-01-18', 21, 20, 'overdue']],
  },
  {
    rule: 'counselor-talk-warned-quarterly',
    case: 'a disciplined student: quarters from the semester start, the first from the publication; a talk on its last day counts',
    person: counselor({ warnedStudents: [warned({ since: at('2025-09-10 09:00'), tags: ['discipline'] })] }),
    records: [r({ kind: 'talk', at: at('2025-12-07 23:59'), studentId: 'stu-1', classId: 'class-1' })],
    now: '2025-12-20 12:00',
    expect: [
      ['stu-1', '2025-12-07', 1, 1, 'done'],
      ['stu-1', '2026-01-18', 1, 0, 'due'],
    ],
  },
  {
    rule: 'counselor-talks-warned-twice-semester',
    case: 'a talk the day before publication does not count',
    person: counselor({ warnedStudents: [warned({ since: at('2025-09-20 09:00') })] }),
    records: [
      r({ kind: 'talk', at: at('2025-09-19 10:00'), studentId: 'stu-1' }),
      r({ kind: 'talk', at: at('2025-10-10 10:00'), studentId: 'stu-1' }),
    ],
    now: '2026-01-19 00:00',
    expect: [['stu-1', '2026-01-18', 2, 1, 'overdue']],
  },
  {
    rule: 'counselor-class-meetings',
    case: 'a meeting without minutes does not count',
    person: counselor(),
    records: [
      ...times(3, (i) =>
        r({ kind: 'classMeeting', at: at(`2025-1${i}-15 19:00`), classId: 'class-1', documented: true }),
      ),
      r({ kind: 'classMeeting', at: at('2025-12-15 19:00'), classId: 'class-1' }),
    ],
    now: '2025-12-20 12:00',
    expect: [['class-1', '2026-01-18', 4, 3, 'due']],
  },
  {
    rule: 'counselor-dorm-check-fortnightly',
    case: 'Sunday 23:59 is the last minute of the first two-week window; Monday 00:00 is the next window',
    person: counselor(),
    records: [
      r({ kind: 'dormCheck', at: at('2025-09-21 23:59'), dormId: 'dorm-101', documented: true }),
      r({ kind: 'dormCheck', at: at('2025-09-22 00:00'), dormId: 'dorm-102', documented: true }),
      r({ kind: 'dormCheck', at: at('2025-09-23 21:00'), dormId: 'dorm-101' }),
    ],
    now: '2025-09-24 12:00',
    expect: [
      ['dorm-101', '2025-09-21', 1, 1, 'done'],
      ['dorm-102', '2025-09-21', 1, 0, 'overdue'],
      ['dorm-102', '2025-10-05', 1, 1, 'done'],
      ['dorm-101', '2025-10-05', 1, 0, 'due'],
    ],
  },
  {
    rule: 'counselor-class-check-weekly',
    case: 'Sunday 23:59 counts for its week, Monday 00:00 for the next',
    person: counselor({
      classes: [
        { id: 'class-1', size: 30 },
        { id: 'class-2', size: 30 },
      ],
    }),
    records: [
      r({ kind: 'classCheck', at: at('2025-09-14 23:59'), classId: 'class-1' }),
      r({ kind: 'classCheck', at: at('2025-09-15 00:00'), classId: 'class-2' }),
    ],
    now: '2025-09-16 12:00',
    expect: [
      ['class-1', '2025-09-14', 1, 1, 'done'],
      ['class-2', '2025-09-14', 1, 0, 'overdue'],
      ['class-2', '2025-09-21', 1, 1, 'done'],
      ['class-1', '2025-09-21', 1, 0, 'due'],
    ],
  },
  {
    rule: 'counselor-lecture-attendance-monthly',
    case: 'the semester crosses a month: September 30 23:59 is September, October 1 00:00 is October',
    person: counselor(),
    records: [
      r({ kind: 'lectureAttendance', at: at('2025-09-30 23:59') }),
      r({ kind: 'lectureAttendance', at: at('2025-10-01 00:00') }),
    ],
    now: '2025-11-02 12:00',
    expect: [
      ['staff-1', '2025-09-30', 1, 1, 'done'],
      ['staff-1', '2025-10-31', 1, 1, 'done'],
      ['staff-1', '2025-11-30', 1, 0, 'due'],
    ],
  },
  {
    rule: 'counselor-parent-contact-yearly',
    case: 'the school year runs Sep 1 to Aug 31; a contact in the summer counts, one the day before the year does not',
    person: counselor(),
    records: [
      r({ kind: 'parentContact', at: at('2026-08-20 10:00'), studentId: 'stu-1' }),
      r({ kind: 'parentContact', at: at('2025-08-31 23:59'), studentId: 'stu-2' }),
    ],
    now: '2026-08-25 10:00',
    expect: [
      ['stu-1', '2026-08-31', 1, 1, 'done'],
      ['stu-2', '2026-08-31', 1, 0, 'due'],
      ['stu-3', '2026-08-31', 1, 0, 'due'],
    ],
  },
  {
    rule: 'counselor-notify-parents-of-warned',
    // Issue 11: a call after the deadline makes it 逾期完成, never done; without one it stays overdue.
    case: 'published Monday 15:00: a call the next Monday 23:00 is in time, Tuesday 00:00 is late (逾期完成)',
    person: counselor({
      warnedStudents: [
        warned({ studentId: 'stu-1', since: at('2025-09-22 15:00') }),
        warned({ studentId: 'stu-2', since: at('2025-09-22 15:00'), tags: ['statusHandling'] }),
        warned({ studentId: 'stu-3', since: at('2025-09-22 15:00') }),
      ],
    }),
    records: [
      r({ kind: 'parentContact', at: at('2025-09-29 23:00'), studentId: 'stu-1' }),
      r({ kind: 'parentContact', at: at('2025-09-30 00:00'), studentId: 'stu-2' }),
    ],
    now: '2025-10-01 12:00',
    expect: [
      ['stu-1', '2025-09-29', 1, 1, 'done'],
      ['stu-2', '2025-09-29', 1, 1, 'lateDone'],
      ['stu-3', '2025-09-29', 1, 0, 'overdue'],
    ],
  },
  {
    rule: 'counselor-parent-follow-up-of-warned',
    case: 'a student warned last semester is followed up every semester',
    person: counselor({
      warnedStudents: [
        warned({ studentId: 'stu-1', since: at('2025-04-01 09:00') }),
        warned({ studentId: 'stu-2', since: at('2025-04-01 09:00') }),
      ],
    }),
    records: [r({ kind: 'parentContact', at: at('2025-11-05 10:00'), studentId: 'stu-1' })],
    now: '2026-01-19 00:00',
    expect: [
      ['stu-1', '2026-01-18', 1, 1, 'done'],
      ['stu-2', '2026-01-18', 1, 0, 'overdue'],
    ],
  },
  {
    rule: 'counselor-course-teacher-contact',
    case: 'each course teacher of the classes once a semester',
    person: counselor({
      courseTeachers: [
        { id: 'teacher-1', classIds: ['class-1'] },
        { id: 'teacher-2', classIds: ['class-1'] },
      ],
    }),
    records: [r({ kind: 'teacherContact', at: at('2025-10-09 16:00'), teacherId: 'teacher-1' })],
    now: '2025-12-01 12:00',
    expect: [
      ['teacher-1', '2026-01-18', 1, 1, 'done'],
      ['teacher-2', '2026-01-18', 1, 0, 'due'],
    ],
  },
  {
    rule: 'counselor-class-committee-meetings',
    case: 'two minuted meetings per class; the second class has one',
    person: counselor({
      classes: [
        { id: 'class-1', size: 30 },
        { id: 'class-2', size: 30 },
      ],
    }),
    records: [
      r({ kind: 'classCommitteeMeeting', at: at('2025-09-08 00:00'), classId: 'class-1', documented: true }),
      r({ kind: 'classCommitteeMeeting', at: at('2026-01-18 23:59'), classId: 'class-1', documented: true }),
      r({ kind: 'classCommitteeMeeting', at: at('2025-10-08 20:00'), classId: 'class-2', documented: true }),
      r({ kind: 'classCommitteeMeeting', at: at('2026-01-19 00:00'), classId: 'class-2', documented: true }),
    ],
    now: '2026-01-20 00:00',
    expect: [
      ['class-1', '2026-01-18', 2, 2, 'done'],
      ['class-2', '2026-01-18', 2, 1, 'overdue'],
    ],
  },
  {
    rule: 'counselor-head-teacher-meetings',
    case: 'two grade head-teacher meetings a semester',
    person: counselor(),
    records: [r({ kind: 'headTeacherMeeting', at: at('2025-09-12 14:00') })],
    now: '2025-10-01 00:00',
    expect: [['staff-1', '2026-01-18', 2, 1, 'due']],
  },
  {
    rule: 'head-teacher-talk-warned-monthly',
    case: 'published September 26: the four September days join October; the last day of October counts',
    person: headTeacher({ warnedStudents: [warned({ since: at('2025-09-26 10:00') })] }),
    records: [r({ kind: 'talk', at: at('2025-10-31 23:59'), studentId: 'stu-1' })],
    now: '2025-11-03 09:00',
    expect: [
      ['stu-1', '2025-10-31', 1, 1, 'done'],
      ['stu-1', '2025-11-30', 1, 0, 'due'],
    ],
  },
  {
    rule: 'head-teacher-study-method-meetings',
    case: 'only meetings on study methods or experience count',
    person: headTeacher(),
    records: [
      r({ kind: 'classMeeting', at: at('2025-09-19 19:00'), classId: 'class-1', topics: ['studyMethods'] }),
      r({
        kind: 'classMeeting',
        at: at('2025-10-17 19:00'),
        classId: 'class-1',
        topics: ['safety', 'studyExperience'],
      }),
      r({ kind: 'classMeeting', at: at('2025-11-14 19:00'), classId: 'class-1', topics: ['safety'] }),
    ],
    now: '2026-01-19 00:00',
    expect: [['class-1', '2026-01-18', 3, 2, 'overdue']],
  },
  {
    rule: 'head-teacher-lecture-attendance',
    case: 'three lectures a semester',
    person: headTeacher(),
    records: times(3, (i) => r({ kind: 'lectureAttendance', at: at(`2025-1${i}-20 08:00`) })),
    now: '2026-01-19 00:00',
    expect: [['staff-1', '2026-01-18', 3, 3, 'done']],
  },
  {
    rule: 'head-teacher-semester-end-parent-contact',
    case: 'the last 28 days: December 21 is too early, December 22 00:00 counts',
    person: headTeacher({
      warnedStudents: [
        warned({ studentId: 'stu-1', since: at('2025-09-20 09:00'), tags: ['academicProblem'] }),
        warned({ studentId: 'stu-2', since: at('2025-09-20 09:00'), tags: ['academicProblem'] }),
      ],
    }),
    records: [
      r({ kind: 'parentContact', at: at('2025-12-22 00:00'), studentId: 'stu-1' }),
      r({ kind: 'parentContact', at: at('2025-12-21 23:59'), studentId: 'stu-2' }),
    ],
    now: '2026-01-10 00:00',
    expect: [
      ['stu-1', '2026-01-18', 1, 1, 'done'],
      ['stu-2', '2026-01-18', 1, 0, 'due'],
    ],
  },
  {
    rule: 'counselor-semester-end-parent-contact',
    case: 'the same duty for the counselor, overdue once the semester ends',
    person: counselor({ warnedStudents: [warned({ since: at('2025-09-20 09:00'), tags: ['warning'] })] }),
    records: [],
    now: '2026-01-19 00:00',
    expect: [['stu-1', '2026-01-18', 1, 0, 'overdue']],
  },
  {
    rule: 'assistant-themed-activities-monthly',
    case: 'two a month; the 7 February days of 2026-2027-2 join March',
    person: assistant(),
    records: [
      r({ kind: 'themedActivity', at: at('2027-02-26 19:00') }),
      r({ kind: 'themedActivity', at: at('2027-03-31 23:59') }),
    ],
    now: '2027-04-02 12:00',
    expect: [
      ['staff-1', '2027-03-31', 2, 2, 'done'],
      ['staff-1', '2027-04-30', 2, 0, 'due'],
    ],
  },
  {
    rule: 'assistant-collective-activities-yearly',
    case: 'three activities of each class served, per school year',
    person: assistant(),
    records: [
      ...times(3, (i) => r({ kind: 'collectiveActivity', at: at(`2025-1${i}-05 15:00`), classId: 'class-1' })),
      r({ kind: 'collectiveActivity', at: at('2026-05-05 15:00'), classId: 'class-2' }),
    ],
    now: '2026-06-01 00:00',
    expect: [
      ['class-1', '2026-08-31', 3, 3, 'done'],
      ['class-2', '2026-08-31', 3, 1, 'due'],
    ],
  },
  {
    rule: 'assistant-talk-each-student-yearly',
    case: 'face to face for 30 minutes: 29 minutes, or 40 by phone, do not count',
    person: assistant(),
    records: [
      r({ kind: 'talk', at: at('2025-10-11 12:00'), studentId: 'stu-1', mode: 'faceToFace', minutes: 30 }),
      r({ kind: 'talk', at: at('2025-10-12 12:00'), studentId: 'stu-2', mode: 'faceToFace', minutes: 29 }),
      r({ kind: 'talk', at: at('2025-10-13 12:00'), studentId: 'stu-3', mode: 'phone', minutes: 40 }),
    ],
    now: '2026-09-01 00:00',
    expect: [
      ['stu-1', '2026-08-31', 1, 1, 'done'],
      ['stu-2', '2026-08-31', 1, 0, 'overdue'],
      ['stu-3', '2026-08-31', 1, 0, 'overdue'],
    ],
  },
];

describe('every row of the duty table (config/duties/README.md)', () => {
  it('has a table row here for every shipped rule, and no row for a rule that is gone', () => {
    expect(new Set(rows.map((row) => row.rule))).toEqual(new Set(defaultDutyConfig.rules.map((rule) => rule.id)));
  });

  it.each(rows.map((row) => [row.rule, row.case, row] as const))('%s: %s', (ruleId, _case, row) => {
    const evaluation = evaluateAt([shippedRule(ruleId)], row.person, row.records, row.now);
    for (const [unitId, lastDay, required, progress, status] of row.expect) {
      expect({ unitId, lastDay, ...pick(evaluation, unitId, lastDay) }).toEqual({
        unitId,
        lastDay,
        required,
        progress,
        status,
      });
    }
  });
});
