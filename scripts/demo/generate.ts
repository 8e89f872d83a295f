import type { ClassInfo, College, Course, Dorm, Grant, Student, User } from '../../types/domain';
import { gradeDocId } from '../../cloudfunctions/core/grades/grade-doc-id';
import type { Clock } from '../../cloudfunctions/core/time/clock';
import { COLLEGE, DEPARTMENTS, coursesOf, type CourseSpec } from './catalog';
import { personName, phone } from './names';
import { normal, seeded } from './random';
import { demoTimeline, type DemoTimeline } from './timeline';
import { demoGraduates } from './graduates';

export type DemoGrade = {
  _id: string;
  studentId: string;
  studentName: string;
  classId: string;
  courseCode: string;
  courseName: string;
  credits: number;
  score: string;
  attempt: 'regular' | 'makeup' | 'retake';
  semester: string;
  teacherName: string;
  departmentId: string;
};

export type DemoData = {
  college: College;
  classes: ClassInfo[];
  students: Student[];
  dorms: Dorm[];
  courses: Course[];
  grades: DemoGrade[];
  users: User[];
  /** Where the demo sits in time (from the clock it was made with). */
  timeline: DemoTimeline;
};

export const DEMO_OPENID_PREFIX = 'demo:';
const STUDENTS_PER_CLASS = 40;

function wordFor(score: number): string {
  if (score >= 90) return '优秀';
  if (score >= 80) return '良好';
  if (score >= 70) return '中等';
  if (score >= 60) return '及格';
  return '不及格';
}

function render(spec: CourseSpec, score: number): string {
  if (spec.scale === 'words') return wordFor(score);
  if (spec.scale === 'passFail') return score >= 60 ? '合格' : '不合格';
  return String(Math.round(score));
}

function clampScore(x: number): number {
  return Math.max(0, Math.min(100, x));
}

/**
 * One college, two cohorts (second and third year), six classes of 40, two finished semesters of
 * grades: all relative to the clock, so the demo is the same on any day (timeline.ts).
 */
export function generateDemo(clock: Clock, seed = 20261123): DemoData {
  const timeline = demoTimeline(clock);
  const random = seeded(seed);
  const college: College = { ...COLLEGE, departments: DEPARTMENTS };
  const users: User[] = [];
  const user = (id: string, name: string, grants: Grant[], userPhone?: string): User => {
    const u: User = {
      _id: id,
      openid: DEMO_OPENID_PREFIX + id,
      name,
      grants,
      ...(userPhone ? { phone: userPhone } : {}),
    };
    users.push(u);
    return u;
  };

  const [third, second] = timeline.cohorts;
  const cohorts = [third, second];
  const majors = [
    { dept: 'bioeng', major: '生物工程', short: '生工' },
    { dept: 'bioeng', major: '生物工程', short: '生工' },
    { dept: 'food', major: '食品科学与工程', short: '食品' },
  ];
  const classes: ClassInfo[] = [];
  cohorts.forEach((cohort, ci) => {
    const counselor = user(`t-counselor-${cohort}`, personName(random), [], phone(random));
    const classIds: string[] = [];
    majors.forEach((m, mi) => {
      const seq = mi === 2 ? 1 : mi + 1;
      const classId = `c${cohort}-${m.dept}-${seq}`;
      classIds.push(classId);
      const head = user(
        `t-head-${classId}`,
        personName(random),
        [{ role: 'headTeacher', classIds: [classId] }],
        phone(random),
      );
      classes.push({
        _id: classId,
        name: `${m.short}${String(cohort).slice(2)}${seq}班`,
        collegeId: college._id,
        departmentId: m.dept,
        cohort,
        major: m.major,
        counselorId: counselor._id,
        headTeacherId: head._id,
        size: STUDENTS_PER_CLASS,
      });
    });
    counselor.grants.push({ role: 'counselor', classIds });
    void ci;
  });

  // Three graduate assistants, two classes each (rules: 000-5.1, the project's reading: at most two).
  for (let i = 0; i < 3; i++) {
    const served = classes.slice(i * 2, i * 2 + 2);
    const a = user(
      `t-assistant-${i + 1}`,
      personName(random),
      [{ role: 'assistant', classIds: served.map((c) => c._id) }],
      phone(random),
    );
    for (const c of served) c.assistantId = a._id;
  }
  user('t-clerk', personName(random), [{ role: 'clerk', collegeId: college._id }], phone(random));
  user('t-leader', personName(random), [{ role: 'leader', collegeId: college._id }], phone(random));
  user(
    't-dept-bioeng',
    personName(random),
    [{ role: 'departmentHead', collegeId: college._id, departmentId: 'bioeng' }],
    phone(random),
  );

  const students: Student[] = [];
  const dorms: Dorm[] = [];
  const abilities = new Map<string, number>();
  for (const cls of classes) {
    const members: Student[] = [];
    for (let n = 1; n <= STUDENTS_PER_CLASS; n++) {
      const id = `${cls.cohort}${cls.departmentId === 'food' ? '32' : '31'}${cls._id.endsWith('2') ? '2' : '1'}${String(n).padStart(3, '0')}`;
      const gender: Student['gender'] = random() < 0.55 ? '男' : '女';
      const s: Student = {
        _id: id,
        name: personName(random),
        gender,
        classId: cls._id,
        collegeId: college._id,
        cohort: cls.cohort,
        dormId: '',
        parentName: personName(random),
        parentPhone: phone(random),
      };
      members.push(s);
      // About one student in ten struggles; their grades make the warnings.
      abilities.set(id, random() < 0.1 ? normal(random, 57, 6) : normal(random, 79, 7));
    }
    // Dorms of four, by gender, in the class's building.
    const building = cls.cohort === second ? '西区3号楼' : '西区5号楼';
    for (const gender of ['男', '女'] as const) {
      const same = members.filter((s) => s.gender === gender);
      for (let i = 0; i < same.length; i += 4) {
        const room = `${gender === '男' ? 'A' : 'B'}${cls._id.slice(-1)}${String(dorms.length + 101).slice(-3)}`;
        const dorm: Dorm = {
          _id: `dorm-${cls.cohort}-${room}`,
          building,
          room,
          collegeId: college._id,
          classIds: [cls._id],
        };
        dorms.push(dorm);
        for (const s of same.slice(i, i + 4)) s.dormId = dorm._id;
      }
    }
    students.push(...members);
  }

  const courses = new Map<string, Course>();
  const grades: DemoGrade[] = [];
  for (const s of students) {
    const cls = classes.find((c) => c._id === s.classId);
    if (!cls) continue;
    const ability = abilities.get(s._id) ?? 75;
    const owed: CourseSpec[] = [];
    for (const semester of timeline.finished.map((f) => f.id)) {
      const specs = coursesOf(s.cohort, semester);
      const add = (spec: CourseSpec, attempt: DemoGrade['attempt'], score: string) =>
        grades.push({
          _id: gradeDocId({ studentId: s._id, courseCode: spec.code, semester, attempt }),
          studentId: s._id,
          studentName: s.name,
          classId: s.classId,
          courseCode: spec.code,
          courseName: spec.name,
          credits: spec.credits,
          score,
          attempt,
          semester,
          teacherName: spec.teacher,
          departmentId: spec.dept,
        });
      // Retakes (重修) of courses still owed from the previous semester.
      for (const spec of owed.splice(0)) {
        const retake = clampScore(normal(random, ability + 8 - spec.difficulty, 9));
        add(spec, 'retake', render(spec, retake));
      }
      for (const spec of specs) {
        courses.set(spec.code, {
          _id: spec.code,
          name: spec.name,
          credits: spec.credits,
          departmentId: spec.dept,
          teacherName: spec.teacher,
        });
        if (random() < 0.004) {
          add(spec, 'regular', '缺考');
        } else {
          const score = clampScore(normal(random, ability - spec.difficulty, 10));
          add(spec, 'regular', render(spec, score));
          if (score >= 60) continue;
        }
        // Failed at the regular exam: a make-up exam at the start of the next semester.
        const makeup = clampScore(normal(random, ability + 4 - spec.difficulty, 9));
        add(spec, 'makeup', render(spec, makeup));
        if (makeup < 60) owed.push(spec);
      }
    }
  }

  // Half the parents are already bound (the rest bind through a counselor's one-time code).
  students.forEach((s, i) => {
    if (i % 2 === 0) user(`p-${s._id}`, s.parentName, [{ role: 'parent', childIds: [s._id] }], s.parentPhone);
    user(`s-${s._id}`, s.name, [{ role: 'student', studentId: s._id }]);
  });

  // School level (学工部): approves peer pairings; added after every random draw so the rest stays the same.
  user('t-affairs', '学工部（演示）', [{ role: 'studentAffairs' }]);
  // Graduate students who may apply to be academic assistants (rules: 000-1.1; issue 16): fixed, no random draws.
  for (const g of demoGraduates(college._id, second))
    Object.assign(user(g.userId, g.name, [{ role: 'graduate', graduateId: g.profile.graduateId }]), {
      graduate: g.profile,
    });

  return {
    college,
    classes,
    students,
    dorms,
    courses: [...courses.values()].sort((a, b) => a._id.localeCompare(b._id)),
    grades,
    users,
    timeline,
  };
}
