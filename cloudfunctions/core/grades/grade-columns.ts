/** The fields of a grade row and the headers academic systems use for them. */
export const gradeFields = [
  'studentId',
  'studentName',
  'classId',
  'courseCode',
  'courseName',
  'credits',
  'score',
  'attempt',
  'semester',
  'schoolYear',
  'teacherName',
  'departmentId',
] as const;
export type GradeField = (typeof gradeFields)[number];

/** Chinese name of each field, used in messages when the file's own header is unknown. */
export const fieldLabel: Record<GradeField, string> = {
  studentId: '学号',
  studentName: '姓名',
  classId: '班级',
  courseCode: '课程代码',
  courseName: '课程名称',
  credits: '学分',
  score: '成绩',
  attempt: '考试性质',
  semester: '学期',
  schoolYear: '学年',
  teacherName: '任课教师',
  departmentId: '开课院系',
};

/** Header synonyms, compared after normalising (lower case, no spaces, underscores or hyphens). */
const synonyms: Record<GradeField, string[]> = {
  studentId: ['学号', '学生学号', '学生编号', 'studentid', 'studentno', 'sid'],
  studentName: ['姓名', '学生姓名', 'studentname', 'name'],
  classId: ['班级', '班级编号', '班级代码', '班级名称', '行政班', '行政班级', 'classid', 'class', 'classname'],
  courseCode: ['课程代码', '课程号', '课程编号', '课程编码', 'coursecode', 'courseid', 'courseno'],
  courseName: ['课程名称', '课程名', '课程', 'coursename', 'course'],
  credits: ['学分', '课程学分', 'credits', 'credit'],
  score: ['成绩', '总评成绩', '总成绩', '最终成绩', '总评', '考试成绩', 'score', 'grade', 'mark'],
  attempt: ['考试性质', '考试类型', '考核性质', '修读性质', '成绩性质', 'attempt', 'examtype', 'exam'],
  semester: ['学期', '开课学期', '学年学期', '学年度学期', 'semester', 'term'],
  schoolYear: ['学年', '开课学年', 'schoolyear', 'year'],
  teacherName: ['任课教师', '教师', '教师姓名', '授课教师', '主讲教师', 'teacher', 'teachername'],
  departmentId: ['开课院系', '开课单位', '开课学院', '开课系', '院系', 'departmentid', 'department', 'dept'],
};

export function normaliseHeader(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/[\s_\-()（）]/g, '').toLowerCase();
}

const lookup = new Map<string, GradeField>();
for (const field of gradeFields) for (const name of synonyms[field]) lookup.set(normaliseHeader(name), field);

export function fieldOfHeader(text: string): GradeField | null {
  return lookup.get(normaliseHeader(text)) ?? null;
}

/** Fields without which a row cannot be judged. */
export const requiredFields: ReadonlyArray<GradeField> = ['studentId', 'courseCode', 'courseName', 'credits', 'score', 'attempt', 'semester'];
