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
  'courseKind',
  'voided',
  'scoreFlag',
  'scoreHundred',
  'courseCodeAlt',
  'courseCodeName',
  'yearCode',
  'termCode',
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
  courseKind: '课程性质',
  voided: '成绩作废',
  scoreFlag: '成绩标志',
  scoreHundred: '百分制成绩',
  courseCodeAlt: '课程代码',
  courseCodeName: '课程/环节',
  yearCode: '学年代码',
  termCode: '学期代码',
};

/**
 * Header synonyms, compared after normalising (lower case, no spaces, underscores or hyphens).
 * Besides generic names, the exports of the common academic systems as they write them:
 * 正方/新正方 (xh, xm, kch / kch_id, kcmc, xf, cj, bfzcj, ksxz, kcxzmc, cjsfzf, xnm/xqm, xnmmc/xqmmc),
 * 强智 (开课学期, 课程编号, 总成绩, 考试性质, 课程性质, 成绩标志), URP (courseNumber/kch,
 * courseName/kcm, credit, courseScore/cj, examTypeName, coursePropertyName, unpassedReasonExplain)
 * and 青果 (课程/环节 holding "[code]name", 修读性质, 考核方式).
 */
const synonyms: Record<GradeField, string[]> = {
  studentId: ['学号', '学生学号', '学生编号', 'studentid', 'studentno', 'sid', 'xh'],
  studentName: ['姓名', '学生姓名', 'studentname', 'name', 'xm'],
  classId: [
    '班级',
    '班级编号',
    '班级代码',
    '班级名称',
    '行政班',
    '行政班级',
    'classid',
    'class',
    'classname',
    'bj',
    'bjmc',
  ],
  courseCode: [
    '课程代码',
    '课程号',
    '课程编号',
    '课程编码',
    'coursecode',
    'courseid',
    'courseno',
    'coursenumber',
    'kch',
    'kcdm',
  ],
  courseName: ['课程名称', '课程名', '课程', 'coursename', 'course', 'kcmc', 'kcm'],
  credits: ['学分', '课程学分', 'credits', 'credit', 'xf'],
  score: [
    '成绩',
    '总评成绩',
    '总成绩',
    '最终成绩',
    '总评',
    '考试成绩',
    'score',
    'grade',
    'mark',
    'coursescore',
    'cj',
    'zcj',
  ],
  attempt: [
    '考试性质',
    '考试类型',
    '考核性质',
    '修读性质',
    '成绩性质',
    'attempt',
    'examtype',
    'exam',
    'examtypename',
    'ksxz',
    'ksxzmc',
  ],
  semester: ['学期', '开课学期', '学年学期', '学年度学期', 'semester', 'term', 'xqmmc'],
  schoolYear: ['学年', '开课学年', 'schoolyear', 'year', 'xnmmc'],
  teacherName: ['任课教师', '教师', '教师姓名', '授课教师', '主讲教师', 'teacher', 'teachername', 'jsxm', 'rkjs'],
  departmentId: ['开课院系', '开课单位', '开课学院', '开课系', '院系', 'departmentid', 'department', 'dept', 'kkbmmc'],
  courseKind: [
    '课程性质',
    '课程类别',
    '类别',
    '课程性质名称',
    '修读类别',
    'coursekind',
    'coursepropertyname',
    'courseproperty',
    'kcxzmc',
    'kcxz',
  ],
  voided: ['成绩作废', '成绩是否作废', '是否作废', '作废', 'cjsfzf', 'sfzf'],
  scoreFlag: ['成绩标志', '成绩标记', '成绩备注', '未通过原因', 'unpassedreasonexplain', 'unpassedreason', 'cjbz'],
  scoreHundred: ['百分制成绩', 'bfzcj'],
  courseCodeAlt: ['kchid', '课程id'],
  courseCodeName: ['课程/环节', '课程环节', '课程/环节名称'],
  yearCode: ['xnm', '学年码'],
  termCode: ['xqm', '学期码'],
};

/**
 * Headers of a 成绩分项 export (one row per grade component: 平时、期中、期末…): such a file holds
 * no course result, so it is refused with the export to use instead.
 */
const componentHeaders = [
  '成绩分项',
  '分项名称',
  '分项成绩',
  '分项比例',
  '成绩分项名称',
  '项目名称',
  '项目成绩',
  'xmblmc',
  'xmcj',
  'cjfxmc',
  'fxcj',
];

export function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/[\s_\-()（）]/g, '')
    .toLowerCase();
}

const lookup = new Map<string, GradeField>();
for (const field of gradeFields) for (const name of synonyms[field]) lookup.set(normaliseHeader(name), field);

export function fieldOfHeader(text: string): GradeField | null {
  return lookup.get(normaliseHeader(text)) ?? null;
}

const components = new Set(componentHeaders.map(normaliseHeader));
export function isComponentHeader(text: string): boolean {
  return components.has(normaliseHeader(text));
}

export const COMPONENT_EXPORT =
  '这是“成绩分项”导出（每行是平时、期末等一个分项，不是课程总评），不能用于学业警示。请在教务系统中导出“学生成绩”（总评成绩，每门课程一行）后再导入';

/** Fields without which a row cannot be judged. */
export const requiredFields: ReadonlyArray<GradeField> = [
  'studentId',
  'courseCode',
  'courseName',
  'credits',
  'score',
  'attempt',
  'semester',
];

/** Columns that stand in for a required one: 青果's "[code]name", 正方's kch_id, bfzcj, and xnm + xqm. */
export const standIns: Partial<Record<GradeField, ReadonlyArray<ReadonlyArray<GradeField>>>> = {
  courseCode: [['courseCodeName'], ['courseCodeAlt']],
  courseName: [['courseCodeName']],
  score: [['scoreHundred']],
  semester: [['termCode', 'yearCode']],
};
