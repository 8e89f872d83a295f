import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A small college's own files, as its offices keep them (go-live, issue 13): the staff list, the
 * classes with their staff by 工号, the student roster with dorms and parents, and a 正方 grade
 * export of the semester just finished (2025-2026-2), in which 孙一鸣 fails three courses.
 */
export type Cells = ReadonlyArray<string | number>;

export const COLLEGE = { collegeId: 'life', collegeName: '生命科学与工程学院' };
export const BOOTSTRAP_CLERK = { staffNo: 'T0001', name: '张秘书' };
export const SEMESTER = '2025-2026-2';

export const staffRows: Cells[] = [
  ['工号', '姓名', '角色', '手机', '部门'],
  ['T0001', '张秘书', '教学秘书', '13800000001', '学院办公室'],
  ['T1001', '周辅导', '辅导员', '13800001001', '学生工作办公室'],
  ['T1002', '吴班主', '班主任', '13800001002', '生物工程系'],
  ['T1003', '郑班主', '班主任、任课教师', '13800001003', '生物工程系'],
  ['T1004', '王助理', '学业助理', '13800001004', '研究生'],
  ['T1005', '李明', '任课教师', '13800001005', '化学系'],
  ['T1006', '冯主任', '系主任', '13800001006', '生物工程系'],
];

export const classRows: Cells[] = [
  ['班级', '专业', '年级', '系', '辅导员', '班主任', '学业助理'],
  ['生工2401班', '生物工程', 2024, '生物工程系', 'T1001', 'T1002', 'T1004'],
  ['生工2402班', '生物工程', 2024, '生物工程系', 'T1001', 'T1003', 'T1004'],
];

export const studentRows: Cells[] = [
  ['学号', '姓名', '性别', '班级', '专业', '年级', '宿舍楼', '宿舍房间', '家长姓名', '家长电话'],
  ['2024310101', '孙一鸣', '男', '生工2401班', '生物工程', 2024, '7号楼', '305', '孙建国', '13900000101/13900000111'],
  ['2024310102', '钱二妹', '女', '生工2401班', '生物工程', 2024, '3号楼', '201', '钱芳', '13900000102'],
  ['2024310103', '赵三强', '男', '生工2401班', '生物工程', 2024, '7号楼', '305', '赵海', '13900000103'],
  ['2024310201', '李四海', '男', '生工2402班', '生物工程', 2024, '7号楼', '306', '李军', '13900000201'],
  ['2024310202', '周五月', '女', '生工2402班', '生物工程', 2024, '3号楼', '202', '周丽', '13900000202'],
];

/** 正方's own field names; xqm 12 is the second term; 成绩作废 = 是 rows are left out. */
export const zhengfangRows: Cells[] = [
  ['xh', 'xm', 'kch', 'kcmc', 'xf', 'cj', 'ksxz', 'kcxzmc', 'cjsfzf', 'xnm', 'xqm', 'jsxm'],
  ['2024310101', '孙一鸣', 'SW201', '有机化学', 4, 45, '正常考试', '必修课', '否', 2025, 12, '李明'],
  ['2024310101', '孙一鸣', 'SW202', '生物化学', 3, 52, '正常考试', '必修课', '否', 2025, 12, '郑班主'],
  ['2024310101', '孙一鸣', 'SW203', '微生物学', 3, '不及格', '正常考试', '必修课', '否', 2025, 12, '郑班主'],
  ['2024310101', '孙一鸣', 'GX101', '音乐欣赏', 1, 80, '正常考试', '公选课', '是', 2025, 12, '周放'],
  ['2024310102', '钱二妹', 'SW201', '有机化学', 4, 81, '正常考试', '必修课', '否', 2025, 12, '李明'],
  ['2024310102', '钱二妹', 'SW202', '生物化学', 3, 77, '正常考试', '必修课', '否', 2025, 12, '郑班主'],
  ['2024310103', '赵三强', 'SW201', '有机化学', 4, 66, '正常考试', '必修课', '否', 2025, 12, '李明'],
  ['2024310201', '李四海', 'SW201', '有机化学', 4, 90, '正常考试', '必修课', '否', 2025, 12, '李明'],
  ['2024310202', '周五月', 'SW201', '有机化学', 4, 71, '正常考试', '必修课', '否', 2025, 12, '李明'],
];

function csvLine(cells: Cells): string {
  return cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
}

export function csvText(rows: Cells[]): string {
  return `\uFEFF${rows.map(csvLine).join('\r\n')}\r\n`;
}

/** Writes the files into a folder (the clerk's computer), named as an office would name them. */
export function writeCollegeFiles(dir: string): { staff: string; classes: string; students: string; grades: string } {
  const write = (name: string, rows: Cells[]) => {
    const path = join(dir, name);
    writeFileSync(path, csvText(rows), 'utf8');
    return path;
  };
  return {
    staff: write('教职工名单.csv', staffRows),
    classes: write('班级名单.csv', classRows),
    students: write('学生名单.csv', studentRows),
    grades: write('正方成绩导出-2025-2026-2.csv', zhengfangRows),
  };
}
