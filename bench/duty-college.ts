/**
 * One bench college for the duty dashboards: 60 classes, 200 staff users (20 counselors of three
 * classes, 60 head teachers, 30 assistants of two, 90 course teachers), 30 students and 6 dorms a
 * class, 8 % of students warned, and `records` duty records of semester 2025-2026-1 spread over
 * the classes, their staff and the kinds each role files (fixed seed). Ids are prefixed, so
 * several colleges share one store (bench/duties-university.ts).
 */
import { toIso } from '../cloudfunctions/core/time/shanghai';
import type { DutyRecordDoc } from '../types/checkin';
import type { ClassInfo, Dorm, Student, User } from '../types/domain';
import type { DutyRecordKind } from '../types/duty';
import type { Warning } from '../types/warning';
import { seeded } from '../scripts/demo/random';

export const NOW = '2026-01-10T10:00:00+08:00';
const CLASSES = 60;
const COUNSELORS = 20; // 3 classes each
const ASSISTANTS = 30; // 2 classes each (rules: 000-5.1, the project's reading: at most two)
const COURSE_TEACHERS = 200 - COUNSELORS - CLASSES - ASSISTANTS; // users with no quota of their own
const START = Date.parse('2025-09-08T00:00:00+08:00');
const END = Date.parse(NOW);

export function dutyCollege(options: { collegeId: string; prefix: string; records: number; seed: number }) {
  const { collegeId: COLLEGE, prefix: P, records: RECORDS } = options;
  const random = seeded(options.seed);
  const int = (n: number) => Math.floor(random() * n);
  function pick<T>(items: readonly T[]): T {
    const item = items[int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  const users: User[] = [];
  const user = (id: string, grants: User['grants']) =>
    users.push({ _id: id, openid: `bench:${id}`, name: `教师${id}`, grants });
  const classes: ClassInfo[] = Array.from({ length: CLASSES }, (_, c) => ({
    _id: `${P}k${String(c).padStart(2, '0')}`,
    name: `班级${c + 1}`,
    collegeId: COLLEGE,
    departmentId: c % 2 === 0 ? 'd1' : 'd2',
    cohort: 2022 + (c % 4),
    major: '专业',
    counselorId: `${P}counselor-${Math.floor(c / 3)}`,
    headTeacherId: `${P}head-${c}`,
    assistantId: `${P}assistant-${Math.floor(c / 2)}`,
    size: 30,
  }));
  for (let i = 0; i < COUNSELORS; i++)
    user(`${P}counselor-${i}`, [
      { role: 'counselor', classIds: classes.filter((c) => c.counselorId === `${P}counselor-${i}`).map((c) => c._id) },
    ]);
  classes.forEach((c) => user(c.headTeacherId, [{ role: 'headTeacher', classIds: [c._id] }]));
  for (let i = 0; i < ASSISTANTS; i++)
    user(`${P}assistant-${i}`, [
      { role: 'assistant', classIds: classes.filter((c) => c.assistantId === `${P}assistant-${i}`).map((c) => c._id) },
    ]);
  for (let i = 0; i < COURSE_TEACHERS; i++)
    user(`${P}teacher-${i}`, [{ role: 'courseTeacher', courseCodes: [`C${i}`] }]);
  user(`${P}leader`, [{ role: 'leader', collegeId: COLLEGE }]);

  const students: Student[] = [];
  const dorms: Dorm[] = [];
  for (const c of classes) {
    for (let d = 0; d < 6; d++)
      dorms.push({
        _id: `${c._id}-d${d}`,
        building: '西区3号楼',
        room: `${c._id}${d}`,
        collegeId: COLLEGE,
        classIds: [c._id],
      });
    for (let s = 0; s < c.size; s++) {
      students.push({
        _id: `${c._id}-s${s}`,
        name: `学生${s}`,
        gender: '男',
        classId: c._id,
        collegeId: COLLEGE,
        cohort: c.cohort,
        dormId: `${c._id}-d${Math.floor(s / 5)}`,
        parentName: '家长',
        parentPhone: '13800000000',
      });
    }
  }
  const warnings: Warning[] = students
    .filter(() => random() < 0.08)
    .map((s, i) => ({
      _id: `${P}w${i}`,
      runId: 'run',
      studentId: s._id,
      studentName: s.name,
      classId: s.classId,
      collegeId: COLLEGE,
      semester: '2024-2025-2',
      policyId: 'lzut-life',
      level: 'oral',
      levelName: '口头警示',
      levelRank: 0,
      change: 'new',
      triggers: [],
      failedCourses: [],
      manual: null,
      status: 'active',
      publishedAt: toIso(new Date(START + (10 + int(10)) * 86_400_000)),
      publishedBy: 'clerk',
    }));

  const kinds: Record<'counselor' | 'head' | 'assistant', DutyRecordKind[]> = {
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
    head: ['talk', 'classMeeting', 'lectureAttendance', 'parentContact'],
    assistant: ['talk', 'themedActivity', 'collectiveActivity', 'dormCheck', 'classCheck'],
  };
  const records: DutyRecordDoc[] = Array.from({ length: RECORDS }, (_, n) => {
    const c = pick(classes);
    const who = pick(['counselor', 'counselor', 'head', 'assistant'] as const);
    const actorId =
      who === 'counselor' ? c.counselorId : who === 'head' ? c.headTeacherId : (c.assistantId ?? c.counselorId);
    const kind: DutyRecordKind = pick(kinds[who]);
    const at = toIso(new Date(START + int(END - START)));
    const student = `${c._id}-s${int(c.size)}`;
    const base = {
      _id: `${P}r${n}`,
      kind,
      actorId,
      at,
      receivedAt: at,
      collegeId: COLLEGE,
      classId: c._id,
      documented: random() < 0.9,
      clientId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      deviceAt: at,
      sentAt: at,
      flags: [],
    };
    switch (kind) {
      case 'dormCheck': {
        const dormId = `${c._id}-d${int(6)}`;
        return {
          ...base,
          dormId,
          placeId: 'west-dorm-3',
          location: { latitude: 36.0501, longitude: 103.8523, accuracy: 20 },
          distanceMeters: 12,
          details: {
            form: 'dormCheck',
            hygieneScore: 80,
            hygieneNotes: '',
            residents: Array.from({ length: 5 }, (_, r) => ({
              studentId: `${c._id}-s${r}`,
              name: '学生',
              status: 'present' as const,
            })),
          },
        };
      }
      case 'talk':
        return {
          ...base,
          studentId: student,
          minutes: 10 + int(50),
          mode: random() < 0.7 ? 'faceToFace' : 'phone',
          details: { form: 'talk', notes: '' },
        };
      case 'parentContact':
        return { ...base, studentId: student, mode: '电话', details: { form: 'contact', channel: '电话', notes: '' } };
      case 'teacherContact':
        return { ...base, teacherId: `name:老师${int(8)}`, details: { form: 'contact', channel: '面谈', notes: '' } };
      case 'classCheck':
        return {
          ...base,
          placeId: 'boxue',
          details: { form: 'classCheck', course: '课程', late: [], absent: [], leftEarly: [] },
        };
      case 'lectureAttendance':
        return { ...base, details: { form: 'lecture', course: '课程', teacherName: '', notes: '' } };
      case 'themedActivity':
        return {
          ...base,
          minutes: 60,
          topics: ['学习'],
          details: { form: 'themedActivity', theme: '学习', participants: 20, summary: '' },
        };
      default:
        return {
          ...base,
          topics: [pick(['studyMethods', 'safety', 'studyExperience'])],
          details: { form: 'meeting', title: '会议', summary: base.documented ? '纪要' : '', attendees: 30 },
        };
    }
  });
  return { users, classes, students, dorms, warnings, records };
}
