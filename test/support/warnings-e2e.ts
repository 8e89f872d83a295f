import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoData } from '../../scripts/demo/generate';

const GOOD_WORDS = new Set(['优秀', '良好', '中等', '合格']);

/** A student of the class with no weak result in the demo data: surely not on any list yet. */
export function strongStudent(demo: DemoData, classId: string, nth = 0) {
  const student = demo.students.filter((s) => {
    if (s.classId !== classId) return false;
    const grades = demo.grades.filter((g) => g.studentId === s._id);
    return (
      grades.length > 0 &&
      grades.every((g) => g.attempt === 'regular' && (GOOD_WORDS.has(g.score) || Number(g.score) >= 70))
    );
  })[nth];
  if (!student) throw new Error(`no strong student in ${classId}`);
  return student;
}

/**
 * The academic system's file of a semester's late results: three regular-exam fails for one
 * student (→ 学业警示 under lzut-life) and a row of a student the college does not have.
 */
export function writeLateResults(
  dir: string,
  studentId: string,
  semester: string,
): { path: string; inserted: number; bad: number } {
  const lines = [
    '学号,姓名,课程代码,课程名称,学分,成绩,考试性质,学期',
    `${studentId},,E2E101,生物化学实验,2,45,正考,${semester}`,
    `${studentId},,E2E102,专业英语,2,不及格,正考,${semester}`,
    `${studentId},,E2E103,工程制图,3,缺考,正考,${semester}`,
    `X0000001,查无此人,E2E101,生物化学实验,2,80,正考,${semester}`,
  ];
  const path = join(dir, `成绩补录-${semester}.csv`);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`, 'utf8');
  return { path, inserted: 3, bad: 1 };
}
