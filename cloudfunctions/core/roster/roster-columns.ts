import type { ColumnSpec } from './sheet-header';

/** The columns of each file the offices keep, and the names their spreadsheets give them. */

export const studentColumns: ColumnSpec<
  | 'studentId'
  | 'name'
  | 'gender'
  | 'className'
  | 'major'
  | 'cohort'
  | 'dorm'
  | 'dormBuilding'
  | 'dormRoom'
  | 'parentName'
  | 'parentPhone'
  | 'parentPhone2'
> = {
  fields: [
    'studentId',
    'name',
    'gender',
    'className',
    'major',
    'cohort',
    'dorm',
    'dormBuilding',
    'dormRoom',
    'parentName',
    'parentPhone',
    'parentPhone2',
  ],
  labels: {
    studentId: '学号',
    name: '姓名',
    gender: '性别',
    className: '班级',
    major: '专业',
    cohort: '年级',
    dorm: '宿舍',
    dormBuilding: '宿舍楼',
    dormRoom: '宿舍房间',
    parentName: '家长姓名',
    parentPhone: '家长电话',
    parentPhone2: '家长电话2',
  },
  synonyms: {
    studentId: ['学号', '学生学号', 'xh', 'studentid'],
    name: ['姓名', '学生姓名', 'xm', 'name'],
    gender: ['性别', 'xb', 'gender'],
    className: ['班级', '班级名称', '行政班', '行政班级', 'bj', 'class'],
    major: ['专业', '专业名称', 'zy', 'major'],
    cohort: ['年级', '入学年级', '入学年份', 'nj', 'cohort', 'grade'],
    dorm: ['宿舍', '宿舍号', '寝室', '宿舍楼/房间', '宿舍（楼/房间）', 'dorm'],
    dormBuilding: ['宿舍楼', '楼栋', '宿舍楼栋', '公寓楼'],
    dormRoom: ['宿舍房间', '房间', '房间号', '寝室号'],
    parentName: ['家长姓名', '监护人姓名', '家长', '监护人'],
    parentPhone: ['家长电话', '家长手机', '家长联系电话', '监护人电话', '家长电话1', '家长手机1'],
    parentPhone2: ['家长电话2', '家长手机2', '第二联系电话', '监护人电话2'],
  },
  required: ['studentId', 'name', 'gender', 'className', 'cohort', 'parentName', 'parentPhone'],
  example: '第一行应为表头，如 学号、姓名、性别、班级、专业、年级、宿舍楼、宿舍房间、家长姓名、家长电话',
};

export const classColumns: ColumnSpec<
  'name' | 'major' | 'cohort' | 'department' | 'counselorNo' | 'headTeacherNo' | 'assistantNo'
> = {
  fields: ['name', 'major', 'cohort', 'department', 'counselorNo', 'headTeacherNo', 'assistantNo'],
  labels: {
    name: '班级',
    major: '专业',
    cohort: '年级',
    department: '系',
    counselorNo: '辅导员工号',
    headTeacherNo: '班主任工号',
    assistantNo: '学业助理工号',
  },
  synonyms: {
    name: ['班级', '班级名称', 'bj', 'class'],
    major: ['专业', '专业名称', 'major'],
    cohort: ['年级', '入学年级', 'cohort'],
    department: ['系', '所属系', '系别', '院系', '专业所属系', 'department'],
    counselorNo: ['辅导员', '辅导员工号', 'counselor'],
    headTeacherNo: ['班主任', '班主任工号', 'headteacher'],
    assistantNo: ['学业助理', '学业助理工号', '助理', 'assistant'],
  },
  required: ['name', 'major', 'cohort', 'counselorNo', 'headTeacherNo'],
  example: '第一行应为表头，如 班级、专业、年级、辅导员、班主任、学业助理（后三列填工号）',
};

export const staffColumns: ColumnSpec<'staffNo' | 'name' | 'roles' | 'phone' | 'department'> = {
  fields: ['staffNo', 'name', 'roles', 'phone', 'department'],
  labels: { staffNo: '工号', name: '姓名', roles: '角色', phone: '手机', department: '部门' },
  synonyms: {
    staffNo: ['工号', '教工号', '职工号', 'gh', 'staffno', 'staffid'],
    name: ['姓名', '教师姓名', 'xm', 'name'],
    roles: ['角色', '岗位', '职务', '身份', 'role', 'roles'],
    phone: ['手机', '手机号', '联系电话', '电话', 'phone', 'mobile'],
    department: ['部门', '所在部门', '单位', '所在单位', '系', '院系', 'department'],
  },
  required: ['staffNo', 'name', 'roles', 'phone'],
  example: '第一行应为表头，如 工号、姓名、角色、手机、部门',
};

export const timetableColumns: ColumnSpec<'semester' | 'courseCode' | 'courseName' | 'teacherNo' | 'classNames'> = {
  fields: ['semester', 'courseCode', 'courseName', 'teacherNo', 'classNames'],
  labels: {
    semester: '学期',
    courseCode: '课程代码',
    courseName: '课程名称',
    teacherNo: '任课教师工号',
    classNames: '上课班级',
  },
  synonyms: {
    semester: ['学期', '开课学期', '学年学期'],
    courseCode: ['课程代码', '课程号', '课程编号', 'kch'],
    courseName: ['课程名称', '课程名', 'kcmc'],
    teacherNo: ['任课教师工号', '教师工号', '工号', 'jsgh'],
    classNames: ['上课班级', '教学班组成', '班级', '行政班'],
  },
  required: ['semester', 'courseCode', 'courseName', 'teacherNo', 'classNames'],
  example: '第一行应为表头，如 学期、课程代码、课程名称、任课教师工号、上课班级',
};
