import type { GraduateProfile } from '../../../types/assistant';
import type { ClassInfo, College, Course, Dorm, Gender, Grant, Student, User } from '../../../types/domain';
import type { UserDocument } from '../../../cloudfunctions/platform/store/documents/people';
import type { GradeDocument } from '../../../cloudfunctions/platform/store/documents/grades';
import type { Store, WriteContext } from '../../../cloudfunctions/platform/store/store';
import { gradeDocId } from '../../../cloudfunctions/core/grades/grade-doc-id';
import { DEMO_OPENID_PREFIX } from '../../../scripts/demo/generate';

/**
 * A small college written for one test: the test names each person, class and student it needs,
 * and the builder fills the rest of each document (valid by the store's schemas) and the grants
 * that follow from the classes (a class's counselor, head teacher and assistant hold it).
 *
 *   const b = collegeBuilder({ id: 'life', name: '生命科学与工程学院', departments: { bioeng: '生物工程系' } });
 *   const counselor = b.person('t-counselor', '周辅导');
 *   const cls = b.class({ id: 'c1', name: '生工2501班', departmentId: 'bioeng', cohort: 2025, counselor, headTeacher: b.person('t-head', '吴班主') });
 *   const sun = b.student(cls, { id: '2025310101', name: '孙一鸣', parent: true });
 *   const built = await b.save(store, { by: 'test:build', at });
 *
 * Users are called as `demo:<userId>` (the harness's OPENID convention); a student's user is
 * `s-<学号>`, a bound parent's `p-<学号>` (studentUser / parentUser).
 */

/** A person the test refers to; their grants are completed on save. */
export type Person = { readonly userId: string; readonly name: string };

export type ClassSpec = {
  id: string;
  name: string;
  departmentId: string;
  cohort: number;
  major?: string;
  counselor: Person;
  headTeacher: Person;
  assistant?: Person;
  /** Default: the number of students built in the class. */
  size?: number;
};

export type StudentSpec = {
  id: string;
  name: string;
  gender?: Gender;
  dorm?: Dorm;
  parentName?: string;
  parentPhone?: string;
  /** A parent already bound to this student (user `p-<学号>`). */
  parent?: boolean;
};

export type DormSpec = { id: string; building: string; room: string; classes: ClassInfo[] };

export type CourseSpec = { code: string; name: string; credits: number; departmentId: string; teacher?: Person };

export type GradeSpec = Pick<GradeDocument, 'courseCode' | 'courseName' | 'credits' | 'score' | 'semester'> &
  Partial<Pick<GradeDocument, 'attempt' | 'teacherName' | 'departmentId' | 'courseKind'>>;

export type BuiltCollege = {
  college: College;
  classes: ClassInfo[];
  students: Student[];
  dorms: Dorm[];
  courses: Course[];
  grades: GradeDocument[];
  users: UserDocument[];
  /** A stored user by id (fails loudly when the test never built them). */
  user(userId: string): UserDocument;
};

export const studentUser = (s: Pick<Student, '_id'>): string => `s-${s._id}`;
export const parentUser = (s: Pick<Student, '_id'>): string => `p-${s._id}`;

export type CollegeBuilder = ReturnType<typeof collegeBuilder>;

export function collegeBuilder(spec: { id: string; name: string; departments: Record<string, string> }) {
  const college: College = {
    _id: spec.id,
    name: spec.name,
    departments: Object.entries(spec.departments).map(([id, name]) => ({ id, name })),
  };
  const people = new Map<string, { name: string; grants: Grant[]; phone?: string; graduate?: GraduateProfile }>();
  const classes: ClassInfo[] = [];
  const students: Student[] = [];
  const dorms: Dorm[] = [];
  const courses: Course[] = [];
  const grades: GradeDocument[] = [];
  const sizes = new Map<string, number>();

  const person = (userId: string, name: string, grants: Grant[] = []): Person => {
    const known = people.get(userId);
    if (known) known.grants.push(...grants);
    else people.set(userId, { name, grants: [...grants] });
    return { userId, name };
  };

  const builder = {
    college,
    /** Someone with the given grants (more are added when they are named as class staff). */
    person,
    clerk: (userId: string, name: string) => person(userId, name, [{ role: 'clerk', collegeId: college._id }]),
    leader: (userId: string, name: string) => person(userId, name, [{ role: 'leader', collegeId: college._id }]),
    departmentHead: (userId: string, name: string, departmentId: string) =>
      person(userId, name, [{ role: 'departmentHead', collegeId: college._id, departmentId }]),
    courseTeacher: (userId: string, name: string, courseCodes: string[]) =>
      person(userId, name, [{ role: 'courseTeacher', courseCodes }]),
    /** 学工部: school level, no college. */
    studentAffairs: (userId: string, name: string) => person(userId, name, [{ role: 'studentAffairs' }]),
    /** A graduate student of this college who may apply to be an academic assistant. */
    graduate(userId: string, name: string, profile: Omit<GraduateProfile, 'collegeId'>): Person {
      const p = person(userId, name, [{ role: 'graduate', graduateId: profile.graduateId }]);
      const entry = people.get(userId);
      if (entry) entry.graduate = { ...profile, collegeId: college._id };
      return p;
    },
    class(c: ClassSpec): ClassInfo {
      if (!college.departments.some((d) => d.id === c.departmentId))
        throw new Error(`college ${college._id} has no department ${c.departmentId}`);
      const cls: ClassInfo = {
        _id: c.id,
        name: c.name,
        collegeId: college._id,
        departmentId: c.departmentId,
        cohort: c.cohort,
        major: c.major ?? college.departments.find((d) => d.id === c.departmentId)?.name ?? '',
        counselorId: c.counselor.userId,
        headTeacherId: c.headTeacher.userId,
        ...(c.assistant ? { assistantId: c.assistant.userId } : {}),
        size: 0,
      };
      if (c.size !== undefined) sizes.set(c.id, c.size);
      classes.push(cls);
      return cls;
    },
    dorm(d: DormSpec): Dorm {
      const dorm: Dorm = {
        _id: d.id,
        building: d.building,
        room: d.room,
        collegeId: college._id,
        classIds: d.classes.map((c) => c._id),
      };
      dorms.push(dorm);
      return dorm;
    },
    student(cls: ClassInfo, s: StudentSpec): Student {
      const student: Student = {
        _id: s.id,
        name: s.name,
        gender: s.gender ?? '男',
        classId: cls._id,
        collegeId: college._id,
        cohort: cls.cohort,
        dormId: s.dorm?._id ?? '',
        parentName: s.parentName ?? `${s.name.slice(0, 1)}家长`,
        parentPhone: s.parentPhone ?? `139${s.id.slice(-8).padStart(8, '0')}`,
      };
      students.push(student);
      person(studentUser(student), student.name, [{ role: 'student', studentId: student._id }]);
      if (s.parent) person(parentUser(student), student.parentName, [{ role: 'parent', childIds: [student._id] }]);
      return student;
    },
    course(c: CourseSpec): Course {
      const course: Course = {
        _id: c.code,
        name: c.name,
        credits: c.credits,
        departmentId: c.departmentId,
        ...(c.teacher ? { teacherId: c.teacher.userId, teacherName: c.teacher.name } : {}),
      };
      courses.push(course);
      return course;
    },
    grade(student: Student, g: GradeSpec): GradeDocument {
      const row: GradeDocument = {
        attempt: 'regular',
        ...g,
        studentId: student._id,
        studentName: student.name,
        classId: student.classId,
        collegeId: college._id,
      };
      grades.push(row);
      return row;
    },

    /** Writes everything through the store (checked by its schemas) with `ctx`; users last, as the seed does. */
    async save(store: Store, ctx: WriteContext): Promise<BuiltCollege> {
      for (const cls of classes) cls.size = sizes.get(cls._id) ?? students.filter((s) => s.classId === cls._id).length;
      const users = [...people.entries()].map(([userId, p]): UserDocument => ({
        _id: userId,
        openid: DEMO_OPENID_PREFIX + userId,
        name: p.name,
        grants: [...p.grants, ...classGrants(userId, classes)],
        ...(p.graduate ? { graduate: p.graduate } : {}),
      }));
      await store.addMany('colleges', [college], ctx);
      if (classes.length) await store.addMany('classes', classes, ctx);
      if (students.length) await store.addMany('students', students, ctx);
      if (dorms.length) await store.addMany('dorms', dorms, ctx);
      if (courses.length) await store.addMany('courses', courses, ctx);
      if (grades.length)
        await store.addMany(
          'grades',
          grades.map((g) => ({ ...g, _id: gradeDocId(g) })),
          ctx,
        );
      await store.addMany('users', users, ctx);
      const byId = new Map(users.map((u) => [u._id, u]));
      return {
        college,
        classes,
        students,
        dorms,
        courses,
        grades,
        users,
        user(userId) {
          const u = byId.get(userId);
          if (!u) throw new Error(`no user ${userId} was built`);
          return u;
        },
      };
    },
  };
  return builder;
}

/** The grants a person holds because classes name them as staff, one grant per role. */
function classGrants(userId: string, classes: ClassInfo[]): User['grants'] {
  const grants: User['grants'] = [];
  const held = (pick: (c: ClassInfo) => string | undefined) =>
    classes.filter((c) => pick(c) === userId).map((c) => c._id);
  const counselor = held((c) => c.counselorId);
  const head = held((c) => c.headTeacherId);
  const assistant = held((c) => c.assistantId);
  if (counselor.length) grants.push({ role: 'counselor', classIds: counselor });
  if (head.length) grants.push({ role: 'headTeacher', classIds: head });
  if (assistant.length) grants.push({ role: 'assistant', classIds: assistant });
  return grants;
}
