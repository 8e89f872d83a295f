import { mapHeader } from '../../../cloudfunctions/core/grades/header-map';

describe('grade export headers', () => {
  test.each([
    [
      'Chinese',
      ['学号', '姓名', '班级', '课程代码', '课程名称', '学分', '成绩', '考试性质', '学期', '任课教师', '开课院系'],
    ],
    [
      'English',
      [
        'studentId',
        'studentName',
        'classId',
        'courseCode',
        'courseName',
        'credits',
        'score',
        'attempt',
        'semester',
        'teacherName',
        'departmentId',
      ],
    ],
    [
      'English, other spellings',
      [
        'Student_ID',
        'Name',
        'Class',
        'Course Code',
        'Course Name',
        'Credit',
        'Grade',
        'Exam Type',
        'Term',
        'Teacher',
        'Department',
      ],
    ],
    [
      'Chinese synonyms with a BOM',
      [
        '\uFEFF学生学号',
        '学生姓名',
        '行政班',
        '课程号',
        '课程名',
        '课程学分',
        '总评成绩',
        '考试类型',
        '开课学期',
        '教师姓名',
        '开课单位',
      ],
    ],
  ])('%s headers map to every field', (_name, cells) => {
    const result = mapHeader(cells);
    expect(result.ok && result.map.columns).toEqual({
      studentId: 0,
      studentName: 1,
      classId: 2,
      courseCode: 3,
      courseName: 4,
      credits: 5,
      score: 6,
      attempt: 7,
      semester: 8,
      teacherName: 9,
      departmentId: 10,
    });
  });

  test('unknown columns are listed and ignored', () => {
    const result = mapHeader(['学号', '课程代码', '课程名称', '学分', '成绩', '考试性质', '学期', '绩点', '备注']);
    expect(result.ok && result.map.ignored).toEqual(['绩点', '备注']);
  });

  test('missing required columns are named in Chinese', () => {
    expect(mapHeader(['学号', '姓名', '课程名称', '成绩'])).toEqual({
      ok: false,
      message:
        '表头缺少必需的列：课程代码、学分、考试性质、学期（第一行应为表头，如 学号、课程代码、课程名称、学分、成绩、考试性质、学期）',
    });
  });

  test('the semester may come from the caller instead of a column', () => {
    expect(mapHeader(['学号', '课程代码', '课程名称', '学分', '成绩', '考试性质'], true).ok).toBe(true);
  });

  test('a column given twice is refused', () => {
    expect(mapHeader(['学号', '学生学号', '课程代码', '课程名称', '学分', '成绩', '考试性质', '学期'])).toEqual({
      ok: false,
      message: '表头重复：学生学号',
    });
  });
});
